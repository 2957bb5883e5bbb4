package org.dues.messaging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.dues.compliance.Channel;
import org.dues.compliance.ContactGate;
import org.dues.compliance.RuleResult;
import org.dues.contact.ContactLog;
import org.dues.customer.CustomerId;
import org.dues.customer.CustomerManagement;
import org.dues.customer.CustomerView;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.CreditorId;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.shared.InvalidInputException;
import org.dues.shared.Phrase;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * What a bulk send would do, account by account, read once: the address each message
 * would go to (the first of the customer's usable addresses the gate allows now, else the
 * first) and whether the gate would let it go at this moment, grouped by the rule that
 * would hold it back. Nothing is recorded with the gate: the dispatcher asks it again
 * when each message leaves. Accounts, customers and templates are read in bulk.
 */
@Component
class BulkPreviews {

	private final Accounts accounts;

	private final Creditors creditors;

	private final CustomerManagement customers;

	private final Templates templates;

	private final ContactLog contacts;

	BulkPreviews(Accounts accounts, Creditors creditors, CustomerManagement customers, Templates templates,
			ContactLog contacts) {
		this.accounts = accounts;
		this.creditors = creditors;
		this.customers = customers;
		this.templates = templates;
		this.contacts = contacts;
	}

	/**
	 * The preview of each account, in the order given.
	 * @throws InvalidInputException when the template does not exist on the channel for
	 * an account's creditor
	 */
	Found preview(List<UUID> ids, Channel channel, String template, @Nullable String language) {
		Loaded loaded = load(ids, channel, template, language);
		List<Each> each = new ArrayList<>(ids.size());
		Map<String, Integer> held = new TreeMap<>();
		for (UUID id : ids) {
			AccountView account = loaded.accounts().get(new AccountId(id));
			CustomerView customer = loaded.customers().get(account.customerId());
			TemplateView chosen = loaded.template(account, customer);
			List<String> usable = Messages.usable(channel, customer);
			if (usable.isEmpty()) {
				each.add(new Each(id, null, Outcome.NO_ADDRESS));
				continue;
			}
			String first = null;
			String address = null;
			for (String candidate : usable) {
				ContactGate.Preview gate = this.contacts
					.check(Messages.request(account.id(), channel, candidate, chosen.purpose()));
				if (gate.decision().allowed()) {
					address = candidate;
					break;
				}
				if (first == null) {
					first = gate.decision().blockedBy().stream().map(RuleResult::rule).findFirst().orElse("gate");
				}
			}
			if (address != null) {
				each.add(new Each(id, address, Outcome.NOW));
			}
			else {
				each.add(new Each(id, usable.get(0), Outcome.HELD));
				held.merge(String.valueOf(first), 1, Integer::sum);
			}
		}
		return new Found(each, held);
	}

	/**
	 * The accounts, their customers and creditors, read in bulk, and the template each
	 * account's message would use.
	 */
	Loaded load(List<UUID> ids, Channel channel, String template, @Nullable String language) {
		Map<AccountId, AccountView> accounts = this.accounts.getAll(ids.stream().map(AccountId::new).toList());
		Map<CustomerId, CustomerView> customers = this.customers
			.getAll(accounts.values().stream().map(AccountView::customerId).distinct().toList());
		return new Loaded(accounts, customers, new HashMap<>(), new HashMap<>(), channel, template.strip(),
				(language == null || language.isBlank()) ? null : language.strip().toLowerCase(Locale.ROOT));
	}

	/** Whether the gate would let a message go now. */
	enum Outcome {

		NOW, HELD, NO_ADDRESS

	}

	/** One account's preview: the address (null when none is usable) and the outcome. */
	record Each(UUID account, @Nullable String address, Outcome outcome) {
	}

	/** Every account's preview, and how many the gate would hold back by its rule. */
	record Found(List<Each> each, Map<String, Integer> heldByRule) {

		int count(Outcome outcome) {
			return (int) this.each.stream().filter((e) -> e.outcome() == outcome).count();
		}

	}

	/** What a bulk send reads of its accounts, and the templates chosen, cached. */
	final class Loaded {

		private final Map<AccountId, AccountView> accounts;

		private final Map<CustomerId, CustomerView> customers;

		private final Map<CreditorId, CreditorView> creditorViews;

		private final Map<String, TemplateView> chosen;

		private final Channel channel;

		private final String code;

		private final @Nullable String language;

		Loaded(Map<AccountId, AccountView> accounts, Map<CustomerId, CustomerView> customers,
				Map<CreditorId, CreditorView> creditorViews, Map<String, TemplateView> chosen, Channel channel,
				String code, @Nullable String language) {
			this.accounts = accounts;
			this.customers = customers;
			this.creditorViews = creditorViews;
			this.chosen = chosen;
			this.channel = channel;
			this.code = code;
			this.language = language;
		}

		Map<AccountId, AccountView> accounts() {
			return this.accounts;
		}

		Map<CustomerId, CustomerView> customers() {
			return this.customers;
		}

		CreditorView creditor(AccountView account) {
			return this.creditorViews.computeIfAbsent(account.creditorId(), BulkPreviews.this.creditors::get);
		}

		/** The template in the language asked for, else the customer's, else English. */
		TemplateView template(AccountView account, CustomerView customer) {
			String language = (this.language != null) ? this.language
					: (customer.language() != null) ? customer.language() : "en";
			return this.chosen.computeIfAbsent(account.creditorId().value() + "/" + language,
					(key) -> BulkPreviews.this.templates
						.resolve(this.code, this.channel, language, account.creditorId())
						.orElseThrow(() -> new InvalidInputException("template",
								"no %s template %s".formatted(this.channel, this.code),
								Phrase.of("validation.message.template", this.code, this.channel.name()))));
		}

	}

}
