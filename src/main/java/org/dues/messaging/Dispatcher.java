package org.dues.messaging;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.dues.compliance.Channel;
import org.dues.compliance.ContactResult;
import org.dues.compliance.RuleResult;
import org.dues.contact.ClearedContact;
import org.dues.contact.ContactLog;
import org.dues.contact.OutboundContacts;
import org.dues.messaging.provider.Handover;
import org.dues.messaging.provider.MessageProvider;
import org.dues.messaging.provider.Outgoing;
import org.dues.messaging.provider.ProviderException;
import org.dues.messaging.provider.Route;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.Creditors;
import org.dues.portfolio.CreditorId;
import org.dues.shared.PhoneNumber;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes queued messages whose time has come and lets each leave if the compliance gate
 * allows it at that moment. Claiming is cluster-safe ({@code FOR UPDATE SKIP LOCKED}). A
 * message is marked SENDING and committed, with the gate's decision, before its provider
 * is called, so a crash between the two never sends it twice: a message found SENDING
 * after a crash is sent again only through a provider that drops repeats, else failed as
 * unknown. A message the gate holds back waits with its reasons for the next lawful
 * window when its purpose allows, else is blocked for good. A provider's outage leaves
 * the message queued with its next try (backoff doubling from a minute to an hour, failed
 * after {@value #MOST_ATTEMPTS} tries). Each provider is held to its rate.
 * <p>
 * Messages are claimed and decided in batches ({@code dues.messaging.batch-size}): the
 * gate reads the facts of a batch set-based and decides each message in turn on its
 * person's history with the messages before it ({@link OutboundContacts#clearAll}), and
 * the batch's decisions, attempts and new states are written in batched statements in one
 * transaction. A single message ({@link #dispatch}) is a batch of one. Several threads
 * ({@code dues.messaging.dispatch-threads}) claim their own batches side by side.
 */
@Component
public class Dispatcher implements DisposableBean {

	static final int MOST_ATTEMPTS = 8;

	/** How long a held-back message may wait for a lawful window. */
	static final Duration LONGEST_WAIT = Duration.ofDays(14);

	private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

	private final JdbcClient jdbc;

	private final OutboundContacts outbound;

	private final ContactLog contacts;

	private final Providers providers;

	private final Messages messages;

	private final Creditors creditors;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Envelopes outgoing;

	private final int ratePerSecond;

	private final int batchSize;

	private final JdbcTemplate batch;

	private final int threads;

	private final ExecutorService workers;

	private final Map<String, Bucket> rates = new ConcurrentHashMap<>();

	Dispatcher(JdbcClient jdbc, OutboundContacts outbound, ContactLog contacts, Providers providers, Messages messages,
			Creditors creditors, TransactionTemplate transactions, Clock clock, Envelopes outgoing,
			@Value("${dues.messaging.rate-per-second:50}") int ratePerSecond,
			@Value("${dues.messaging.batch-size:500}") int batchSize,
			@Value("${dues.messaging.dispatch-threads:2}") int threads, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.outbound = outbound;
		this.contacts = contacts;
		this.providers = providers;
		this.messages = messages;
		this.creditors = creditors;
		this.transactions = transactions;
		this.clock = clock;
		this.outgoing = outgoing;
		this.ratePerSecond = ratePerSecond;
		this.batchSize = Math.max(1, batchSize);
		this.batch = batch;
		this.threads = Math.max(1, threads);
		this.workers = Executors.newFixedThreadPool(Math.max(1, this.threads - 1), (r) -> {
			Thread thread = new Thread(r, "messaging-dispatch");
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Sends every queued message whose time has come, up to {@code most}, in batches of
	 * {@code dues.messaging.batch-size} (each decided by the gate in one transaction).
	 * @return how many were taken (decided, or failed for want of a provider); a message
	 * left for its provider's rate is not counted
	 */
	public int dispatchDue(int most) {
		recoverInterrupted();
		AtomicInteger budget = new AtomicInteger(most);
		AtomicInteger taken = new AtomicInteger();
		Runnable drain = () -> {
			while (true) {
				int asked = budget.getAndUpdate((left) -> left - Math.min(left, this.batchSize));
				asked = Math.min(asked, this.batchSize);
				if (asked <= 0) {
					return;
				}
				int done = dispatchBatch(null, asked).size();
				taken.addAndGet(done);
				if (done < asked) {
					// nothing more is due (or the rest is another node's or waits for its
					// rate)
					return;
				}
			}
		};
		// the other threads claim their own batches (SKIP LOCKED) while this one works
		List<Future<?>> others = new ArrayList<>();
		for (int i = 1; i < this.threads; i++) {
			others.add(this.workers.submit(drain));
		}
		RuntimeException failure = null;
		try {
			drain.run();
		}
		catch (RuntimeException ex) {
			failure = ex;
		}
		for (Future<?> other : others) {
			try {
				other.get();
			}
			catch (ExecutionException ex) {
				if (failure == null) {
					failure = (ex.getCause() instanceof RuntimeException runtime) ? runtime
							: new IllegalStateException(ex.getCause());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while dispatching", ex);
			}
		}
		if (failure != null) {
			throw failure;
		}
		return taken.get();
	}

	@Override
	public void destroy() {
		this.workers.shutdownNow();
	}

	/**
	 * Lets one queued message leave if the gate allows it now.
	 * @return its status afterwards, or null when it was not queued or another node has
	 * it
	 */
	public @Nullable MessageStatus dispatch(UUID id) {
		return dispatchBatch(id, 1).get(id);
	}

	/**
	 * Claims a batch, lets the gate decide each of its messages and commits the decisions
	 * with the messages marked SENDING (or held back, blocked, failed); then hands the
	 * SENDING ones to their providers and commits what they answered.
	 */
	private Map<UUID, MessageStatus> dispatchBatch(@Nullable UUID only, int most) {
		Claimed claimed = this.transactions.execute((tx) -> claim(only, most));
		if (claimed == null || claimed.sending().isEmpty()) {
			return (claimed == null) ? Map.of() : claimed.statuses();
		}
		List<Handed> handed = new ArrayList<>(claimed.sending().size());
		for (Claim claim : claimed.sending()) {
			handed.add(handOver(claim));
		}
		this.transactions.executeWithoutResult((tx) -> record(handed, claimed.statuses()));
		return claimed.statuses();
	}

	private Claimed claim(@Nullable UUID only, int most) {
		Instant now = this.clock.instant();
		String where = (only != null) ? "id = :only AND status = 'QUEUED'"
				: "status = 'QUEUED' AND next_attempt_at <= :now";
		var select = this.jdbc.sql("""
				SELECT id, account_id, creditor_id, channel, purpose, language, address, subject, body, attempts,
				       created_at, created_by, template_id, template_version, parameters
				FROM messaging_messages WHERE %s
				ORDER BY next_attempt_at LIMIT :most FOR UPDATE SKIP LOCKED""".formatted(where)).param("most", most);
		select = (only != null) ? select.param("only", only) : select.param("now", Timestamp.from(now));
		List<Row> rows = select
			.query((rs, n) -> new Row(rs.getObject("id", UUID.class),
					new AccountId(rs.getObject("account_id", UUID.class)),
					new CreditorId(rs.getObject("creditor_id", UUID.class)), Channel.valueOf(rs.getString("channel")),
					MessagePurpose.valueOf(rs.getString("purpose")), rs.getString("language"), rs.getString("address"),
					rs.getString("subject"), rs.getString("body"), rs.getInt("attempts"),
					rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
					rs.getObject("template_id", UUID.class), (Integer) rs.getObject("template_version"),
					List.of((String[]) rs.getArray("parameters").getArray())))
			.list();
		Writes writes = new Writes(now);
		Map<UUID, MessageStatus> statuses = new LinkedHashMap<>();
		Map<CreditorId, String> countries = new HashMap<>();
		List<Row> asking = new ArrayList<>();
		List<MessageProvider> routed = new ArrayList<>();
		for (Row row : rows) {
			String country = countries.computeIfAbsent(row.creditor(), (c) -> this.creditors.get(c).country());
			// a number's country is parsed only when a real provider may choose by it
			Optional<MessageProvider> provider = this.providers.route(row.channel(),
					new Route(String.valueOf(row.address()), this.providers.onlySimulated(row.channel()) ? country
							: country(row.channel(), row.address(), country)));
			if (provider.isEmpty()) {
				statuses.put(row.id(), writes.finish(row.id(), MessageStatus.FAILED,
						"no provider is configured for " + row.channel(), null));
			}
			else if (rate(provider.get()).tryConsume(1)) {
				asking.add(row);
				routed.add(provider.get());
			}
			// else left queued for the provider's rate: taken next time
		}
		List<OutboundContacts.Cleared> answers = this.outbound.clearAll(asking.stream()
			.map((row) -> new ContactLog.Asked(
					Messages.request(row.account(), row.channel(), row.address(), row.purpose()), row.createdBy()))
			.toList(), asking.stream().map(Row::body).toList(), true);
		List<Claim> sending = new ArrayList<>();
		for (int i = 0; i < asking.size(); i++) {
			Row row = asking.get(i);
			OutboundContacts.Cleared answer = answers.get(i);
			OutboundContacts.Clearance clearance = answer.clearance();
			if (answer.refused() != null) {
				// the sender may make no contact on the account at all (no recovery-agent
				// certificate)
				statuses.put(row.id(),
						writes.finish(row.id(), MessageStatus.BLOCKED, "%s may make no contact on this account (%s)"
							.formatted(row.createdBy(), answer.refused().key()), null));
			}
			else if (clearance == null) {
				RuntimeException error = answer.error();
				log.warn("The gate could not decide on message {}", row.id(), error);
				statuses.put(row.id(), writes.finish(row.id(), MessageStatus.FAILED,
						"the gate could not decide: " + ((error == null) ? "unknown" : error.getMessage()), null));
			}
			else if (!clearance.allowed()) {
				ContactLog.Attempt attempt = clearance.attempt();
				UUID decision = attempt.decision().id();
				String reasons = String.join("; ",
						attempt.decision().decision().blockedBy().stream().map(RuleResult::reason).toList());
				Instant opening = row.purpose().waits() ? answer.nextOpening() : null;
				if (opening != null && opening.isAfter(now) && opening.isBefore(row.createdAt().plus(LONGEST_WAIT))) {
					writes.heldBack(row.id(), reasons, opening, decision);
					statuses.put(row.id(), MessageStatus.QUEUED);
				}
				else {
					statuses.put(row.id(), writes.finish(row.id(), MessageStatus.BLOCKED, reasons, decision));
				}
			}
			else {
				ContactLog.Attempt attempt = clearance.attempt();
				writes.sending(row.id(), routed.get(i).name(), attempt.decision().id(), attempt.interaction().id());
				statuses.put(row.id(), MessageStatus.SENDING);
				sending.add(new Claim(row, routed.get(i), clearance.contact()));
			}
		}
		writes.flush();
		return new Claimed(statuses, sending);
	}

	private Handed handOver(Claim claim) {
		Row row = claim.row();
		MessageProvider provider = claim.provider();
		ClearedContact cleared = claim.cleared();
		try {
			if (!provider.idempotent()) {
				// from here the provider may have it: after a crash it is not sent again
				this.jdbc.sql("UPDATE messaging_messages SET handover_started_at = :now WHERE id = :id")
					.param("now", Timestamp.from(this.clock.instant()))
					.param("id", row.id())
					.update();
			}
			Outgoing outgoing = this.outgoing.of(row.id(), row.channel(), String.valueOf(cleared.address()),
					row.creditor(), row.templateId(), row.templateVersion(), row.subject(), row.body(), row.language(),
					row.parameters());
			return new Handed(claim, provider.send(cleared, outgoing), null);
		}
		catch (ProviderException ex) {
			log.warn("{} refused or failed message {}: {}", provider.name(), row.id(), ex.getMessage());
			return new Handed(claim, null, ex);
		}
		catch (RuntimeException ex) {
			log.error("{} failed on message {}", provider.name(), row.id(), ex);
			return new Handed(claim, null, new ProviderException(ex.toString(), true, ex));
		}
	}

	/** Commits what the providers answered on a batch's messages. */
	private void record(List<Handed> handed, Map<UUID, MessageStatus> statuses) {
		Writes writes = new Writes(this.clock.instant());
		for (Handed one : handed) {
			Row row = one.claim().row();
			ClearedContact cleared = one.claim().cleared();
			if (one.handover() != null) {
				MessageStatus status = one.handover().status();
				writes.sent(row.id(), status, one.handover().providerId());
				if (status == MessageStatus.DELIVERED) {
					this.contacts.complete(cleared.interactionId(), ContactResult.DELIVERED, null);
				}
				else if (status == MessageStatus.SENT && !one.claim().provider().reportsDelivery()) {
					// no report will come (a letter to the post): the attempt
					// ends where the message does, sent
					this.contacts.complete(cleared.interactionId(), ContactResult.SENT, null);
				}
				statuses.put(row.id(), status);
			}
			else {
				statuses.put(row.id(), failed(row, one.claim().provider(), cleared, one.failure(), writes));
			}
		}
		writes.flush();
	}

	private MessageStatus failed(Row row, MessageProvider provider, ClearedContact cleared, ProviderException ex,
			Writes writes) {
		this.contacts.complete(cleared.interactionId(), ContactResult.FAILED, null);
		int attempts = row.attempts() + 1;
		if (ex.ambiguous() && !provider.idempotent()) {
			// the provider may have taken it: not sent again, so it is never sent twice
			String why = ex.getMessage() + "; the provider may have taken it, so it is not sent again";
			writes.lastError(row.id(), why);
			return writes.finish(row.id(), MessageStatus.FAILED, why, null);
		}
		if (ex.retryable() && attempts < MOST_ATTEMPTS) {
			Instant next = writes.now().plus(Duration.ofMinutes(Math.min(60, 1L << (attempts - 1))));
			writes.retry(row.id(), next, ex.getMessage(), attempts);
			return MessageStatus.QUEUED;
		}
		writes.lastError(row.id(), ex.getMessage());
		return writes.finish(row.id(), MessageStatus.FAILED, ex.getMessage(), null);
	}

	/**
	 * The writes of a batch, gathered and sent as one batched statement of each kind: the
	 * messages' new states and their history events.
	 */
	private final class Writes {

		private static final int[] EVENT = { Types.OTHER, Types.TIMESTAMP, Types.VARCHAR, Types.VARCHAR };

		private static final int[] FINISH = { Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP, Types.OTHER, Types.OTHER };

		private static final int[] HELD = { Types.VARCHAR, Types.TIMESTAMP, Types.TIMESTAMP, Types.OTHER, Types.OTHER };

		private static final int[] SENDING = { Types.VARCHAR, Types.OTHER, Types.OTHER, Types.TIMESTAMP, Types.OTHER };

		private static final int[] SENT = { Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP, Types.TIMESTAMP,
				Types.TIMESTAMP, Types.OTHER };

		private static final int[] RETRY = { Types.TIMESTAMP, Types.VARCHAR, Types.TIMESTAMP, Types.OTHER };

		private static final int[] LAST_ERROR = { Types.VARCHAR, Types.OTHER };

		private final Instant now;

		private final Timestamp at;

		private final List<Object[]> events = new ArrayList<>();

		private final List<Object[]> finished = new ArrayList<>();

		private final List<Object[]> held = new ArrayList<>();

		private final List<Object[]> sending = new ArrayList<>();

		private final List<Object[]> sent = new ArrayList<>();

		private final List<Object[]> retries = new ArrayList<>();

		private final List<Object[]> lastErrors = new ArrayList<>();

		Writes(Instant now) {
			this.now = now;
			this.at = Timestamp.from(now);
		}

		Instant now() {
			return this.now;
		}

		MessageStatus finish(UUID id, MessageStatus status, @Nullable String why, @Nullable UUID decision) {
			this.finished.add(new Object[] { status.name(), why, this.at, decision, id });
			event(id, status, why);
			return status;
		}

		void heldBack(UUID id, String reasons, Instant opening, UUID decision) {
			this.held.add(new Object[] { reasons, Timestamp.from(opening), this.at, decision, id });
			event(id, MessageStatus.QUEUED, "held back until " + opening + ": " + reasons);
		}

		void sending(UUID id, String provider, UUID decision, UUID interaction) {
			this.sending.add(new Object[] { provider, decision, interaction, this.at, id });
			event(id, MessageStatus.SENDING, "decision " + decision);
		}

		void sent(UUID id, MessageStatus status, @Nullable String providerId) {
			this.sent.add(new Object[] { status.name(), providerId, this.at, this.at,
					(status == MessageStatus.DELIVERED) ? this.at : null, id });
			event(id, status, null);
		}

		void retry(UUID id, Instant next, String error, int attempts) {
			this.retries.add(new Object[] { Timestamp.from(next), error, this.at, id });
			event(id, MessageStatus.QUEUED, "try %d failed (%s); next try at %s".formatted(attempts, error, next));
		}

		void lastError(UUID id, String error) {
			this.lastErrors.add(new Object[] { error, id });
		}

		private void event(UUID id, MessageStatus status, @Nullable String detail) {
			this.events.add(new Object[] { id, this.at, status.name(), detail });
		}

		void flush() {
			JdbcTemplate jdbc = Dispatcher.this.batch;
			batch(jdbc, """
					UPDATE messaging_messages SET status = ?, reasons = COALESCE(?, reasons), updated_at = ?,
					    decision_id = COALESCE(?, decision_id)
					WHERE id = ?""", this.finished, FINISH);
			batch(jdbc, """
					UPDATE messaging_messages SET reasons = ?, next_attempt_at = ?, updated_at = ?, decision_id = ?
					WHERE id = ?""", this.held, HELD);
			batch(jdbc, """
					UPDATE messaging_messages SET status = 'SENDING', provider = ?, attempts = attempts + 1,
					    decision_id = ?, interaction_id = ?, reasons = NULL, updated_at = ?, handover_started_at = NULL
					WHERE id = ?""", this.sending, SENDING);
			batch(jdbc, """
					UPDATE messaging_messages SET status = ?, provider_id = ?, sent_at = ?, updated_at = ?,
					    delivered_at = ?, last_error = NULL
					WHERE id = ? AND status = 'SENDING'""", this.sent, SENT);
			batch(jdbc, """
					UPDATE messaging_messages SET status = 'QUEUED', next_attempt_at = ?, last_error = ?, updated_at = ?
					WHERE id = ?""", this.retries, RETRY);
			batch(jdbc, "UPDATE messaging_messages SET last_error = ? WHERE id = ?", this.lastErrors, LAST_ERROR);
			batch(jdbc, "INSERT INTO messaging_message_events (message_id, at, status, detail) VALUES (?, ?, ?, ?)",
					this.events, EVENT);
		}

		private static void batch(JdbcTemplate jdbc, String sql, List<Object[]> rows, int[] types) {
			if (!rows.isEmpty()) {
				jdbc.batchUpdate(sql, rows, types);
			}
		}

	}

	/**
	 * Messages left SENDING by a crash (more than five minutes ago): queued again when
	 * they were never handed over, or when their provider drops repeats; else failed,
	 * never sent twice.
	 */
	void recoverInterrupted() {
		Instant now = this.clock.instant();
		List<Object[]> stuck = this.jdbc.sql("""
				SELECT id, provider, channel, handover_started_at IS NOT NULL AS handed FROM messaging_messages
				WHERE status = 'SENDING' AND updated_at < :before LIMIT 100""")
			.param("before", Timestamp.from(now.minus(Duration.ofMinutes(5))))
			.query((rs,
					n) -> new Object[] { rs.getObject("id", UUID.class), rs.getString("provider"),
							rs.getString("channel"), rs.getBoolean("handed") })
			.list();
		for (Object[] s : stuck) {
			UUID id = (UUID) s[0];
			boolean handed = (Boolean) s[3];
			boolean idempotent = this.providers.named(String.valueOf(s[1]), Channel.valueOf((String) s[2]))
				.map(MessageProvider::idempotent)
				.orElse(false);
			boolean again = !handed || idempotent;
			String why = !handed ? "interrupted before it was handed over, so it is tried again"
					: idempotent ? "interrupted while handing over; the provider drops repeats, so it is tried again"
							: "interrupted while handing over; not sent again, so it is never sent twice";
			this.transactions.executeWithoutResult((tx) -> {
				int changed = this.jdbc.sql("""
						UPDATE messaging_messages SET status = :status, updated_at = :now, last_error = :why
						WHERE id = :id AND status = 'SENDING'""")
					.param("status", again ? "QUEUED" : "FAILED")
					.param("now", Timestamp.from(now))
					.param("why", why)
					.param("id", id)
					.update();
				if (changed > 0) {
					this.messages.event(id, again ? MessageStatus.QUEUED : MessageStatus.FAILED, why, now);
				}
			});
		}
	}

	private Bucket rate(MessageProvider provider) {
		return this.rates.computeIfAbsent(provider.name() + "/" + provider.channel(),
				(k) -> Bucket.builder()
					.addLimit(Bandwidth.builder()
						.capacity(Providers.SIMULATED.equals(provider.name()) ? 100_000 : this.ratePerSecond)
						.refillGreedy(Providers.SIMULATED.equals(provider.name()) ? 100_000 : this.ratePerSecond,
								Duration.ofSeconds(1))
						.build())
					.build());
	}

	private static String country(Channel channel, @Nullable String address, String creditorCountry) {
		if ((channel == Channel.SMS || channel == Channel.WHATSAPP) && address != null) {
			try {
				return PhoneNumber.parse(address, creditorCountry).region();
			}
			catch (IllegalArgumentException ex) {
				return creditorCountry;
			}
		}
		return creditorCountry;
	}

	private record Row(UUID id, AccountId account, CreditorId creditor, Channel channel, MessagePurpose purpose,
			String language, @Nullable String address, @Nullable String subject, String body, int attempts,
			Instant createdAt, String createdBy, @Nullable UUID templateId, @Nullable Integer templateVersion,
			List<String> parameters) {
	}

	/** A message the gate let leave, with its provider. */
	private record Claim(Row row, MessageProvider provider, ClearedContact cleared) {
	}

	/** A batch claimed: each message's status, and those to hand over. */
	private record Claimed(Map<UUID, MessageStatus> statuses, List<Claim> sending) {
	}

	/** What a provider answered on a message: its hand-over, or its failure. */
	private record Handed(Claim claim, @Nullable Handover handover, @Nullable ProviderException failure) {
	}

}
