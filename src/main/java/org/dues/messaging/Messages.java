package org.dues.messaging;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.dues.compliance.Channel;
import org.dues.compliance.ContactGate;
import org.dues.compliance.PersonRole;
import org.dues.contact.ContactLog;
import org.dues.customer.CustomerManagement;
import org.dues.customer.CustomerView;
import org.dues.identity.UserManagement;
import org.dues.messaging.provider.PublicUrl;
import org.dues.payment.PaymentLinkView;
import org.dues.payment.PaymentLinks;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.shared.InvalidInputException;
import org.dues.shared.Money;
import org.dues.shared.NotFoundException;
import org.dues.shared.PhoneNumber;
import org.dues.shared.Phrase;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox: a message is rendered from its template for the account and queued; the
 * {@link Dispatcher} asks the gate when it leaves. Also the account's messages, a preview
 * of what a message would say and whether it would go now, and the cancelling of queued
 * collection messages.
 */
@Service
public class Messages {

	private final JdbcClient jdbc;

	private final Templates templates;

	private final Accounts accounts;

	private final Creditors creditors;

	private final CustomerManagement customers;

	private final UserManagement users;

	private final ContactLog contacts;

	private final MessageSource texts;

	private final Clock clock;

	private final String payBase;

	private final PaymentLinks links;

	Messages(JdbcClient jdbc, Templates templates, Accounts accounts, Creditors creditors, CustomerManagement customers,
			UserManagement users, ContactLog contacts, MessageSource texts, Clock clock, PublicUrl publicUrl,
			PaymentLinks links) {
		this.links = links;
		this.jdbc = jdbc;
		this.templates = templates;
		this.accounts = accounts;
		this.creditors = creditors;
		this.customers = customers;
		this.users = users;
		this.contacts = contacts;
		this.texts = texts;
		this.clock = clock;
		this.payBase = publicUrl.of("/pay/");
	}

	/**
	 * What the message would say and to whom, and whether the gate would let it go now;
	 * nothing is recorded.
	 */
	public Preview preview(NewMessage message, String actor) {
		Draft draft = draft(message, actor, false);
		ContactGate.Preview gate = (draft.address() == null && message.channel() != Channel.LETTER) ? null
				: this.contacts.check(
						request(draft.account().id(), message.channel(), draft.address(), draft.template().purpose()));
		return new Preview(draft.rendered(), draft.address(), draft.language(), gate);
	}

	/**
	 * Queues a message; it leaves when the {@link Dispatcher} takes it and the gate
	 * allows it then.
	 * @return the queued message, or the one already queued under the same dedup key
	 * @throws InvalidInputException for an unknown template, an address that is not the
	 * customer's, no address at all
	 */
	@Transactional
	public MessageView queue(NewMessage message, String actor) {
		if (message.dedupKey() != null) {
			Optional<UUID> known = this.jdbc.sql("SELECT id FROM messaging_messages WHERE dedup_key = :k")
				.param("k", message.dedupKey())
				.query(UUID.class)
				.optional();
			if (known.isPresent()) {
				return get(known.get());
			}
		}
		Draft draft = draft(message, actor, true);
		if (draft.address() == null) {
			throw new InvalidInputException("to",
					"the customer has no %s address we may use"
						.formatted(message.channel().name().toLowerCase(Locale.ROOT)),
					Phrase.of("validation.message.noAddress", message.channel().name()));
		}
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		Instant notBefore = (message.notBefore() == null || message.notBefore().isBefore(now)) ? now
				: message.notBefore();
		int inserted = this.jdbc
			.sql("""
					INSERT INTO messaging_messages (id, account_id, customer_id, creditor_id, channel, purpose, template_id,
					    template_version, language, address, subject, body, parameters, status, next_attempt_at, bulk_id, dedup_key,
					    created_at, created_by, updated_at)
					VALUES (:id, :account, :customer, :creditor, :channel, :purpose, :template, :version, :language,
					    :address, :subject, :body, :parameters, 'QUEUED', :next, :bulk, :dedup, :now, :actor, :now)
					ON CONFLICT (dedup_key) DO NOTHING""")
			.param("id", id)
			.param("account", draft.account().id().value())
			.param("customer", draft.account().customerId().value())
			.param("creditor", draft.account().creditorId().value())
			.param("channel", message.channel().name())
			.param("purpose", draft.template().purpose().name())
			.param("template", draft.template().id())
			.param("version", draft.template().version())
			.param("language", draft.template().language())
			.param("address", draft.address())
			.param("subject", draft.rendered().subject())
			.param("body", draft.rendered().body())
			.param("parameters", draft.rendered().parameters().toArray(String[]::new))
			.param("next", Timestamp.from(notBefore))
			.param("bulk", message.bulkId())
			.param("dedup", message.dedupKey())
			.param("now", Timestamp.from(now))
			.param("actor", actor)
			.update();
		if (inserted == 0) {
			return get(this.jdbc.sql("SELECT id FROM messaging_messages WHERE dedup_key = :k")
				.param("k", message.dedupKey())
				.query(UUID.class)
				.single());
		}
		event(id, MessageStatus.QUEUED, notBefore.isAfter(now) ? "scheduled for " + notBefore : null, now);
		return get(id);
	}

