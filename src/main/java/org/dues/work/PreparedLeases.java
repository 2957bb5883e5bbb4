package org.dues.work;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Next accounts prepared ahead of the agent's ask, so that 200 agents asking in the same
 * instant (a shift starting) each take theirs with one short statement instead of a walk
 * and a compliance decision apiece. After every hand-out, and when an agent opens the
 * desk, the agent's next account is chosen in the background ({@link NextAccount}'s whole
 * path: the walk, the full checks, the gate) and leased to them as <em>prepared</em> in
 * {@code work_locks}, in the database, so every node sees it and nobody else takes the
 * account; the lease ends by itself after {@link #PREPARED_FOR}, and at once when the
 * agent logs out or the account changes hands. Their ask then hands it out if, since it
 * was prepared, nothing that decides it changed: still active and still the agent's (or
 * still pooled, or its follow-up still open), not resting nor waiting, no restriction
 * recorded or lifted for the customer, no contact with the customer, no follow-up come
 * due on an account of theirs or one assigned to them (a pooled account's follow-up come
 * due is seen at the next walk); otherwise the prepared lease is let go and the ask walks
 * as before. The gate decided when the account was prepared, at most
 * {@link #PREPARED_FOR} earlier; the call itself asks it again at that moment, as every
 * contact does. Each ask is counted as {@code dues.desk.next.prepared} tagged
 * {@code outcome}: {@code taken} (the prepared account handed out), {@code let-go} (there
 * was one, and it no longer held) or {@code none} (nothing prepared: the ask walked).
 */
@Component
class PreparedLeases {

	private static final Logger log = LoggerFactory.getLogger(PreparedLeases.class);

	/** How long a prepared account stays leased to the agent without their asking. */
	static final Duration PREPARED_FOR = Duration.ofMinutes(5);

	private final JdbcClient jdbc;

	private final ObjectProvider<NextAccount> next;

	private final boolean enabled;

	private final Duration delay;

	private final Set<String> pending = ConcurrentHashMap.newKeySet();

	private final ScheduledExecutorService executor;

	private final MeterRegistry meters;

	PreparedLeases(JdbcClient jdbc, ObjectProvider<NextAccount> next,
			@Value("${dues.work.prepare-ahead:true}") boolean enabled,
			@Value("${dues.work.prepare-after:PT2S}") Duration delay, MeterRegistry meters) {
		this.meters = meters;
		this.jdbc = jdbc;
		this.next = next;
		this.enabled = enabled;
		this.delay = delay;
		// one thread: preparing takes at most one core from the requests, and a burst of
		// hand-outs is prepared for after it, one agent after another
		this.executor = Executors.newSingleThreadScheduledExecutor((r) -> {
			Thread thread = new Thread(r, "dues-prepare-next");
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Hands out the agent's prepared account if nothing that decides it changed since it
	 * was prepared (one statement): leases it to them as any hand-out does and closes its
	 * follow-up; empty when there is none or it no longer holds (then it stays prepared
	 * until {@link #release} lets it go).
	 */
	Optional<NextAccount.Next> take(String agent, Instant now, Instant retrySince) {
		return this.jdbc
			.sql("""
					WITH handed AS (
					    UPDATE work_locks l SET prepared = false, locked_at = :now, expires_at = :until
					    FROM portfolio_account_facts a LEFT JOIN work_assignments w ON w.account_id = a.id
					    WHERE l.agent = :agent AND l.prepared AND l.expires_at > :now AND a.id = l.account_id
					      AND a.status = '%s'
					      AND CASE WHEN l.follow_up_id IS NOT NULL THEN EXISTS (
					                   SELECT 1 FROM work_followups f WHERE f.id = l.follow_up_id AND f.done_at IS NULL
					                   AND (f.assigned_to = :agent OR (f.assigned_to IS NULL
					                        AND (w.agent = :agent OR w.agent IS NULL))))
					               WHEN l.pooled THEN w.agent IS NULL
					               ELSE w.agent = :agent END
					      AND (NOT l.waits OR (true %s))
					      AND NOT EXISTS (SELECT 1 FROM compliance_restriction_change_facts r
					                      WHERE r.customer_id = a.customer_id AND r.changed_at > l.locked_at)
					      AND NOT EXISTS (SELECT 1 FROM contact_customer_interaction_facts i
					                      WHERE i.customer_id = a.customer_id AND i.recorded_at > l.locked_at)
					      AND NOT EXISTS (SELECT 1 FROM work_followups f LEFT JOIN work_assignments fw ON fw.account_id = f.account_id
					                      WHERE f.done_at IS NULL AND f.due_at <= :now
					                        AND (f.due_at > l.locked_at OR f.created_at > l.locked_at)
					                        AND (f.assigned_to = :agent OR (f.assigned_to IS NULL AND fw.agent = :agent)))
					    RETURNING l.account_id, l.account_ref, l.follow_up_id, l.cause, l.queue_name, l.passed_over
					), done AS (
					    UPDATE work_followups SET done_at = :now, done_by = :agent
					    WHERE id IN (SELECT follow_up_id FROM handed)
					)
					SELECT account_id, account_ref, follow_up_id, cause, queue_name, passed_over FROM handed"""
				.formatted(AccountStatus.ACTIVE.name(), NextAccount.WAITING))
			.param("agent", agent)
			.param("now", Timestamp.from(now))
			.param("until", Timestamp.from(now.plus(NextAccount.LEASE)))
			.param("retrySince", Timestamp.from(retrySince))
			.query((rs, n) -> {
				String queue = rs.getString("queue_name");
				String cause = rs.getString("cause");
				java.sql.Array passed = rs.getArray("passed_over");
				List<String> passedOver = (passed == null) ? List.of() : List.of((String[]) passed.getArray());
				return new NextAccount.Next(new AccountId(rs.getObject("account_id", UUID.class)),
						rs.getString("account_ref"), (cause != null) ? cause : (queue == null) ? "OWNED" : "QUEUE",
						queue, rs.getObject("follow_up_id", UUID.class), now.plus(NextAccount.LEASE), passedOver);
			})
			.optional();
	}

	/** Counts an ask by what became of the agent's prepared account. */
	void counted(String outcome) {
		this.meters.counter("dues.desk.next.prepared", "outcome", outcome).increment();
	}

	/** Lets the agent's prepared account go, if they have one. */
	int release(String agent) {
		return this.jdbc.sql("DELETE FROM work_locks WHERE agent = :agent AND prepared").param("agent", agent).update();
	}

	/**
	 * Whether the agent has a prepared account still leased to them; an expired one is
	 * let go.
	 */
	boolean has(String agent, Instant now) {
		this.jdbc.sql("DELETE FROM work_locks WHERE agent = :agent AND prepared AND expires_at <= :now")
			.param("agent", agent)
			.param("now", Timestamp.from(now))
			.update();
		return this.jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM work_locks WHERE agent = :agent AND prepared AND expires_at > :now)")
			.param("agent", agent)
			.param("now", Timestamp.from(now))
			.query(Boolean.class)
			.single();
	}

	/** Lets go the prepared leases on accounts that change hands. */
	void releaseAccounts(UUID[] accounts) {
		this.jdbc.sql("DELETE FROM work_locks WHERE account_id = ANY(:ids) AND prepared")
			.param("ids", accounts)
			.update();
	}

	/** Lets go the prepared leases of an agent whose accounts all change hands. */
	void releaseOwnedBy(String agent) {
		this.jdbc
			.sql("""
					DELETE FROM work_locks l WHERE l.prepared
					AND (l.agent = :agent OR l.account_id IN (SELECT account_id FROM work_assignments WHERE agent = :agent))""")
			.param("agent", agent)
			.update();
	}

	/**
	 * Prepares the agent's next account in the background, after the present transaction
	 * commits (what it handed out is then seen as leased) and a short delay (a burst of
	 * asks is served first); once per agent at a time. Nothing when preparing ahead is
	 * off ({@code dues.work.prepare-ahead=false}).
	 */
	void prepareSoon(String agent) {
		if (!this.enabled) {
			return;
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					schedule(agent);
				}
			});
		}
		else {
			schedule(agent);
		}
	}

	private void schedule(String agent) {
		if (!this.pending.add(agent)) {
			return;
		}
		try {
			this.executor.schedule(() -> {
				this.pending.remove(agent);
				try {
					this.next.getObject().prepare(agent);
				}
				catch (RuntimeException ex) {
					// another node or thread prepared for the agent at the same moment
					// (one prepared lease per agent), or the database is away: their next
					// ask walks
					log.debug("Could not prepare the next account of {}", agent, ex);
				}
			}, this.delay.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (java.util.concurrent.RejectedExecutionException ex) {
			this.pending.remove(agent);
		}
	}

	/** A user who logs out lets their prepared account go. */
	@EventListener
	void loggedOut(LogoutSuccessEvent event) {
		release(event.getAuthentication().getName());
	}

	@PreDestroy
	void stop() {
		this.executor.shutdownNow();
	}

}
