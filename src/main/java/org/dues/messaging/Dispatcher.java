package org.dues.messaging;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.dues.compliance.Channel;
import org.dues.compliance.ContactGate;
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

import org.springframework.beans.factory.annotation.Value;
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
 */
@Component
public class Dispatcher {

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

	private final Map<String, Bucket> rates = new ConcurrentHashMap<>();

	Dispatcher(JdbcClient jdbc, OutboundContacts outbound, ContactLog contacts, Providers providers, Messages messages,
			Creditors creditors, TransactionTemplate transactions, Clock clock, Envelopes outgoing,
			@Value("${dues.messaging.rate-per-second:50}") int ratePerSecond) {
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
	}

	/**
	 * Sends every queued message whose time has come, up to {@code most}.
	 * @return how many were taken
	 */
	public int dispatchDue(int most) {
		recoverInterrupted();
		List<UUID> due = this.jdbc.sql("""
				SELECT id FROM messaging_messages WHERE status = 'QUEUED' AND next_attempt_at <= :now
				ORDER BY next_attempt_at LIMIT :most""")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("most", most)
			.query(UUID.class)
			.list();
		int taken = 0;
		for (UUID id : due) {
			if (dispatch(id) != null) {
				taken++;
			}
		}
		return taken;
	}

	/**
	 * Lets one queued message leave if the gate allows it now.
	 * @return its status afterwards, or null when it was not queued or another node has
	 * it
	 */
	public @Nullable MessageStatus dispatch(UUID id) {
		Claim claim = this.transactions.execute((tx) -> claim(id));
		if (claim == null) {
			return null;
		}
		if (claim.status() != MessageStatus.SENDING) {
			return claim.status();
		}
		return handOver(claim);
	}

	private @Nullable Claim claim(UUID id) {
		Optional<Row> found = this.jdbc.sql("""
				SELECT id, account_id, creditor_id, channel, purpose, language, address, subject, body, attempts,
				       created_at, created_by, template_id, template_version, parameters
				FROM messaging_messages WHERE id = :id AND status = 'QUEUED' FOR UPDATE SKIP LOCKED""")
			.param("id", id)
			.query((rs, n) -> new Row(rs.getObject("id", UUID.class),
					new AccountId(rs.getObject("account_id", UUID.class)),
					new CreditorId(rs.getObject("creditor_id", UUID.class)), Channel.valueOf(rs.getString("channel")),
					MessagePurpose.valueOf(rs.getString("purpose")), rs.getString("language"), rs.getString("address"),
					rs.getString("subject"), rs.getString("body"), rs.getInt("attempts"),
					rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
					rs.getObject("template_id", UUID.class), (Integer) rs.getObject("template_version"),
					List.of((String[]) rs.getArray("parameters").getArray())))
			.optional();
		if (found.isEmpty()) {
			return null;
		}
		Row row = found.get();
		Instant now = this.clock.instant();
		String country = this.creditors.get(row.creditor()).country();
		Optional<MessageProvider> provider = this.providers.route(row.channel(),
				new Route(String.valueOf(row.address()), country(row.channel(), row.address(), country)));
		if (provider.isEmpty()) {
			return finish(row, MessageStatus.FAILED, "no provider is configured for " + row.channel(), now);
		}
		if (!rate(provider.get()).tryConsume(1)) {
			return new Claim(row, MessageStatus.QUEUED, null, null);
		}
		ContactGate.Request request = Messages.request(row.account(), row.channel(), row.address(), row.purpose());
		// the sender may make no contact on the account at all (no recovery-agent
		// certificate): asked first, as the attempt would refuse it
		var refusal = this.contacts.callerRefusal(row.account(), row.channel(), row.createdBy());
		if (refusal != null) {
			return finish(row, MessageStatus.BLOCKED,
					"%s may make no contact on this account (%s)".formatted(row.createdBy(), refusal.key()), now);
		}
		OutboundContacts.Clearance clearance = this.outbound.clear(request, row.body(), row.createdBy());
		ContactLog.Attempt attempt = clearance.attempt();
		if (!clearance.allowed()) {
			String reasons = String.join("; ",
					attempt.decision().decision().blockedBy().stream().map(RuleResult::reason).toList());
			Instant opening = row.purpose().waits() ? this.contacts.check(request).nextOpening() : null;
			if (opening != null && opening.isAfter(now) && opening.isBefore(row.createdAt().plus(LONGEST_WAIT))) {
				this.jdbc.sql("""
						UPDATE messaging_messages SET reasons = :reasons, next_attempt_at = :next, updated_at = :now,
						    decision_id = :decision
						WHERE id = :id""")
					.param("reasons", reasons)
					.param("next", Timestamp.from(opening))
					.param("now", Timestamp.from(now))
					.param("decision", attempt.decision().id())
					.param("id", row.id())
					.update();
				this.messages.event(row.id(), MessageStatus.QUEUED, "held back until " + opening + ": " + reasons, now);
				return new Claim(row, MessageStatus.QUEUED, null, null);
			}
			this.jdbc.sql("UPDATE messaging_messages SET decision_id = :d WHERE id = :id")
				.param("d", attempt.decision().id())
				.param("id", row.id())
				.update();
			return finish(row, MessageStatus.BLOCKED, reasons, now);
		}
		this.jdbc.sql("""
				UPDATE messaging_messages SET status = 'SENDING', provider = :provider, attempts = attempts + 1,
				    decision_id = :decision, interaction_id = :interaction, reasons = NULL, updated_at = :now
				WHERE id = :id""")
			.param("provider", provider.get().name())
			.param("decision", attempt.decision().id())
			.param("interaction", attempt.interaction().id())
			.param("now", Timestamp.from(now))
			.param("id", row.id())
			.update();
		this.messages.event(row.id(), MessageStatus.SENDING, "decision " + attempt.decision().id(), now);
		return new Claim(row, MessageStatus.SENDING, provider.get(), clearance.contact());
	}

