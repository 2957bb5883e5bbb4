package org.dues.work;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.dues.arrangement.ArrangementKind;
import org.dues.compliance.Channel;
import org.dues.compliance.ContactGate;
import org.dues.compliance.PersonRole;
import org.dues.compliance.Purpose;
import org.dues.compliance.RuleResult;
import org.dues.contact.ContactLog;
import org.dues.customer.CustomerManagement;
import org.dues.customer.CustomerView;
import org.dues.identity.Role;
import org.dues.identity.UserManagement;
import org.dues.shared.InvalidInputException;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountStatus;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import io.micrometer.core.annotation.Timed;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Next account": the most urgent account an agent may work now, among those they own and
 * those pooled: due follow-ups first (callbacks, then broken promises and plans), then
 * the most overdue and largest (for owned accounts, in the order {@link WorkOrder} keeps
 * on their assignments). Accounts another agent has open are skipped, candidate rows are
 * read {@code FOR UPDATE SKIP LOCKED} so two agents asking at once consider different
 * accounts, and an account the compliance gate would not let the agent call now (outside
 * the customer's hours, a hold, the week's calls used) is passed over with its reason.
 * The account is then leased to the agent for a while, so nobody else gets it. The
 * agent's following account is prepared ahead, in the background, and handed out at their
 * next ask after a short check of what changed since ({@link PreparedLeases}).
 */
@Service
public class NextAccount {

	static final Duration LEASE = Duration.ofMinutes(15);

	/**
	 * An account that may be handed out at all: active, Indian ones only to a certified
	 * agent ({@code :certified}), and not open with another agent. Needs {@code :now}.
	 */
	static final String ELIGIBLE = "a.status = '" + AccountStatus.ACTIVE.name()
			+ "' AND (c.country <> 'IN' OR :certified)"
			+ " AND NOT EXISTS (SELECT 1 FROM work_locks l WHERE l.account_id = a.id AND l.expires_at > :now)";

	/** The account's creditor and the customer's routing facts, joined to {@code a}. */
	static final String ACCOUNT_JOINS = "JOIN portfolio_creditor_facts c ON c.id = a.creditor_id"
			+ " JOIN customer_routing_facts cu ON cu.customer_id = a.customer_id";

	private static final int BATCH = 25;

	/**
	 * An account in an open promise or plan, or with a callback still to come, waits for
	 * its date rather than being called again; nor is an account called again soon after
	 * its last outcome (no answer, busy): it rests for the retry interval. Needs
	 * {@code :now} and {@code :retrySince}.
	 */
	static final String WAITING = " AND NOT EXISTS (SELECT 1 FROM arrangement_facts r WHERE r.account_id = a.id"
			+ " AND r.open AND r.kind IN (%s))".formatted(
					ArrangementState.kinds(ArrangementKind.PROMISE, ArrangementKind.PLAN, ArrangementKind.SETTLEMENT))
			+ " AND NOT EXISTS (SELECT 1 FROM work_followups fw WHERE fw.account_id = a.id AND fw.done_at IS NULL"
			+ " AND fw.due_at > :now)" + " AND NOT EXISTS (SELECT 1 FROM work_dispositions d WHERE d.account_id = a.id"
			+ " AND d.recorded_at > :retrySince)";

	/**
	 * Whether a queue's accounts wait out their arrangements and rests (see
	 * {@link #WAITING}).
	 */
	static boolean waits(Queues.QueueView queue) {
		return queue.filters()
			.arrangements()
			.stream()
			.noneMatch((st) -> st == ArrangementState.PROMISE || st == ArrangementState.PLAN);
	}

	private final JdbcClient jdbc;

	private final ContactLog contacts;

	private final Accounts accounts;

	private final CustomerManagement customers;

	private final UserManagement users;

	private final Queues queues;

	private final Duration retryAfter;

	private final AgentCertificates certificates;

	private final Clock clock;

	private final ObjectProvider<ExternalPools> pools;

	private final QueueCounts counts;

	private final Listings listings = new Listings();

	private final PreparedLeases prepared;

	NextAccount(JdbcClient jdbc, ContactLog contacts, Accounts accounts, CustomerManagement customers,
			UserManagement users, Queues queues, AgentCertificates certificates, Clock clock,
			@Value("${dues.work.retry-after:PT4H}") Duration retryAfter, ObjectProvider<ExternalPools> pools,
			QueueCounts counts, PreparedLeases prepared) {
		this.prepared = prepared;
		this.pools = pools;
		this.counts = counts;
		this.certificates = certificates;
		this.retryAfter = retryAfter;
		this.jdbc = jdbc;
		this.users = users;
		this.queues = queues;
		this.contacts = contacts;
		this.accounts = accounts;
		this.customers = customers;
		this.clock = clock;
	}