	/** A message with its history. */
	public MessageView get(UUID id) {
		return find(List.of(id)).stream().findFirst().orElseThrow(() -> new NotFoundException("message", id));
	}

	/** The account's messages, newest first, each with its history. */
	public List<MessageView> ofAccount(AccountId account, int limit) {
		List<UUID> ids = this.jdbc
			.sql("SELECT id FROM messaging_messages WHERE account_id = :a ORDER BY created_at DESC, id LIMIT :n")
			.param("a", account.value())
			.param("n", limit)
			.query(UUID.class)
			.list();
		return find(ids);
	}

	/**
	 * Cancels the account's queued collection messages (a payment cleared the overdue, a
	 * hold was placed); notices the law requires and receipts still go.
	 * @return how many were cancelled
	 */
	@Transactional
	public int cancelCollection(AccountId account, String why) {
		List<String> collection = java.util.Arrays.stream(MessagePurpose.values())
			.filter(MessagePurpose::collection)
			.map(Enum::name)
			.toList();
		return cancel("account_id = :key AND purpose IN (:purposes)", account.value(), collection, why);
	}

	/**
	 * Which of these accounts have collection messages queued, in one read.
	 */
	public List<AccountId> withCollectionQueued(java.util.Collection<AccountId> accounts) {
		if (accounts.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				SELECT DISTINCT account_id FROM messaging_messages
				WHERE status = 'QUEUED' AND account_id = ANY(:accounts) AND purpose = ANY(:purposes)""")
			.param("accounts", accounts.stream().map(AccountId::value).distinct().toArray(UUID[]::new))
			.param("purposes",
					java.util.Arrays.stream(MessagePurpose.values())
						.filter(MessagePurpose::collection)
						.map(Enum::name)
						.toArray(String[]::new))
			.query((rs, n) -> new AccountId(rs.getObject(1, UUID.class)))
			.list();
	}

	/**
	 * Cancels every queued message to the address on the channel (an opt-out), whoever's.
	 */
	@Transactional
	public int cancelTo(Channel channel, String address, String why) {
		return cancel("channel = '" + channel.name() + "' AND address = :key", address, null, why);
	}

	/**
	 * Cancels the bulk send's messages still queued.
	 * @return how many were cancelled
	 */
	@Transactional
	int cancelBulk(UUID bulk, String why) {
		return cancel("bulk_id = :key", bulk, null, why);
	}

	private int cancel(String where, Object key, @Nullable List<String> purposes, String why) {
		Instant now = this.clock.instant();
		List<UUID> cancelled = this.jdbc.sql("""
				UPDATE messaging_messages SET status = 'CANCELLED', reasons = :why, updated_at = :now
				WHERE status = 'QUEUED' AND %s RETURNING id""".formatted(where))
			.param("key", key)
			.param("purposes", (purposes == null) ? List.of("") : purposes)
			.param("why", why)
			.param("now", Timestamp.from(now))
			.query(UUID.class)
			.list();
		if (!cancelled.isEmpty()) {
			this.jdbc.sql("""
					INSERT INTO messaging_message_events (message_id, at, status, detail)
					SELECT unnest(:ids), :now, 'CANCELLED', :why""")
				.param("ids", cancelled.toArray(UUID[]::new))
				.param("now", Timestamp.from(now))
				.param("why", why)
				.update();
		}
		return cancelled.size();
	}

	void event(UUID id, MessageStatus status, @Nullable String detail, Instant at) {
		this.jdbc.sql("INSERT INTO messaging_message_events (message_id, at, status, detail) VALUES (:id, :at, :s, :d)")
			.param("id", id)
			.param("at", Timestamp.from(at))
			.param("s", status.name())
			.param("d", detail)
			.update();
	}

	static ContactGate.Request request(AccountId account, Channel channel, @Nullable String address,
			MessagePurpose purpose) {
		return new ContactGate.Request(account, Set.of(), channel, address, PersonRole.CONSUMER, purpose.gatePurpose());
	}

	private Draft draft(NewMessage message, String actor, boolean forSending) {
		AccountView account = this.accounts.get(message.account());
		CreditorView creditor = this.creditors.get(account.creditorId());
		CustomerView customer = this.customers.get(account.customerId());
		String language = (message.language() != null && !message.language().isBlank())
				? message.language().strip().toLowerCase(Locale.ROOT)
				: (customer.language() != null) ? customer.language() : "en";
		TemplateView template = this.templates
			.resolve(message.template().strip(), message.channel(), language, creditor.id())
			.orElseThrow(() -> new InvalidInputException("template",
					"no %s template %s".formatted(message.channel(), message.template()),
					Phrase.of("validation.message.template", message.template(), message.channel().name())));
		String address = address(message, account.id(), customer, creditor);
		Rendered rendered = renderAs(template, account, creditor, customer, sendersName(actor), message.facts(),
				forSending ? actor : null);
		return new Draft(account, template, rendered, address, template.language());
	}

	/**
	 * Renders a template for an account, its variables formatted for the template's
	 * language; an electronic message to a US consumer ends with the opt-out instruction
	 * of Regulation F § 1006.6(e).
	 */
	public Rendered render(TemplateView template, AccountView account, CreditorView creditor, CustomerView customer,
			String actor, NewMessage.@Nullable Facts facts) {
		return renderAs(template, account, creditor, customer, sendersName(actor), facts, null);
	}

	/**
	 * The pay page a message carries: the account's current payment link, or, when the
	 * message is being queued ({@code linkMaker} names who queues it), a new one for what
	 * it owes; a preview shows where a new link would be. Empty when nothing is owed.
	 */
	private String paymentLink(TemplateView template, AccountView account, @Nullable String linkMaker) {
		boolean used = template.body().contains("{{paymentLink}}")
				|| (template.subject() != null && template.subject().contains("{{paymentLink}}"));
		if (!used) {
			return "";
		}
		Optional<PaymentLinkView> link = (linkMaker != null) ? this.links.forMessage(account.id(), linkMaker)
				: this.links.current(account.id());
		if (link.isPresent()) {
			return this.payBase + link.get().token();
		}
		return (linkMaker != null || !account.balances().total().isPositive()) ? "" : this.payBase + "…";
	}

	/** The display name of the sender, or null when they are no user (a job). */
	@Nullable String sendersName(String actor) {
		return this.users.find(actor).map(UserManagement.UserView::displayName).orElse(null);
	}

	/**
	 * As {@link #render}, the sender's name known ({@link #sendersName}; null for the
	 * creditor's name): many messages of one sender look it up once.
	 */
	Rendered renderAs(TemplateView template, AccountView account, CreditorView creditor, CustomerView customer,
			@Nullable String sendersName, NewMessage.@Nullable Facts facts, @Nullable String linkMaker) {
		String language = template.language();
		Map<String, String> values = new HashMap<>();
		values.put("customerName", customer.name());
		values.put("creditor", creditor.name());
		Money due = (facts != null && facts.amountDue() != null) ? facts.amountDue() : account.overdueAmount();
		values.put("amountDue", MessageFormats.money(due, language));
		values.put("balance", MessageFormats.money(account.balances().owed(), language));
		LocalDate dueDate = (facts != null && facts.dueDate() != null) ? facts.dueDate()
				: LocalDate.now(this.clock.withZone(creditor.timeZone())).plusDays(7);
		values.put("dueDate", MessageFormats.date(dueDate, language, account.currency().getCurrencyCode()));
		values.put("instalment", (facts != null && facts.instalment() != null) ? facts.instalment() : "");
		values.put("receiptNumber", (facts != null && facts.receiptNumber() != null) ? facts.receiptNumber() : "");
		values.put("paymentLink", (facts != null && facts.paymentLink() != null)
				? this.payBase + facts.paymentLink().token() : paymentLink(template, account, linkMaker));
		values.put("agent", (sendersName != null) ? sendersName : creditor.name());
		String ref = account.accountRef();
		values.put("accountLast4", ref.substring(Math.max(0, ref.length() - 4)));
		for (String name : TemplateVariables.CASE) {
			values.put(name, (facts != null) ? facts.caseFacts().getOrDefault(name, "") : "");
		}
		String outcomeCode = (facts != null) ? facts.caseFacts().get(CaseLetters.OUTCOME_CODE) : null;
		if (outcomeCode != null) {
			// the decision in the letter's language, then the reasons as they were given
			String decided = this.texts.getMessage("casework.outcome." + outcomeCode, null, outcomeCode,
					MessageFormats.locale(language, account.currency().getCurrencyCode()));
			String why = values.get("caseOutcome");
			values.put("caseOutcome", why.isEmpty() ? decided : decided + ": " + why);
		}
		if (!values.get("caseDueDate").isEmpty()) {
			values.put("caseDueDate", MessageFormats.date(LocalDate.parse(values.get("caseDueDate")), language,
					account.currency().getCurrencyCode()));
		}
		String body = TemplateVariables.fill(template.body(), values);
		String subject = (template.subject() == null) ? null : TemplateVariables.fill(template.subject(), values);
		if (creditor.jurisdiction().startsWith("US") && template.channel() != Channel.LETTER) {
			Locale locale = MessageFormats.locale(language, account.currency().getCurrencyCode());
			String key = (template.channel() == Channel.EMAIL) ? "messaging.optOut.email" : "messaging.optOut.text";
			body = body + ((template.channel() == Channel.EMAIL) ? "\n\n" : " ")
					+ this.texts.getMessage(key, null, locale);
		}
		List<String> parameters = TemplateVariables.used(template.body())
			.stream()
			.map((name) -> values.getOrDefault(name, ""))
			.toList();
		return new Rendered(template, subject, body, (template.channel() == Channel.SMS) ? SmsSegments.of(body) : null,
				parameters);
	}

	private @Nullable String address(NewMessage message, AccountId account, CustomerView customer,
			CreditorView creditor) {
		Channel channel = message.channel();
		List<String> mine = usable(channel, customer);
		if (channel == Channel.LETTER) {
			return mine.isEmpty() ? null : mine.get(0);
		}
		if (message.to() != null && !message.to().isBlank()) {
			String wanted = canonical(channel, message.to(), creditor.country());
			if (!mine.contains(wanted)) {
				throw new InvalidInputException("to",
						"%s is not an address of the customer's we may use".formatted(message.to()),
						Phrase.of("validation.message.notTheirs", message.to()));
			}
			return wanted;
		}
		if (mine.isEmpty()) {
			return null;
		}
		// the first the gate allows now, else the first
		for (String address : mine) {
			ContactGate.Preview gate = this.contacts.check(request(account, channel, address, MessagePurpose.REMINDER));
			if (gate.decision().allowed()) {
				return address;
			}
		}
		return mine.get(0);
	}

	/**
	 * The customer's addresses a message on the channel may go to, best first: usable
	 * emails; usable phones, mobiles first (for WhatsApp only those with WhatsApp
	 * consent); a letter's usable postal address.
	 */
	static List<String> usable(Channel channel, CustomerView customer) {
		return switch (channel) {
			case LETTER -> customer.addresses()
				.stream()
				.filter((a) -> a.status().usable())
				.map((a) -> a.address().oneLine())
				.limit(1)
				.toList();
			case EMAIL ->
				customer.emails().stream().filter(CustomerView.Email::usable).map(CustomerView.Email::address).toList();
			default -> customer.phones()
				.stream()
				.filter((p) -> p.usable() && (channel != Channel.WHATSAPP || p.consentWhatsapp()))
				.sorted(Comparator.comparing((CustomerView.Phone p) -> !"MOBILE".equals(p.type())))
				.map(CustomerView.Phone::e164)
				.toList();
		};
	}

	private static String canonical(Channel channel, String text, String country) {
		if (channel == Channel.EMAIL) {
			return text.strip().toLowerCase(Locale.ROOT);
		}
		try {
			return PhoneNumber.parse(text, country).e164();
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("to", ex.getMessage(), Phrase.of("validation.message.notTheirs", text));
		}
	}

	private List<MessageView> find(List<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		UUID[] array = ids.toArray(UUID[]::new);
		Map<UUID, List<MessageView.Event>> history = new HashMap<>();
		this.jdbc.sql("""
				SELECT message_id, at, status, detail FROM messaging_message_events
				WHERE message_id = ANY(:ids) ORDER BY id""").param("ids", array).query((rs) -> {
			history.computeIfAbsent(rs.getObject("message_id", UUID.class), (k) -> new ArrayList<>())
				.add(new MessageView.Event(rs.getTimestamp("at").toInstant(),
						MessageStatus.valueOf(rs.getString("status")), rs.getString("detail")));
		});
		Map<UUID, MessageView> found = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT m.*, t.code FROM messaging_messages m LEFT JOIN messaging_templates t ON t.id = m.template_id
				WHERE m.id = ANY(:ids)""")
			.param("ids", array)
			.query((rs, n) -> view(rs, history))
			.list()
			.forEach((m) -> found.put(m.id(), m));
		return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
	}

