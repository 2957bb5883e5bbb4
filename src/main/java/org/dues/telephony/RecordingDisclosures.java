package org.dues.telephony;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.dues.customer.CustomerManagement;
import org.dues.customer.CustomerView;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.Creditors;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The recording disclosure a call plays first, in the customer's language (English, Hindi
 * or Malayalam; English for any other), as the customer's jurisdiction needs it:
 * <ul>
 * <li>a customer in a US state whose wiretap law needs every party's consent (California
 * Penal Code § 632, Massachusetts G.L. c. 272 § 99, Florida § 934.03, Illinois 720 ILCS
 * 5/14-2, Maryland Cts. &amp; Jud. Proc. § 10-402, Montana § 45-8-213, New Hampshire RSA
 * 570-A:2, Pennsylvania 18 Pa.C.S. § 5704, Washington RCW 9.73.030, Connecticut (civil, §
 * 52-570d), Delaware, Michigan), or a US customer whose state is not known (they may be
 * in any of them): {@link Kind#CONSENT}, the call is recorded and the customer may say
 * they do not agree;</li>
 * <li>everyone else, the UK (Ofcom and the ICO expect callers to be told) and India
 * included: {@link Kind#NOTICE}, the call is recorded.</li>
 * </ul>
 * The state comes from the customer's postal addresses, as the compliance gate takes it.
 * With {@code dues.telephony.recordings.enabled=false} no call is recorded and there is
 * no disclosure.
 */
@Service
public class RecordingDisclosures {

	/** US states whose law needs every party's consent to record a call. */
	static final Set<String> ALL_PARTY_STATES = Set.of("CA", "MA", "FL", "IL", "MD", "MT", "NH", "PA", "WA", "CT", "DE",
			"MI");

	static final Set<String> LANGUAGES = Set.of("en", "hi", "ml");

	private final Accounts accounts;

	private final Creditors creditors;

	private final CustomerManagement customers;

	private final MessageSource messages;

	private final boolean enabled;

	RecordingDisclosures(Accounts accounts, Creditors creditors, CustomerManagement customers, MessageSource messages,
			@Value("${dues.telephony.recordings.enabled:true}") boolean enabled) {
		this.accounts = accounts;
		this.creditors = creditors;
		this.customers = customers;
		this.messages = messages;
		this.enabled = enabled;
	}

	/**
	 * The disclosure for a call with the account's customer.
	 * @return null when calls are not recorded
	 */
	@Transactional(readOnly = true)
	public @Nullable Disclosure forAccount(AccountId id) {
		if (!this.enabled) {
			return null;
		}
		AccountView account = this.accounts.get(id);
		CustomerView customer = this.customers.get(account.customerId());
		String country = this.creditors.get(account.creditorId()).country();
		List<String> regions = customer.addresses()
			.stream()
			.filter((a) -> a.status().current() && a.address().state() != null)
			.map((a) -> a.address().country() + "-" + a.address().state().toUpperCase(Locale.ROOT))
			.toList();
		return disclosure(kind(country, regions), customer.language());
	}

	/**
	 * The disclosure for a caller whose account is not known yet, by the country of their
	 * number, in their language when known.
	 * @return null when calls are not recorded
	 */
	public @Nullable Disclosure forCaller(@Nullable String country, @Nullable String language) {
		if (!this.enabled) {
			return null;
		}
		return disclosure(kind(country == null ? "US" : country, List.of()), language);
	}

	/**
	 * The disclosure a customer's jurisdiction needs.
	 * @param country the creditor's country (where the debt is collected)
	 * @param regions the customer's regions ({@code US-CA}…)
	 */
	static Kind kind(String country, Collection<String> regions) {
		List<String> us = regions.stream().filter((r) -> r.startsWith("US-")).toList();
		if (us.stream().anyMatch((r) -> ALL_PARTY_STATES.contains(r.substring(3)))) {
			return Kind.CONSENT;
		}
		if ("US".equals(country) && us.isEmpty()) {
			// the customer may be in any state: the strictest law applies
			return Kind.CONSENT;
		}
		return Kind.NOTICE;
	}

	Disclosure disclosure(Kind kind, @Nullable String language) {
		String lang = (language != null && LANGUAGES.contains(language.toLowerCase(Locale.ROOT)))
				? language.toLowerCase(Locale.ROOT) : "en";
		String text = this.messages.getMessage("telephony.disclosure." + kind.name().toLowerCase(Locale.ROOT), null,
				Locale.forLanguageTag(lang));
		return new Disclosure(kind, lang, text);
	}

	/** What a recorded call must tell the customer first. */
	public enum Kind {

		/** Every party must consent: the customer is told and may refuse. */
		CONSENT,
		/** The customer is told the call is recorded. */
		NOTICE

	}

	/**
	 * A disclosure to play (or, where the provider cannot, for the agent to read).
	 *
	 * @param language its language, ISO 639-1
	 */
	public record Disclosure(Kind kind, String language, String text) {
	}

}