	/**
	 * The next account for the agent, leased to them; empty when nothing may be worked
	 * now. Looks in turn at due follow-ups (callbacks first), the accounts the agent
	 * owns, and the pooled accounts of their team queues in priority order. An agent
	 * without a current recovery-agent certificate gets no Indian accounts; pooled
	 * accounts go only to agents who speak the customer's language (when both are known)
	 * and cover the customer's region (when the agent has regions).
	 */
	@Timed(value = "dues.desk.next", description = "Next account: picking and leasing an agent's next account",
			histogram = true)
	@Transactional
	public Optional<Next> next(String agent) {
		return (pick(agent) instanceof Next next) ? Optional.of(next) : Optional.empty();
	}

	/**
	 * As {@link #next(String)}, and when there is nothing to work now, why: the rules of
	 * the compliance gate that stopped the accounts looked at, with the first moment the
	 * gate would let one of them be called; or, when no account was there to look at, how
	 * many of the agent's accounts are taken, wait for a promise or callback, or rest
	 * after a call.
	 */
	@Timed(value = "dues.desk.next", description = "Next account: picking and leasing an agent's next account",
			histogram = true)
	@Transactional
	public Answer ask(String agent) {
		return pick(agent);
	}

	/**
	 * Prepares the agent's next account ahead of their ask (see {@link PreparedLeases}):
	 * chosen, checked and asked of the gate as {@link #next} does, and leased to them as
	 * prepared, for {@link PreparedLeases#PREPARED_FOR}. Nothing when they already have
	 * one, when nothing may be worked now, or for an agency's user.
	 */
	@Transactional
	void prepare(String agent) {
		if (poolOf(agent) != null || this.prepared.has(agent, this.clock.instant())) {
			return;
		}
		pick(agent, true);
	}

	/** Prepares the agent's next account in the background, soon (the desk opened). */
	public void prepareSoon(String agent) {
		this.prepared.prepareSoon(agent);
	}

	private Answer pick(String agent) {
		Instant now = this.clock.instant();
		// a hand-out writes only what is rebuilt or asked again: leases, a follow-up
		// closed, a queue's listing. A crash in the moment after may lose it whole, never
		// half (the agent asks again; a callback comes round once more), so its commit
		// does not wait for the log to reach the disk: a shift's 200 simultaneous asks
		// then do not hold the pool's connections through the flushes (10 to 36 ms each
		// in the burst, measured on the 2-core machine). Payments, outcomes and the audit
		// wait.
		this.jdbc.sql("SET LOCAL synchronous_commit = off").update();
		// asking for the next account is moving on: the one the agent had is let go, and
		// not handed straight back
		List<UUID> had = new ArrayList<>();
		boolean anyBack = this.jdbc.sql("""
				DELETE FROM work_locks l WHERE agent = :agent AND NOT prepared
				RETURNING account_id, EXISTS (SELECT 1 FROM work_dispositions d WHERE d.account_id = l.account_id
				                              AND d.recorded_at > :retrySince) AS rested""")
			.param("agent", agent)
			.param("retrySince", Timestamp.from(now.minus(this.retryAfter)))
			.query((rs, n) -> {
				had.add(rs.getObject("account_id", UUID.class));
				return !rs.getBoolean("rested");
			})
			.list()
			.contains(true);
		if (anyBack) {
			// an account let go without an outcome that rests it comes back into the
			// agent's list at the next ask, perhaps ahead of what a listing would hold:
			// this ask and the next walk the list
			this.listings.forget(agent);
		}
		// the account prepared for the agent ahead of this ask, if nothing that decides
		// it changed since; the one let go now is not it (that was handed out before)
		Optional<Next> ready = this.prepared.take(agent, now, now.minus(this.retryAfter));
		if (ready.isPresent()) {
			this.prepared.counted("taken");
			this.prepared.prepareSoon(agent);
			return ready.get();
		}
		if (this.prepared.release(agent) > 0) {
			// a prepared account that no longer holds is back among the agent's accounts,
			// where the listing kept when it was prepared does not have it: walk
			this.listings.forget(agent);
			this.prepared.counted("let-go");
		}
		else {
			this.prepared.counted("none");
		}
		return pick(agent, false, now, had, anyBack);
	}

	private Answer pick(String agent, boolean prepare) {
		return pick(agent, prepare, this.clock.instant(), new ArrayList<>(), false);
	}