	private static MessageView view(ResultSet rs, Map<UUID, List<MessageView.Event>> history) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		Timestamp sent = rs.getTimestamp("sent_at");
		Timestamp delivered = rs.getTimestamp("delivered_at");
		return new MessageView(id, new AccountId(rs.getObject("account_id", UUID.class)),
				Channel.valueOf(rs.getString("channel")), MessagePurpose.valueOf(rs.getString("purpose")),
				rs.getString("code"), (Integer) rs.getObject("template_version"), rs.getString("language"),
				rs.getString("address"), rs.getString("subject"), rs.getString("body"),
				MessageStatus.valueOf(rs.getString("status")), rs.getString("reasons"), rs.getString("provider"),
				rs.getString("provider_id"), rs.getInt("attempts"), rs.getTimestamp("next_attempt_at").toInstant(),
				rs.getString("last_error"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
				(sent == null) ? null : sent.toInstant(), (delivered == null) ? null : delivered.toInstant(),
				history.getOrDefault(id, List.of()));
	}

	/**
	 * A message not yet queued: what it would say, to which address, and the gate's
	 * answer now (null where there is no address).
	 */
	public record Preview(Rendered rendered, @Nullable String address, String language,
			ContactGate.@Nullable Preview gate) {
	}

	private record Draft(AccountView account, TemplateView template, Rendered rendered, @Nullable String address,
			String language) {
	}

}