	private MessageStatus handOver(Claim claim) {
		Row row = claim.row();
		MessageProvider provider = claim.provider();
		ClearedContact cleared = claim.cleared();
		Outgoing outgoing = this.outgoing.of(row.id(), row.channel(), String.valueOf(cleared.address()), row.creditor(),
				row.templateId(), row.templateVersion(), row.subject(), row.body(), row.language(), row.parameters());
		try {
			Handover handover = provider.send(cleared, outgoing);
			return this.transactions.execute((tx) -> sent(row, cleared, handover));
		}
		catch (ProviderException ex) {
			log.warn("{} refused or failed message {}: {}", provider.name(), row.id(), ex.getMessage());
			return this.transactions.execute((tx) -> failed(row, cleared, ex));
		}
		catch (RuntimeException ex) {
			log.error("{} failed on message {}", provider.name(), row.id(), ex);
			return this.transactions
				.execute((tx) -> failed(row, cleared, new ProviderException(ex.toString(), true, ex)));
		}
	}

	private MessageStatus sent(Row row, ClearedContact cleared, Handover handover) {
		Instant now = this.clock.instant();
		MessageStatus status = handover.status();
		this.jdbc.sql("""
				UPDATE messaging_messages SET status = :status, provider_id = :pid, sent_at = :now, updated_at = :now,
				    delivered_at = CASE WHEN :status = 'DELIVERED' THEN CAST(:now AS timestamptz) END, last_error = NULL
				WHERE id = :id AND status = 'SENDING'""")
			.param("status", status.name())
			.param("pid", handover.providerId())
			.param("now", Timestamp.from(now))
			.param("id", row.id())
			.update();
		this.messages.event(row.id(), status, null, now);
		if (status == MessageStatus.DELIVERED) {
			this.contacts.complete(cleared.interactionId(), ContactResult.DELIVERED, null);
		}
		return status;
	}

	private MessageStatus failed(Row row, ClearedContact cleared, ProviderException ex) {
		Instant now = this.clock.instant();
		this.contacts.complete(cleared.interactionId(), ContactResult.FAILED, null);
		int attempts = row.attempts() + 1;
		if (ex.retryable() && attempts < MOST_ATTEMPTS) {
			Instant next = now.plus(Duration.ofMinutes(Math.min(60, 1L << (attempts - 1))));
			this.jdbc.sql("""
					UPDATE messaging_messages SET status = 'QUEUED', next_attempt_at = :next, last_error = :error,
					    updated_at = :now
					WHERE id = :id""")
				.param("next", Timestamp.from(next))
				.param("error", ex.getMessage())
				.param("now", Timestamp.from(now))
				.param("id", row.id())
				.update();
			this.messages.event(row.id(), MessageStatus.QUEUED,
					"try %d failed (%s); next try at %s".formatted(attempts, ex.getMessage(), next), now);
			return MessageStatus.QUEUED;
		}
		this.jdbc.sql("UPDATE messaging_messages SET last_error = :e WHERE id = :id")
			.param("e", ex.getMessage())
			.param("id", row.id())
			.update();
		return finish(row, MessageStatus.FAILED, ex.getMessage(), now).status();
	}

	private Claim finish(Row row, MessageStatus status, @Nullable String why, Instant now) {
		this.jdbc.sql("""
				UPDATE messaging_messages SET status = :status, reasons = COALESCE(:why, reasons), updated_at = :now
				WHERE id = :id""")
			.param("status", status.name())
			.param("why", why)
			.param("now", Timestamp.from(now))
			.param("id", row.id())
			.update();
		this.messages.event(row.id(), status, why, now);
		return new Claim(row, status, null, null);
	}

	/**
	 * Messages left SENDING by a crash (more than five minutes ago): queued again where
	 * the provider drops repeats, else failed, never sent twice.
	 */
	void recoverInterrupted() {
		Instant now = this.clock.instant();
		List<Object[]> stuck = this.jdbc.sql("""
				SELECT id, provider, channel FROM messaging_messages
				WHERE status = 'SENDING' AND updated_at < :before LIMIT 100""")
			.param("before", Timestamp.from(now.minus(Duration.ofMinutes(5))))
			.query((rs,
					n) -> new Object[] { rs.getObject("id", UUID.class), rs.getString("provider"),
							rs.getString("channel") })
			.list();
		for (Object[] s : stuck) {
			UUID id = (UUID) s[0];
			boolean again = this.providers.named(String.valueOf(s[1]), Channel.valueOf((String) s[2]))
				.map(MessageProvider::idempotent)
				.orElse(false);
			this.transactions.executeWithoutResult((tx) -> {
				int changed = this.jdbc.sql("""
						UPDATE messaging_messages SET status = :status, updated_at = :now, last_error = :why
						WHERE id = :id AND status = 'SENDING'""")
					.param("status", again ? "QUEUED" : "FAILED")
					.param("now", Timestamp.from(now))
					.param("why", "interrupted while handing over")
					.param("id", id)
					.update();
				if (changed > 0) {
					this.messages.event(id, again ? MessageStatus.QUEUED : MessageStatus.FAILED,
							again ? "interrupted while handing over; the provider drops repeats, so it is tried again"
									: "interrupted while handing over; not sent again, so it is never sent twice",
							now);
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

	private record Claim(Row row, MessageStatus status, @Nullable MessageProvider provider,
			@Nullable ClearedContact cleared) {
	}

}