	/**
	 * The walk over the agent's steps; with {@code prepare}, what it finds is leased to
	 * them as prepared (for {@link PreparedLeases#PREPARED_FOR}, its follow-up left open
	 * until it is handed out) instead of handed out.
	 */
	private Answer pick(String agent, boolean prepare, Instant now, List<UUID> had, boolean anyBack) {
		UserManagement.UserView user = this.users.find(agent).orElse(null);
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("agent", agent);
		params.put("now", Timestamp.from(now));
		params.put("certified", user != null && this.certificates.certified(user));
		String waiting = WAITING;
		params.put("retrySince", Timestamp.from(now.minus(this.retryAfter)));
		String pool = poolOf(agent);
		List<Queues.QueueView> queues = (pool == null) ? this.queues.of(agent) : List.of();
		List<Step> steps = (pool == null) ? inHouseSteps(user, queues, params) : externalSteps(pool, params);
		List<String> passedOver = new ArrayList<>();
		Blocked blocked = new Blocked();
		List<UUID> skip = new ArrayList<>(had);
		skip.add(new UUID(0, 0));
		for (Step step : steps) {
			// the agent's own accounts as listed at their last ask, if that listing is
			// kept (see Listings), then the step's accounts read now
			Listing listing = step.keeps() ? this.listings.take(agent, now) : null;
			List<Candidate> kept = (listing != null) ? listing.candidates() : null;
			Instant listedAt = (listing != null) ? listing.at() : now;
			for (boolean live : (kept != null) ? new boolean[] { false, true } : new boolean[] { true }) {
				if (blocked.looked() >= BATCH) {
					break;
				}
				List<Candidate> listed;
				if (live) {
					// the step's accounts in its order, read in one statement without
					// locking them; each the gate lets the agent call is then taken by a
					// statement that checks it again and locks it, skipping it when
					// another agent's transaction holds it, so agents asking together
					// take different accounts without waiting
					params.put("skip", skip.toArray(UUID[]::new));
					params.put("room", BATCH - blocked.looked());
					listed = this.jdbc.sql(step.list())
						.params(params)
						.query((rs, n) -> new Candidate(rs.getObject("id", UUID.class),
								rs.getObject("follow_up", UUID.class), rs.getString("cause")))
						.list();
					listedAt = now;
				}
				else {
					listed = Objects.requireNonNull(kept);
				}
				for (int i = 0; i < listed.size(); i++) {
					Candidate candidate = listed.get(i);
					if (skip.contains(candidate.account())) {
						continue;
					}
					// the account and its customer read once, for the number and the gate
					// alike
					AccountView account = this.accounts.get(new AccountId(candidate.account()));
					CustomerView customer = this.customers.get(account.customerId());
					ContactGate.Preview gate = this.contacts.check(new ContactGate.Request(account.id(), Set.of(),
							Channel.CALL, firstNumber(customer), PersonRole.CONSUMER, Purpose.COLLECTION), account,
							customer);
					if (!gate.decision().allowed()) {
						List<String> rules = gate.decision().blockedBy().stream().map(RuleResult::rule).toList();
						passedOver.add(account.accountRef() + ": " + String.join("; ", rules));
						blocked.add(account.id(), rules, gate.nextOpening());
						skip.add(candidate.account());
						continue;
					}
					// checked again in full as it is taken (owner, status, leases, rests,
					// waits), whether listed now or at the last ask
					params.put("candidate", candidate.account());
					params.put("until", Timestamp.from(now.plus(prepare ? PreparedLeases.PREPARED_FOR : LEASE)));
					params.put("prepared", prepare);
					params.put("accountRef", account.accountRef());
					params.put("followUp", candidate.followUp());
					params.put("cause", candidate.cause());
					params.put("queueName", step.queue());
					params.put("pooled", step.queue() != null);
					params.put("waits", step.account().contains(WAITING));
					params.put("passedOver", passedOver.toArray(String[]::new));
					boolean leased = this.jdbc.sql(step.takeAndLease())
						.params(params)
						.query(UUID.class)
						.optional()
						.isPresent();
					skip.add(candidate.account());
					if (leased) {
						if (step.keeps() && !anyBack) {
							// the rest of the listing, for the agent's next ask
							this.listings.keep(agent, listed.subList(i + 1, listed.size()), listedAt);
						}
						if (step.queue() != null) {
							// taken off its queues' lists until their next listing (which
							// leaves out accounts leased or resting), so the next ask
							// does
							// not walk past it; a list being listed again is not waited
							// for
							this.jdbc.sql("""
									DELETE FROM work_queue_members WHERE (queue_id, position) IN (
									    SELECT queue_id, position FROM work_queue_members WHERE account_id = :account
									    FOR UPDATE SKIP LOCKED)""").param("account", candidate.account()).update();
						}
						if (!prepare) {
							// the one after it, prepared while the agent works this one
							this.prepared.prepareSoon(agent);
						}
						if (candidate.followUp() != null && !prepare) {
							this.jdbc.sql("UPDATE work_followups SET done_at = :now, done_by = :agent WHERE id = :id")
								.param("now", Timestamp.from(now))
								.param("agent", agent)
								.param("id", candidate.followUp())
								.update();
						}
						String reason = (candidate.cause() != null) ? candidate.cause()
								: (step.queue() == null) ? "OWNED" : "QUEUE";
						return new Next(account.id(), account.accountRef(), reason, step.queue(), candidate.followUp(),
								now.plus(LEASE), passedOver);
					}
				}
			}
		}
		if (blocked.looked() > 0 || prepare) {
			// nothing prepared: why is told when the agent asks
			return blocked.idle();
		}
		return Idle.waiting(this.waitingCounts(user, queues, now));
	}

