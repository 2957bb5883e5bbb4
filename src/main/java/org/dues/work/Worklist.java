package org.dues.work;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.dues.arrangement.ArrangementKind;
import org.dues.compliance.Channel;
import org.dues.customer.CustomerId;
import org.dues.customer.CustomerManagement;
import org.dues.customer.CustomerView;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.Creditors;
import org.dues.shared.Money;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agent's worklist beside next account: the callbacks they set that fall due today
 * (or are overdue), the promises and instalments due today on the arrangements they took
 * or the accounts they own, the broken promises and plans and the missed instalments to
 * chase, the answers to their approval requests and the customers' replies (SMS,
 * WhatsApp) on the accounts they own that they have not yet opened. Each item is an
 * account the agent reaches ({@link WorkAccess}), read through arrangement's published
 * faces; "today" is the day in the customer's zone for a callback and in the creditor's
 * for a date of payment.
 */
@Service
public class Worklist {

	/**
	 * How long an answer to an approval request stays on the worklist unopened, and keeps
	 * the account within the requester's reach ({@link WorkAccess}).
	 */
	public static final Duration ANSWERS_KEPT = Duration.ofDays(7);

	/** The arrangements an agent took (taker) or whose account they own, as one set. */
	private static final String THEIRS = """
			SELECT r.id, r.account_id, r.kind FROM arrangement_facts r WHERE r.created_by = :agent AND r.in_force
			UNION
			SELECT r.id, r.account_id, r.kind FROM work_assignments w JOIN arrangement_facts r ON r.account_id = w.account_id
			WHERE w.agent = :agent AND r.in_force""";

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final CustomerManagement customers;

	private final Creditors creditors;

	private final Clock clock;

	Worklist(JdbcClient jdbc, Accounts accounts, CustomerManagement customers, Creditors creditors, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.customers = customers;
		this.creditors = creditors;
		this.clock = clock;
	}

