package org.dues.messaging;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.dues.compliance.Channel;
import org.dues.compliance.ContactPreferences;
import org.dues.customer.CustomerId;
import org.dues.customer.CustomerManagement;
import org.dues.customer.CustomerView;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.CreditorId;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues many messages at once (a batch of payments' receipts, say), each as
 * {@link Messages#queue} would queue it, but with the accounts, customers, their
 * preferences and the messages already queued under the same dedup keys read in bulk, and
 * the messages inserted in batches. One difference: where a customer has several usable
 * addresses on the channel, the first one they have not banned is taken without asking
 * the gate about each (the {@link Dispatcher} asks the gate when the message leaves, as
 * for a bulk send); {@link Messages#queue} takes the first the gate allows now.
 */
@Service
public class MessageBatches {

	private static final String INSERT = """
			INSERT INTO messaging_messages (id, account_id, customer_id, creditor_id, channel, purpose, template_id,
			    template_version, language, address, subject, body, parameters, status, next_attempt_at, bulk_id,
			    dedup_key, created_at, created_by, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?, ?, ?, ?, ?)
			ON CONFLICT (dedup_key) DO NOTHING""";

	private final Messages messages;

	private final Templates templates;

	private final Accounts accounts;

	private final Creditors creditors;

	private final CustomerManagement customers;

	private final ContactPreferences preferences;

	private final JdbcTemplate batch;

	private final JdbcClient jdbc;

	private final Clock clock;

	MessageBatches(Messages messages, Templates templates, Accounts accounts, Creditors creditors,
			CustomerManagement customers, ContactPreferences preferences, JdbcTemplate batch, JdbcClient jdbc,
			Clock clock) {
		this.messages = messages;
		this.templates = templates;
		this.accounts = accounts;
		this.creditors = creditors;
		this.customers = customers;
		this.preferences = preferences;
		this.batch = batch;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Queues the messages; one whose dedup key is queued already is not queued again.
	 * Messages naming their address ({@link NewMessage#to()}) are queued one at a time by
	 * {@link Messages#queue}.
	 * @return in the order given, each message's id (the earlier one's under its dedup
	 * key), or null where it could not be queued: no template for it, no address we may
	 * use
	 */
	@Transactional
	public List<@Nullable UUID> queueAll(List<NewMessage> all, String actor) {
		return queueAll(all, actor, Map.of(), Map.of());
	}

	/**
	 * As {@link #queueAll(List, String)}, with accounts and customers the caller has read
	 * already (those missing are read here).
	 */
	@Transactional
	public List<@Nullable UUID> queueAll(List<NewMessage> all, String actor, Map<AccountId, AccountView> read,
			Map<CustomerId, CustomerView> readCustomers) {
		@Nullable UUID[] ids = new UUID[all.size()];
		Map<String, UUID> known = new HashMap<>();
		String[] keys = all.stream().map(NewMessage::dedupKey).filter((k) -> k != null).toArray(String[]::new);
		if (keys.length > 0) {
			this.jdbc.sql("SELECT dedup_key, id FROM messaging_messages WHERE dedup_key = ANY(:keys)")
				.param("keys", keys)
				.query((rs) -> {
					known.put(rs.getString(1), rs.getObject(2, UUID.class));
				});
		}
		Map<AccountId, AccountView> accounts = new HashMap<>(read);
		accounts.putAll(this.accounts.getAll(all.stream()
			.filter((m) -> m.dedupKey() == null || !known.containsKey(m.dedupKey()))
			.map(NewMessage::account)
			.filter((a) -> !read.containsKey(a))
			.distinct()
			.toList()));
		Map<CustomerId, CustomerView> customers = new HashMap<>(readCustomers);
		List<CustomerId> unread = accounts.values()
			.stream()
			.map(AccountView::customerId)
			.filter((c) -> !readCustomers.containsKey(c))
			.distinct()
			.toList();
		if (!unread.isEmpty()) {
			customers.putAll(this.customers.getAll(unread));
		}
		Map<CustomerId, ContactPreferences.Recorded> preferences = this.preferences.ofCustomers(customers.keySet());
		Map<CreditorId, CreditorView> creditors = new HashMap<>();
		Map<String, Optional<TemplateView>> templates = new HashMap<>();
		String sendersName = this.messages.sendersName(actor);
		Instant now = this.clock.instant();
		Timestamp at = Timestamp.from(now);
		List<Object[]> rows = new ArrayList<>();
		// each message inserted now, with its queued event's detail
		Map<UUID, @Nullable String> queued = new LinkedHashMap<>();
		for (int i = 0; i < all.size(); i++) {
			NewMessage message = all.get(i);
			if (message.dedupKey() != null && known.containsKey(message.dedupKey())) {
				ids[i] = known.get(message.dedupKey());
				continue;
			}
			if (message.to() != null && !message.to().isBlank()) {
				ids[i] = this.messages.queue(message, actor).id();
				continue;
			}
			AccountView account = accounts.get(message.account());
			if (account == null) {
				continue;
			}
			CustomerView customer = customers.get(account.customerId());
			CreditorView creditor = creditors.computeIfAbsent(account.creditorId(), this.creditors::get);
			String language = (message.language() != null && !message.language().isBlank())
					? message.language().strip().toLowerCase(Locale.ROOT)
					: (customer.language() != null) ? customer.language() : "en";
			Optional<TemplateView> template = templates.computeIfAbsent(
					String.join("|", message.template().strip(), message.channel().name(), language,
							creditor.id().value().toString()),
					(k) -> this.templates.resolve(message.template().strip(), message.channel(), language,
							creditor.id()));
			String address = address(message.channel(), customer, preferences.get(customer.id()));
			if (template.isEmpty() || address == null) {
				continue;
			}
			TemplateView chosen = template.get();
			Rendered rendered = this.messages.renderAs(chosen, account, creditor, customer, sendersName,
					message.facts(), actor);
			Instant leaves = (message.notBefore() == null || message.notBefore().isBefore(now)) ? now
					: message.notBefore();
			UUID id = UUID.randomUUID();
			ids[i] = id;
			queued.put(id, leaves.isAfter(now) ? "scheduled for " + leaves : null);
			rows.add(new Object[] { id, account.id().value(), account.customerId().value(), creditor.id().value(),
					message.channel().name(), chosen.purpose().name(), chosen.id(), chosen.version(), chosen.language(),
					address, rendered.subject(), rendered.body(), rendered.parameters().toArray(String[]::new),
					Timestamp.from(leaves), message.bulkId(), message.dedupKey(), at, actor, at });
		}
		for (int from = 0; from < rows.size(); from += 1000) {
			this.batch.batchUpdate(INSERT, rows.subList(from, Math.min(rows.size(), from + 1000)));
		}
		if (!queued.isEmpty()) {
			// a message queued meanwhile under the same dedup key won: its id stands
			Map<String, UUID> stored = new HashMap<>();
			this.jdbc.sql("SELECT dedup_key, id FROM messaging_messages WHERE dedup_key = ANY(:keys)")
				.param("keys", keys)
				.query((rs) -> {
					stored.put(rs.getString(1), rs.getObject(2, UUID.class));
				});
			for (int i = 0; i < all.size(); i++) {
				String key = all.get(i).dedupKey();
				UUID won = (key != null) ? stored.get(key) : null;
				if (won != null && queued.containsKey(ids[i]) && !won.equals(ids[i])) {
					queued.remove(ids[i]);
					ids[i] = won;
				}
			}
			this.jdbc
				.sql("""
						INSERT INTO messaging_message_events (message_id, at, status, detail)
						SELECT i, :now, 'QUEUED', d FROM unnest(CAST(:ids AS uuid[]), CAST(:details AS text[])) AS x(i, d)""")
				.param("ids", queued.keySet().toArray(UUID[]::new))
				.param("details", queued.values().toArray(String[]::new))
				.param("now", at)
				.update();
		}
		return Arrays.asList(ids);
	}

	/**
	 * The first of the customer's usable addresses on the channel that no current ban of
	 * theirs names, else the first; null when there is none.
	 */
	private static @Nullable String address(Channel channel, CustomerView customer,
			ContactPreferences.@Nullable Recorded recorded) {
		List<String> usable = Messages.usable(channel, customer);
		if (usable.isEmpty()) {
			return null;
		}
		if (recorded == null || channel == Channel.LETTER) {
			return usable.get(0);
		}
		for (String address : usable) {
			boolean banned = recorded.bans()
				.stream()
				.anyMatch((b) -> b.channel() == channel && !b.recording().lifted()
						&& (b.address() == null || b.address().equalsIgnoreCase(address)));
			if (!banned) {
				return address;
			}
		}
		return usable.get(0);
	}

}
