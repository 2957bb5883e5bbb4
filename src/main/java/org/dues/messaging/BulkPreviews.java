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
 * would hold it back (or {@value #SENDER}, when the sender may make no contact on the
 * account's creditor's accounts). Nothing is recorded with the gate: the dispatcher asks
 * it again when each message leaves. Accounts, customers and templates are read in bulk.
 */
@Component
class BulkPreviews {

	/**
	 * The most accounts the gate is asked about in one preview: beyond them an even
	 * spread of this many is asked, and the counts are estimated from it (about ±3% at
	 * 95% confidence). The gate decides every message anyway when it leaves.
	 */
	static final int GATED_AT_MOST = 1_000;

	/**
	 * The reason a message is held back when its sender may make no contact on the
	 * account (no current recovery-agent certificate for an Indian account): the
	 * dispatcher blocks it.
	 */
	static final String SENDER = "sender";

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
	Found preview(List<UUID> ids, Channel channel, String template, @Nullable String language, String sender) {
		Loaded loaded = load(ids, channel, template, language);
		// whether the sender may make contact at all (a recovery-agent certificate for
		// Indian accounts) depends on the account's creditor: asked once a creditor
		Map<CreditorId, Boolean> refused = new HashMap<>();
		Each[] each = new Each[ids.size()];
		List<Integer> toGate = new ArrayList<>();
		int senderHeld = 0;
		for (int i = 0; i < ids.size(); i++) {
			UUID id = ids.get(i);
			AccountView account = loaded.accounts().get(new AccountId(id));
			CustomerView customer = loaded.customers().get(account.customerId());
			// a template missing for any account's creditor and language refuses the
			// whole
			// bulk send now, not when its messages are queued
			loaded.template(account, customer);
			List<String> usable = Messages.usable(channel, customer);
			if (usable.isEmpty()) {
				each[i] = new Each(id, null, Outcome.NO_ADDRESS);
			}
			else if (refused.computeIfAbsent(account.creditorId(),
					(c) -> this.contacts.callerRefusal(account.id(), channel, sender) != null)) {
				each[i] = new Each(id, usable.get(0), Outcome.HELD);
				senderHeld++;
			}
			else {
				// not asked about (yet): the first address
				each[i] = new Each(id, usable.get(0), Outcome.UNCHECKED);
				toGate.add(i);
			}
		}
		// the gate is asked about every one, or about an even spread of GATED_AT_MOST
		int asked = Math.min(toGate.size(), GATED_AT_MOST);
		int now = 0;
		Map<String, Integer> heldInSample = new TreeMap<>();
		for (int n = 0; n < asked; n++) {
			int i = toGate.get((int) ((long) n * toGate.size() / asked));
			AccountView account = loaded.accounts().get(new AccountId(ids.get(i)));
			TemplateView chosen = loaded.template(account, loaded.customers().get(account.customerId()));
			Gated gated = gate(account, channel, chosen.purpose(),
					Messages.usable(channel, loaded.customers().get(account.customerId())));
			if (gated.rule() == null) {
				each[i] = new Each(ids.get(i), gated.address(), Outcome.NOW);
				now++;
			}
			else {
				each[i] = new Each(ids.get(i), gated.address(), Outcome.HELD);
				heldInSample.merge(gated.rule(), 1, Integer::sum);
			}
		}
		int rest = toGate.size();
		int wouldGo = (asked == rest) ? now : (int) Math.round((double) now * rest / Math.max(asked, 1));
		Map<String, Integer> held = new TreeMap<>();
		heldInSample.forEach((rule, count) -> held.put(rule,
				(asked == rest) ? count : (int) Math.round((double) count * rest / Math.max(asked, 1))));
		if (senderHeld > 0) {
			held.put(SENDER, senderHeld);
		}
		int noAddress = (int) java.util.Arrays.stream(each).filter((e) -> e.outcome() == Outcome.NO_ADDRESS).count();
		return new Found(List.of(each), wouldGo, ids.size() - noAddress - wouldGo, noAddress, held, asked,
				asked < rest);
	}

	/**
	 * The first of the addresses the gate allows now (rule null), else the first address
	 * and the rule that held it back.
	 */
	private Gated gate(AccountView account, Channel channel, MessagePurpose purpose, List<String> usable) {
		String first = null;
		for (String candidate : usable) {
			ContactGate.Preview gate = this.contacts.check(Messages.request(account.id(), channel, candidate, purpose));
			if (gate.decision().allowed()) {
				return new Gated(candidate, null);
			}
			if (first == null) {
				first = gate.decision().blockedBy().stream().map(RuleResult::rule).findFirst().orElse("gate");
			}
		}
		return new Gated(usable.get(0), first);
	}

	private record Gated(String address, @Nullable String rule) {
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

		/** The gate would let it go. */
		NOW,
		/** The gate, or the sender's lack of a certificate, would hold it back. */
		HELD,
		/** No usable address. */
		NO_ADDRESS,
		/** Not asked about: outside the sample of a large bulk send. */
		UNCHECKED

	}

	/** One account's preview: the address (null when none is usable) and the outcome. */
	record Each(UUID account, @Nullable String address, Outcome outcome) {
	}

	/**
	 * Every account's preview, and the counts: exact when the gate was asked about every
	 * addressed account, else estimated from the spread it was asked about.
	 *
	 * @param gated how many accounts the gate was asked about
	 * @param estimated whether the counts of those that would go and be held back are
	 * estimated from a sample
	 */
	record Found(List<Each> each, int wouldGo, int heldBack, int unaddressable, Map<String, Integer> heldByRule,
			int gated, boolean estimated) {
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