	/** The agent's worklist now, each part soonest first. */
	@Transactional(readOnly = true)
	public Items of(String agent) {
		Instant now = this.clock.instant();
		// a superset read by date in SQL (the latest "today" on Earth), cut to each
		// account's own today below
		LocalDate latest = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1);
		List<Row> rows = new ArrayList<>();
		rows.addAll(this.jdbc.sql("""
				SELECT f.account_id, f.due_at FROM work_followups f
				WHERE f.assigned_to = :agent AND f.done_at IS NULL AND f.cause = 'CALLBACK' AND f.due_at < :horizon""")
			.param("agent", agent)
			.param("horizon", Timestamp.from(now.plus(Duration.ofDays(2))))
			.query((rs, n) -> new Row(Kind.CALLBACK, account(rs), rs.getTimestamp("due_at").toInstant(), null, null,
					null, null, null, null, null))
			.list());
		rows.addAll(this.jdbc
			.sql("""
					SELECT t.account_id, t.kind, i.seq, i.due_on, i.amount - i.paid AS amount,
					       (SELECT count(*) FROM arrangement_instalment_facts n WHERE n.arrangement_id = t.id) AS instalments
					FROM (%s) t JOIN arrangement_instalment_facts i ON i.arrangement_id = t.id
					WHERE i.due AND i.due_on <= :latest"""
				.formatted(THEIRS))
			.param("agent", agent)
			.param("latest", latest)
			.query((rs, n) -> new Row(Kind.DUE, account(rs), null, rs.getObject("due_on", LocalDate.class),
					rs.getBigDecimal("amount"), ArrangementKind.valueOf(rs.getString("kind")),
					(rs.getInt("instalments") > 1) ? rs.getInt("seq") : null, null, null, null))
			.list());
		rows.addAll(this.jdbc.sql("""
				SELECT t.account_id, t.kind, i.seq, i.due_on, i.amount - i.paid AS amount
				FROM (%s) t JOIN arrangement_instalment_facts i ON i.arrangement_id = t.id
				WHERE i.missed
				  AND NOT EXISTS (SELECT 1 FROM work_dispositions d WHERE d.account_id = t.account_id
				                  AND d.recorded_at >= i.due_on)""".formatted(THEIRS))
			.param("agent", agent)
			.query((rs, n) -> new Row(Kind.MISSED, account(rs), null, rs.getObject("due_on", LocalDate.class),
					rs.getBigDecimal("amount"), ArrangementKind.valueOf(rs.getString("kind")), rs.getInt("seq"), null,
					null, null))
			.list());
		rows.addAll(this.jdbc.sql("""
				SELECT f.account_id, f.due_at, r.kind FROM work_followups f
				LEFT JOIN arrangement_facts r
				       ON r.id = CASE WHEN f.cause IN ('PROMISE_BROKEN', 'PLAN_BROKEN') THEN f.cause_ref::uuid END
				LEFT JOIN work_assignments w ON w.account_id = f.account_id
				WHERE f.done_at IS NULL AND f.cause IN ('PROMISE_BROKEN', 'PLAN_BROKEN')
				  AND (f.assigned_to = :agent OR (f.assigned_to IS NULL
				       AND (w.agent = :agent OR (w.agent IS NULL AND r.created_by = :agent))))""")
			.param("agent", agent)
			.query((rs, n) -> new Row(Kind.BROKEN, account(rs), rs.getTimestamp("due_at").toInstant(), null, null,
					kind(rs.getString("kind")), null, null, null, null))
			.list());
		rows.addAll(this.jdbc.sql("""
				SELECT f.id, f.account_id, f.due_at, f.channel, f.from_address, f.reason FROM work_followups f
				LEFT JOIN work_assignments w ON w.account_id = f.account_id
				WHERE f.done_at IS NULL AND f.cause = 'REPLY'
				  AND (f.assigned_to = :agent OR (f.assigned_to IS NULL AND w.agent = :agent))""")
			.param("agent", agent)
			.query((rs, n) -> new Row(Kind.REPLY, account(rs), rs.getTimestamp("due_at").toInstant(), null, null, null,
					null, null, null,
					new Reply(rs.getObject("id", UUID.class), Channel.valueOf(rs.getString("channel")),
							rs.getString("from_address"), rs.getString("reason"))))
			.list());
		rows.addAll(this.jdbc.sql("""
				SELECT p.id, r.account_id, r.kind, p.approved, p.decided_by, p.decided_at
				FROM arrangement_approval_facts p JOIN arrangement_facts r ON r.id = p.arrangement_id
				WHERE p.requested_by = :agent AND p.answered AND p.decided_at > :since
				  AND NOT EXISTS (SELECT 1 FROM work_answers_seen s WHERE s.agent = :agent AND s.approval_id = p.id)""")
			.param("agent", agent)
			.param("since", Timestamp.from(now.minus(ANSWERS_KEPT)))
			.query((rs, n) -> new Row(rs.getBoolean("approved") ? Kind.APPROVED : Kind.REJECTED, account(rs),
					rs.getTimestamp("decided_at").toInstant(), null, null,
					ArrangementKind.valueOf(rs.getString("kind")), null, rs.getString("decided_by"),
					rs.getObject("id", UUID.class), null))
			.list());
		return new Items(items(rows, now));
	}

	/**
	 * Opens an approval request's answer: when it answers the agent's own request, it
	 * leaves their worklist.
	 * @return the account the request is about, empty when there is no such request
	 */
	@Transactional
	public Optional<AccountId> open(String agent, UUID approval) {
		record Request(AccountId account, boolean theirs) {
		}
		Optional<Request> request = this.jdbc.sql("""
				SELECT r.account_id, p.requested_by = :agent AND p.answered AS theirs
				FROM arrangement_approval_facts p JOIN arrangement_facts r ON r.id = p.arrangement_id
				WHERE p.id = :id""")
			.param("id", approval)
			.param("agent", agent)
			.query((rs, n) -> new Request(account(rs), rs.getBoolean("theirs")))
			.optional();
		if (request.isPresent() && request.get().theirs()) {
			this.jdbc.sql("""
					INSERT INTO work_answers_seen (agent, approval_id, seen_at) VALUES (:agent, :id, :now)
					ON CONFLICT (agent, approval_id) DO NOTHING""")
				.param("agent", agent)
				.param("id", approval)
				.param("now", Timestamp.from(this.clock.instant()))
				.update();
		}
		return request.map(Request::account);
	}

	/**
	 * Opens a customer's reply from the worklist: when it waits for this agent (theirs by
	 * assignment), it is done and leaves their worklist.
	 * @return the account the reply is on, empty when there is no such reply
	 */
	@Transactional
	public Optional<AccountId> openReply(String agent, UUID followUp) {
		Optional<AccountId> account = this.jdbc
			.sql("SELECT account_id FROM work_followups WHERE id = :id AND cause = 'REPLY'")
			.param("id", followUp)
			.query((rs, n) -> account(rs))
			.optional();
		if (account.isPresent()) {
			this.jdbc
				.sql("""
						UPDATE work_followups f SET done_at = :now, done_by = :agent
						WHERE f.id = :id AND f.done_at IS NULL
						  AND (f.assigned_to = :agent OR (f.assigned_to IS NULL AND EXISTS (
						       SELECT 1 FROM work_assignments w WHERE w.account_id = f.account_id AND w.agent = :agent)))""")
				.param("id", followUp)
				.param("agent", agent)
				.param("now", Timestamp.from(this.clock.instant()))
				.update();
		}
		return account;
	}

	/** The rows with their accounts, kept when they fall today, soonest first. */
	private List<Item> items(List<Row> rows, Instant now) {
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<AccountId, AccountView> accounts = new HashMap<>();
		rows.forEach((r) -> accounts.computeIfAbsent(r.account(), this.accounts::get));
		Map<CustomerId, CustomerView> customers = this.customers
			.getAll(accounts.values().stream().map(AccountView::customerId).distinct().toList());
		Map<org.dues.portfolio.CreditorId, ZoneId> creditorZones = new HashMap<>();
		List<Item> items = new ArrayList<>();
		for (Row row : rows) {
			AccountView account = accounts.get(row.account());
			CustomerView customer = customers.get(account.customerId());
			ZoneId creditorZone = creditorZones.computeIfAbsent(account.creditorId(),
					(id) -> this.creditors.get(account.creditorId()).timeZone());
			// a callback is set in the customer's time; a date of payment is the
			// creditor's
			ZoneId zone = (row.kind() == Kind.CALLBACK && customer != null && !customer.timeZones().isEmpty())
					? ZoneId.of(customer.timeZones().iterator().next()) : creditorZone;
			LocalDate today = LocalDate.ofInstant(now, zone);
			Instant at = (row.at() != null) ? row.at() : row.dueOn().atStartOfDay(zone).toInstant();
			if ((row.kind() == Kind.CALLBACK && !LocalDate.ofInstant(at, zone).isBefore(today.plusDays(1)))
					|| (row.kind() == Kind.DUE && row.dueOn().isAfter(today))) {
				continue;
			}
			items
				.add(new Item(row.kind(), account.id(), account.accountRef(), (customer == null) ? "" : customer.name(),
						at, zone.getId(), (row.amount() == null) ? null : Money.of(row.amount(), account.currency()),
						row.arrangement(), row.instalment(), row.by(), row.approval(), row.reply()));
		}
		items.sort(Comparator.comparing(Item::at).thenComparing(Item::accountRef));
		return items;
	}

	private static AccountId account(ResultSet rs) throws SQLException {
		return new AccountId(rs.getObject("account_id", UUID.class));
	}

	private static @Nullable ArrangementKind kind(@Nullable String kind) {
		return (kind == null) ? null : ArrangementKind.valueOf(kind);
	}

	private record Row(Kind kind, AccountId account, @Nullable Instant at, @Nullable LocalDate dueOn,
			java.math.@Nullable BigDecimal amount, @Nullable ArrangementKind arrangement, @Nullable Integer instalment,
			@Nullable String by, @Nullable UUID approval, @Nullable Reply reply) {
	}

	/**
	 * A customer's reply waiting for the agent.
	 *
	 * @param id the follow-up it is, by which the agent opens it
	 * @param channel the channel it came by
	 * @param from the number it came from
	 * @param text what the customer wrote
	 */
	public record Reply(UUID id, Channel channel, String from, String text) {
	}

	/** What an item asks of the agent. */
	public enum Kind {

		/** A callback they set, due today or overdue. */
		CALLBACK,
		/**
		 * A promise, or an instalment of a plan or settlement, due today (or in grace).
		 */
		DUE,
		/** A broken promise or plan, not yet followed up. */
		BROKEN,
		/**
		 * An instalment of a plan or settlement in force that was missed, with no call
		 * recorded on the account since its date.
		 */
		MISSED,
		/** Their request for approval was approved. */
		APPROVED,
		/** Their request for approval was rejected. */
		REJECTED,
		/** The customer replied (SMS, WhatsApp) and nobody has opened it yet. */
		REPLY

	}

	/**
	 * One thing to do, on an account the agent may open.
	 *
	 * @param at when it is due (a callback's time, the start of a payment's date, when a
	 * broken promise's follow-up fell due, when a request was answered)
	 * @param zone the zone its time is told in (the customer's for a callback, else the
	 * creditor's)
	 * @param amount what is still to be paid of a promise or instalment
	 * @param instalment the instalment's number, in a series of several
	 * @param by who answered a request
	 * @param approval the answered request
	 * @param reply the customer's reply waiting
	 */
	public record Item(Kind kind, AccountId accountId, String accountRef, String customer, Instant at, String zone,
			@Nullable Money amount, @Nullable ArrangementKind arrangement, @Nullable Integer instalment,
			@Nullable String by, @Nullable UUID approval, @Nullable Reply reply) {

		/** The date it is due, in its zone. */
		public LocalDate day() {
			return LocalDate.ofInstant(this.at, ZoneId.of(this.zone));
		}

	}

	/** The worklist, soonest first, with its parts. */
	public record Items(List<Item> all) {

		public Items {
			all = List.copyOf(all);
		}

		/** The customers' replies waiting, which the worklist shows first. */
		public List<Item> replies() {
			return of(Kind.REPLY);
		}

		public List<Item> callbacks() {
			return of(Kind.CALLBACK);
		}

		public List<Item> due() {
			return of(Kind.DUE);
		}

		public List<Item> toChase() {
			return this.all.stream().filter((i) -> i.kind() == Kind.BROKEN || i.kind() == Kind.MISSED).toList();
		}

		public List<Item> answered() {
			return this.all.stream().filter((i) -> i.kind() == Kind.APPROVED || i.kind() == Kind.REJECTED).toList();
		}

		public int count() {
			return this.all.size();
		}

		private List<Item> of(Kind kind) {
			return this.all.stream().filter((i) -> i.kind() == kind).toList();
		}

	}

}