	/**
	 * Where an in-house agent looks, in turn: due follow-ups (callbacks first), the
	 * accounts they own, the pooled accounts of their queues; none worked outside the
	 * house.
	 */
	private List<Step> inHouseSteps(UserManagement.@Nullable UserView user, List<Queues.QueueView> queues,
			Map<String, Object> params) {
		String eligible = ELIGIBLE + " AND " + Queues.NOT_EXTERNAL;
		String waiting = WAITING;
		String pooled = pooledFor(user, queues, params);
		List<Step> steps = new ArrayList<>();
		steps.add(new Step(null, "work_followups f", "f.id AS follow_up, f.cause", "f.account_id",
				"f.done_at IS NULL AND f.due_at <= :now",
				"CASE f.cause WHEN 'CALLBACK' THEN 0 ELSE 1 END, f.due_at, f.account_id",
				ACCOUNT_JOINS + " LEFT JOIN work_assignments w ON w.account_id = a.id",
				eligible + " AND (f.assigned_to = :agent OR (f.assigned_to IS NULL AND (w.agent = :agent"
						+ " OR (w.agent IS NULL AND " + pooled + "))))"));
		steps.add(new Step(null, "work_assignments w", "NULL::uuid AS follow_up, NULL AS cause", "w.account_id",
				"w.agent = :agent", "w.days_past_due DESC, w.balance DESC, w.account_id",
				"JOIN portfolio_creditor_facts c ON c.id = a.creditor_id", eligible + waiting, true));
		for (int i = 0; i < queues.size(); i++) {
			Queues.QueueView queue = queues.get(i);
			steps.add(new Step(queue.name(), "work_queue_members m", "NULL::uuid AS follow_up, NULL AS cause",
					"m.account_id", "m.queue_id = :queue" + i, "m.position",
					ACCOUNT_JOINS + " LEFT JOIN work_assignments w ON w.account_id = a.id",
					"w.agent IS NULL AND " + (waits(queue) ? eligible + waiting : eligible) + " AND "
							+ routing(user, params) + " AND " + queue.selection("s" + i + "_", params)));
			params.put("queue" + i, queue.id());
		}
		return steps;
	}

	/**
	 * Where a user of an external pool (an agency's) looks: due follow-ups on the
	 * accounts parked with the pool, then those accounts, most overdue and largest first.
	 */
	private List<Step> externalSteps(String pool, Map<String, Object> params) {
		params.put("pool", pool);
		String parked = "a.id IN (SELECT xp.account_id FROM work_external_accounts xp WHERE xp.pool = :pool)";
		List<Step> steps = new ArrayList<>();
		steps.add(new Step(null, "work_followups f", "f.id AS follow_up, f.cause", "f.account_id",
				"f.done_at IS NULL AND f.due_at <= :now AND (f.assigned_to = :agent OR f.assigned_to IS NULL)",
				"CASE f.cause WHEN 'CALLBACK' THEN 0 ELSE 1 END, f.due_at, f.account_id",
				"JOIN portfolio_creditor_facts c ON c.id = a.creditor_id", ELIGIBLE + " AND " + parked));
		steps.add(new Step(null, "work_external_accounts x", "NULL::uuid AS follow_up, NULL AS cause", "x.account_id",
				"x.pool = :pool", "x.days_past_due DESC, x.balance DESC, x.account_id",
				"JOIN portfolio_creditor_facts c ON c.id = a.creditor_id", ELIGIBLE + WAITING));
		return steps;
	}

	/** The external pool the user works for, or null for an in-house user. */
	private @Nullable String poolOf(String user) {
		ExternalPools pools = this.pools.getIfAvailable();
		return (pools == null) ? null : pools.poolOf(user).orElse(null);
	}

