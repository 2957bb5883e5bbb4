package org.dues.messaging.letter;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.dues.customer.CustomerKind;
import org.dues.customer.CustomerManagement;
import org.dues.customer.CustomerView;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.shared.PostalAddress;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Produces the validation notice of 12 CFR 1006.34 for a US consumer account when it is
 * placed ({@link ValidationNoticeTask}): dated the day of placement (the day it goes to
 * the print batch or by email), with the itemization ({@link Itemization}) and the end of
 * the validation period ({@link ValidationPeriod}). A notice is kept once an account and
 * sent through the outbox ({@link NoticeDelivery}): by email where the consumer agreed to
 * electronic delivery, else by post; with neither it is kept {@code HELD}, not sent.
 */
@Service
public class ValidationNotices {

	private final Accounts accounts;

	private final Creditors creditors;

	private final CustomerManagement customers;

	private final LetterPdf pdf;

	private final NoticeDelivery delivery;

	private final Collector collector;

	ValidationNotices(Accounts accounts, Creditors creditors, CustomerManagement customers, LetterPdf pdf,
			NoticeDelivery delivery, Collector collector) {
		this.accounts = accounts;
		this.creditors = creditors;
		this.customers = customers;
		this.pdf = pdf;
		this.delivery = delivery;
		this.collector = collector;
	}

	/**
	 * The account's validation notice, made now if it is a US consumer account without
	 * one.
	 * @param placedOn the day of placement in the creditor's time zone
	 * @return empty for an account that needs none (not a US consumer debt)
	 */
	@Transactional
	public Optional<LetterView> produce(AccountId id, LocalDate placedOn) {
		AccountView account = this.accounts.get(id);
		CreditorView creditor = this.creditors.get(account.creditorId());
		CustomerView customer = this.customers.get(account.customerId());
		if (!"US".equals(creditor.country()) || customer.kind() != CustomerKind.PERSON) {
			return Optional.empty();
		}
		Optional<LetterView> existing = this.delivery.existing(id, ValidationNoticeText.TEMPLATE);
		if (existing.isPresent()) {
			return existing;
		}
		Itemization itemization = Itemization.of(account, placedOn, this.accounts.ledger(id));
		LocalDate periodEnds = ValidationPeriod.end(placedOn);
		List<String> address = customer.addresses()
			.stream()
			.filter((a) -> a.status().current())
			.findFirst()
			.map((a) -> lines(a.address()))
			.orElse(List.of());
		String ref = account.accountRef();
		var facts = new ValidationNoticeText.Facts(this.collector.party(), this.collector.phone(),
				this.collector.hours(), this.collector.email(), creditor.name(),
				new Letter.Party(customer.name(), address), ref.substring(Math.max(0, ref.length() - 4)),
				account.product(), reference(account), placedOn, itemization, periodEnds);
		LetterPdf.Rendered rendered = this.pdf.render(ValidationNoticeText.letter(facts), true);
		return Optional.of(this.delivery.deliver(
				new Letters.NewLetter(id.value(), customer.id().value(), ValidationNoticeText.TEMPLATE, "en", placedOn,
						customer.name(), address, rendered, json(itemization, periodEnds), null, NoticeDelivery.BY),
				customer));
	}

	/** The reference the consumer quotes: the creditor's code and the account's. */
	private static String reference(AccountView account) {
		return account.creditorCode() + "-" + account.accountRef();
	}

	/** The address as it is printed: street lines, then city, state and ZIP code. */
	static List<String> lines(PostalAddress address) {
		String cityLine = Stream.of(address.city(), address.state())
			.filter((s) -> s != null)
			.reduce((a, b) -> a + ", " + b)
			.orElse("");
		if (address.postalCode() != null) {
			cityLine = (cityLine.isEmpty() ? "" : cityLine + " ") + address.postalCode();
		}
		return Stream
			.of(address.line1(), address.line2(), cityLine, "US".equals(address.country()) ? null : address.country())
			.filter((s) -> s != null && !s.isBlank())
			.toList();
	}

	private static String json(Itemization i, LocalDate periodEnds) {
		return """
				{"itemizationDate":"%s","basis":"%s","owedThen":"%s","interest":"%s","fees":"%s",\
				"paymentsAndCredits":"%s","owedNow":"%s","currency":"%s","validationPeriodEnds":"%s"}""".formatted(
				i.date(), i.basis(), i.owedThen().amount().toPlainString(), i.interest().amount().toPlainString(),
				i.fees().amount().toPlainString(), i.paymentsAndCredits().amount().toPlainString(),
				i.owedNow().amount().toPlainString(), i.owedNow().currency().getCurrencyCode(), periodEnds);
	}

	/**
	 * The debt collector as its notices name it ({@code DUES_LETTERS_COLLECTOR_*}).
	 */
	@org.springframework.stereotype.Component
	static class Collector {

		private final String name;

		private final List<String> address;

		private final @Nullable String phone;

		private final @Nullable String hours;

		private final @Nullable String email;

		Collector(@Value("${dues.letters.collector-name:Dues Collections}") String name,
				@Value("${dues.letters.collector-address:}") String address,
				@Value("${dues.letters.collector-phone:}") String phone,
				@Value("${dues.letters.collector-hours:}") String hours,
				@Value("${dues.letters.collector-email:}") String email) {
			this.name = name;
			this.address = Arrays.stream(address.split("\\|")).map(String::strip).filter((s) -> !s.isEmpty()).toList();
			this.phone = phone.isBlank() ? null : phone;
			this.hours = hours.isBlank() ? null : hours;
			this.email = email.isBlank() ? null : email;
		}

		Letter.Party party() {
			return new Letter.Party(this.name, this.address);
		}

		@Nullable String phone() {
			return this.phone;
		}

		@Nullable String hours() {
			return this.hours;
		}

		@Nullable String email() {
			return this.email;
		}

	}

}