	/**
	 * How many of the agent's accounts (owned, and pooled in their queues for them) wait
	 * now, by why: another agent has it open, it waits for an open promise, plan or
	 * settlement or a callback to come, or it rests after a recent call. One statement
	 * over the agent's accounts, read only when next account found none to look at.
	 */
	private Waiting waitingCounts(UserManagement.@Nullable UserView user, List<Queues.QueueView> queues, Instant now) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("agent", (user == null) ? "" : user.username());
		params.put("now", Timestamp.from(now));
		params.put("certified", user != null && this.certificates.certified(user));
		params.put("retrySince", Timestamp.from(now.minus(this.retryAfter)));
		String pooled = pooledFor(user, queues, params);
		return this.jdbc
			.sql("""
					SELECT count(*) FILTER (WHERE EXISTS (SELECT 1 FROM work_locks l WHERE l.account_id = a.id
					                                      AND l.expires_at > :now)) AS taken,
					       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM arrangement_facts r WHERE r.account_id = a.id
					                                      AND r.open AND r.kind IN (%s))) AS promised,
					       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM work_followups fw WHERE fw.account_id = a.id
					                                      AND fw.done_at IS NULL AND fw.due_at > :now)) AS callback,
					       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM work_dispositions d WHERE d.account_id = a.id
					                                      AND d.recorded_at > :retrySince)) AS resting,
					       count(*) AS accounts
					FROM portfolio_account_facts a JOIN portfolio_creditor_facts c ON c.id = a.creditor_id
					JOIN customer_routing_facts cu ON cu.customer_id = a.customer_id
					LEFT JOIN work_assignments w ON w.account_id = a.id
					WHERE a.status = '%s' AND (c.country <> 'IN' OR :certified)
					  AND (w.agent = :agent OR (w.agent IS NULL AND %s))""".formatted(
					ArrangementState.kinds(ArrangementKind.PROMISE, ArrangementKind.PLAN, ArrangementKind.SETTLEMENT),
					AccountStatus.ACTIVE.name(), pooled))
			.params(params)
			.query((rs, n) -> new Waiting(rs.getInt("accounts"), rs.getInt("taken"), rs.getInt("promised"),
					rs.getInt("callback"), rs.getInt("resting")))
			.single();
	}

	/** An account a step listed, with the follow-up that brought it. */
	private record Candidate(UUID account, @Nullable UUID followUp, @Nullable String cause) {
	}

	/** An agent's own accounts as a step listed them, and when. */
	private record Listing(List<Candidate> candidates, Instant at) {
	}

	/**
	 * What is left of each agent's listing of their own accounts after their last ask, in
	 * this node's memory, so that the next ask need not walk the agent's list again: the
	 * walk is the costliest statement of a hand-out, and 200 agents asking at once queue
	 * behind it. A listing is used for at most {@link #KEPT} after it was read, and
	 * forgotten whenever accounts change hands here or the work order's pass runs (the
	 * order it was read in is itself refreshed only by that pass), so it lags the order
	 * by no more than the order lags the accounts. Only the order and which accounts are
	 * looked at come from it: each listed account is checked again in full (still the
	 * agent's, active, not open with another agent, not resting or waiting) and the
	 * compliance gate decides on it as it is handed out. An account the agent lets go
	 * without an outcome that rests it (skipped) makes that ask and the next walk again,
	 * as it comes back into the list; one that becomes workable otherwise (its rest ends,
	 * a promise closes) is looked at from the next walk. When the listing runs out, the
	 * agent's list is walked again at once.
	 */
	static final class Listings {

		static final Duration KEPT = Duration.ofMinutes(5);

		private final Map<String, Listing> byAgent = new ConcurrentHashMap<>();

		/** The agent's kept listing, taken away, when there is one still fresh. */
		@Nullable Listing take(String agent, Instant now) {
			Listing listing = this.byAgent.remove(agent);
			if (listing == null || now.isBefore(listing.at()) || !now.isBefore(listing.at().plus(KEPT))) {
				return null;
			}
			return listing;
		}

		void keep(String agent, List<Candidate> rest, Instant listedAt) {
			if (rest.isEmpty()) {
				this.byAgent.remove(agent);
			}
			else {
				this.byAgent.put(agent, new Listing(List.copyOf(rest), listedAt));
			}
		}

		void forget(String agent) {
			this.byAgent.remove(agent);
		}

		void forgetAll() {
			this.byAgent.clear();
		}

	}

	/** What the gate stopped among the accounts looked at. */
	private static final class Blocked {

		private final Map<String, Integer> byRule = new LinkedHashMap<>();

		private int looked;

		private @Nullable Instant opensAt;

		private @Nullable AccountId opensFor;

		private @Nullable String opensBy;

		void add(AccountId account, List<String> rules, @Nullable Instant opening) {
			this.looked++;
			rules.forEach((rule) -> this.byRule.merge(rule, 1, Integer::sum));
			if (opening != null && (this.opensAt == null || opening.isBefore(this.opensAt))) {
				this.opensAt = opening;
				this.opensFor = account;
				this.opensBy = rules.isEmpty() ? null : rules.get(0);
			}
		}

		int looked() {
			return this.looked;
		}

		Idle idle() {
			Map<String, Integer> sorted = new LinkedHashMap<>();
			this.byRule.entrySet()
				.stream()
				.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
				.forEach((e) -> sorted.put(e.getKey(), e.getValue()));
			return new Idle(this.looked, sorted, this.opensAt, this.opensFor, this.opensBy, null);
		}

	}

	/**
	 * One place to look for the next account, with the queue it stands for: the rows it
	 * walks in its order ({@code driver}, each naming an account by {@code link},
	 * filtered by {@code where}, ordered by {@code order}) and the conditions on the
	 * account ({@code a}, reached through {@code joins}) for it to be handed out.
	 */
	private record Step(@Nullable String queue, String driver, String columns, String link, String where, String order,
			String joins, String account, boolean keeps) {

		Step(@Nullable String queue, String driver, String columns, String link, String where, String order,
				String joins, String account) {
			this(queue, driver, columns, link, where, order, joins, account, false);
		}

		/**
		 * The step's accounts in its order, up to {@code :room}, none locked. Each row of
		 * the walk is checked by itself (a lateral subquery the planner keeps apart), so
		 * the walk stops after {@code :room} accounts found however badly the planner
		 * guesses how many of them pass, instead of joining every account that might.
		 */
		String list() {
			return """
					SELECT a.id, %s FROM %s CROSS JOIN LATERAL (
					    SELECT a.id FROM portfolio_account_facts a %s
					    WHERE a.id = %s AND %s AND a.id <> ALL(:skip) OFFSET 0) a
					WHERE %s
					ORDER BY %s
					LIMIT :room""".formatted(this.columns, this.driver, this.joins, this.link, this.account, this.where,
					this.order);
		}

		/**
		 * Takes the account {@code :candidate} if it is still the step's: locks it,
		 * skipping it when another transaction holds it, and leases it to {@code :agent}
		 * until {@code :until} unless another agent holds a live lease on it, in one
		 * statement; returns its id when leased.
		 */
		String takeAndLease() {
			return """
					WITH taken AS (
					    SELECT a.id FROM %s JOIN portfolio_account_facts a ON a.id = %s %s
					    WHERE %s AND %s AND a.id = :candidate
					    LIMIT 1 FOR NO KEY UPDATE OF a SKIP LOCKED)
					INSERT INTO work_locks (account_id, agent, locked_at, expires_at, prepared, account_ref,
					    follow_up_id, cause, queue_name, pooled, waits, passed_over)
					SELECT id, :agent, :now, :until, :prepared, CAST(:accountRef AS text), CAST(:followUp AS uuid),
					    CAST(:cause AS text), CAST(:queueName AS text), :pooled, :waits, CAST(:passedOver AS text[])
					FROM taken
					ON CONFLICT (account_id) DO UPDATE SET agent = EXCLUDED.agent, locked_at = EXCLUDED.locked_at,
					    expires_at = EXCLUDED.expires_at, prepared = EXCLUDED.prepared,
					    account_ref = EXCLUDED.account_ref, follow_up_id = EXCLUDED.follow_up_id,
					    cause = EXCLUDED.cause, queue_name = EXCLUDED.queue_name, pooled = EXCLUDED.pooled,
					    waits = EXCLUDED.waits, passed_over = EXCLUDED.passed_over
					WHERE (work_locks.agent = EXCLUDED.agent AND NOT work_locks.prepared AND NOT EXCLUDED.prepared)
					    OR work_locks.expires_at <= EXCLUDED.locked_at
					RETURNING account_id""".formatted(this.driver, this.link, this.joins, this.where, this.account);
		}

	}

	/**
	 * The condition for a pooled account to be the agent's: routed to them and in one of
	 * their queues.
	 */
	static String pooledFor(UserManagement.@Nullable UserView user, List<Queues.QueueView> queues,
			Map<String, Object> params) {
		if (queues.isEmpty()) {
			return "false";
		}
		List<String> any = new ArrayList<>();
		for (int i = 0; i < queues.size(); i++) {
			any.add(queues.get(i).selection("f" + i + "_", params));
		}
		return "(" + routing(user, params) + " AND (" + String.join(" OR ", any) + "))";
	}

	/**
	 * Language and region routing of pooled accounts: to agents who speak the customer's
	 * language and cover the customer's region, where each is known.
	 */
	static String routing(UserManagement.@Nullable UserView user, Map<String, Object> params) {
		List<String> where = new ArrayList<>();
		where.add("true");
		if (user != null && !user.languages().isEmpty()) {
			where.add("(cu.language IS NULL OR cu.language = ANY(:agentLanguages))");
			params.put("agentLanguages", user.languages().toArray(String[]::new));
		}
		if (user != null && !user.regions().isEmpty()) {
			where.add("(NOT EXISTS (SELECT 1 FROM customer_region_facts ad WHERE ad.customer_id = a.customer_id)"
					+ " OR EXISTS (SELECT 1 FROM customer_region_facts ad WHERE ad.customer_id = a.customer_id"
					+ " AND ad.region = ANY(:agentRegions)))");
			params.put("agentRegions", user.regions().toArray(String[]::new));
		}
		return "(" + String.join(" AND ", where) + ")";
	}

	private static @Nullable String firstNumber(CustomerView customer) {
		return customer.phones()
			.stream()
			.filter(CustomerView.Phone::usable)
			.map(CustomerView.Phone::e164)
			.findFirst()
			.orElse(null);
	}

	/**
	 * Forgets every agent's kept listing of their own accounts (see {@link Listings}):
	 * accounts changed hands, or their order was refreshed.
	 */
	void forgetListings() {
		this.listings.forgetAll();
	}

	/** The agents who own any of the accounts now (pooled ones have none). */
	@Transactional(readOnly = true)
	public java.util.Set<String> ownersOf(java.util.Collection<AccountId> accounts) {
		if (accounts.isEmpty()) {
			return java.util.Set.of();
		}
		return new java.util.HashSet<>(this.jdbc
			.sql("SELECT DISTINCT agent FROM work_assignments WHERE account_id = ANY(:ids) AND agent IS NOT NULL")
			.param("ids", accounts.stream().map(AccountId::value).toArray(UUID[]::new))
			.query(String.class)
			.list());
	}

	/**
	 * Assigns accounts to an agent (or the pool) in one statement, and records each move
	 * in the assignment history; an account already theirs is left as it is.
	 * @throws InvalidInputException naming an unknown, disabled or non-agent user, or an
	 * account that does not exist
	 */
	@Transactional
	public void assignAll(java.util.Collection<AccountId> accounts, @Nullable String agent, String by) {
		requireAgent("agent", agent);
		UUID[] ids = accounts.stream().map(AccountId::value).distinct().toArray(UUID[]::new);
		List<UUID> known = this.jdbc.sql("SELECT id FROM portfolio_account_facts WHERE id = ANY(:ids)")
			.param("ids", ids)
			.query(UUID.class)
			.list();
		for (UUID id : ids) {
			if (!known.contains(id)) {
				throw new InvalidInputException("accountIds", "there is no account %s".formatted(id));
			}
		}
		move(ids, agent, by, null, null);
	}

	/**
	 * Gives the accounts (which exist) to the agent or, agent null, to the pool, writing
	 * who had each before, who gave it and when into {@code work_assignment_history}; an
	 * account that is already the agent's (or pooled) is left alone.
	 * @param batch the bulk action that moves them, if one does
	 * @param queue the queue they were added to, when that is why they are pooled
	 * @return how many accounts changed hands
	 */
	int move(UUID[] ids, @Nullable String agent, String by, @Nullable UUID batch, @Nullable UUID queue) {
		// the present owners locked first, so the history names the owner each move
		// replaced even when two leads move the same accounts at once
		this.jdbc
			.sql("SELECT account_id FROM work_assignments WHERE account_id = ANY(:ids) ORDER BY account_id FOR UPDATE")
			.param("ids", ids)
			.query(UUID.class)
			.list();
		forgetListings();
		// an account prepared for an agent ahead of their ask is let go as it changes
		// hands
		this.prepared.releaseAccounts(ids);
		// the queues' kept sizes change with the accounts that enter or leave the pool
		return this.counts.adjusting(ids, this.queues.all(), () -> this.jdbc.sql("""
				WITH moving AS (
				    SELECT a.id, a.days_past_due, a.principal + a.interest + a.fees AS balance, w.agent AS was
				    FROM portfolio_account_facts a LEFT JOIN work_assignments w ON w.account_id = a.id
				    WHERE a.id = ANY(:ids) AND w.agent IS DISTINCT FROM CAST(:agent AS text)
				), moved AS (
				    INSERT INTO work_assignments (account_id, agent, assigned_at, assigned_by, days_past_due, balance)
				    SELECT id, CAST(:agent AS text), :now, :by, days_past_due, balance FROM moving
				    ON CONFLICT (account_id) DO UPDATE SET agent = EXCLUDED.agent, assigned_at = EXCLUDED.assigned_at,
				        assigned_by = EXCLUDED.assigned_by, days_past_due = EXCLUDED.days_past_due,
				        balance = EXCLUDED.balance
				    RETURNING account_id
				)
				INSERT INTO work_assignment_history (account_id, from_agent, to_agent, queue_id, batch_id, assigned_by,
				    assigned_at)
				SELECT m.id, m.was, CAST(:agent AS text), CAST(:queue AS uuid), CAST(:batch AS uuid), :by, :now
				FROM moving m JOIN moved ON moved.account_id = m.id""")
			.param("ids", ids)
			.param("agent", agent)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("by", by)
			.param("batch", batch)
			.param("queue", queue)
			.update());
	}

	/**
	 * Moves every account an agent owns to another agent, or to the pool (to null); the
	 * lead's bulk reassignment when an agent leaves or is overloaded. Each move is
	 * recorded in the assignment history.
	 * @return how many accounts moved
	 */
	@Transactional
	public int reassignFrom(String fromAgent, @Nullable String toAgent, String by) {
		if (this.users.find(fromAgent).isEmpty()) {
			throw new InvalidInputException("fromAgent", "there is no user '%s'".formatted(fromAgent));
		}
		requireAgent("agent", toAgent);
		if (fromAgent.equals(toAgent)) {
			return 0;
		}
		forgetListings();
		this.prepared.releaseOwnedBy(fromAgent);
		// accounts given to the pool enter its queues: their kept sizes change with them
		UUID[] owned = (toAgent != null) ? new UUID[0]
				: this.jdbc.sql("SELECT account_id FROM work_assignments WHERE agent = :from")
					.param("from", fromAgent)
					.query(UUID.class)
					.list()
					.toArray(UUID[]::new);
		return this.counts.adjusting(owned, this.queues.all(),
				() -> this.jdbc.sql("""
						WITH moved AS (
						    UPDATE work_assignments SET agent = CAST(:to AS text), assigned_at = :now, assigned_by = :by
						    WHERE agent = :from
						    RETURNING account_id
						)
						INSERT INTO work_assignment_history (account_id, from_agent, to_agent, assigned_by, assigned_at)
						SELECT account_id, :from, CAST(:to AS text), :by, :now FROM moved""")
					.param("from", fromAgent)
					.param("to", toAgent)
					.param("now", Timestamp.from(this.clock.instant()))
					.param("by", by)
					.update());
	}

	/**
	 * Gives an agent up to {@code limit} of the pooled accounts a queue holds, in the
	 * queue's order.
	 * @return how many accounts were assigned
	 */
	@Transactional
	public int assignFromQueue(UUID queueId, String agent, int limit, String by) {
		List<UUID> ids = this.queues.preview(queueId, limit);
		assignAll(ids.stream().map(AccountId::new).toList(), agent, by);
		return ids.size();
	}

	/**
	 * Only an enabled user with the agent role is given accounts.
	 * @throws InvalidInputException naming the field, for anyone else
	 */
	public void requireAgent(String field, @Nullable String agent) {
		if (agent == null) {
			return;
		}
		UserManagement.UserView user = this.users.find(agent)
			.orElseThrow(() -> new InvalidInputException(field, "there is no user '%s'".formatted(agent)));
		if (!user.enabled()) {
			throw new InvalidInputException(field, "'%s' is disabled".formatted(agent));
		}
		if (!user.has(Role.AGENT)) {
			throw new InvalidInputException(field, "'%s' is not an agent".formatted(agent));
		}
	}

	/** Assigns an account to an agent, or pools it (agent null) for any agent to take. */
	@Transactional
	public void assign(AccountId account, @Nullable String agent, String by) {
		this.accounts.get(account);
		assignAll(List.of(account), agent, by);
	}

	/**
	 * The account an agent should work next.
	 *
	 * @param reason {@code CALLBACK}, {@code PROMISE_BROKEN}, {@code PLAN_BROKEN} (a due
	 * follow-up), {@code OWNED} (an account assigned to the agent) or {@code QUEUE}
	 * @param queue the team queue it came from, for a pooled account
	 * @param passedOver accounts ahead of it the gate would not let the agent call now,
	 * with the rules that stopped them
	 */
	public record Next(AccountId accountId, String accountRef, String reason, @Nullable String queue,
			@Nullable UUID followUpId, Instant leasedUntil, List<String> passedOver) implements Answer {
	}

	/** What asking for the next account gave: an account, or why there is none now. */
	public sealed interface Answer extends java.io.Serializable permits Next, Idle {

	}

	/**
	 * Nothing to work now, and why.
	 *
	 * @param looked how many accounts next account looked at, each of which the gate
	 * would not let the agent call now
	 * @param blockedBy how many of those each of the gate's rules stopped, most first
	 * ({@code contact-hours}, {@code holds}, {@code call-frequency}, …)
	 * @param opensAt the first moment the gate would let one of them be called, if any
	 * within its horizon (two weeks)
	 * @param opensFor the account that opens then
	 * @param opensBy the first rule that keeps that account closed until then
	 * @param waiting when no account was there to look at, how many of the agent's
	 * accounts wait and why
	 */
	public record Idle(int looked, Map<String, Integer> blockedBy, @Nullable Instant opensAt,
			@Nullable AccountId opensFor, @Nullable String opensBy, @Nullable Waiting waiting) implements Answer {

		public Idle {
			blockedBy = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(blockedBy));
		}

		static Idle waiting(Waiting waiting) {
			return new Idle(0, Map.of(), null, null, null, waiting);
		}

	}

	/**
	 * The agent's accounts (owned, and pooled in their queues for them) and how many of
	 * them wait now: open with another agent, waiting for an open promise, plan or
	 * settlement, for a callback to come, or resting after a recent call (an account may
	 * wait for several reasons).
	 */
	public record Waiting(int accounts, int taken, int promised, int callback,
			int resting) implements java.io.Serializable {
	}

}
