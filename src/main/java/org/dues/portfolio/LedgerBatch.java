package org.dues.portfolio;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.dues.shared.BulkIds;
import org.dues.shared.CopyText;
import org.dues.shared.CurrencyMismatchException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.Money;
import org.dues.shared.NotFoundException;
import org.dues.system.PostgresCopy;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link LedgerWriter}'s rule for many payments at once: every account named is locked in
 * one statement (in id order, as single posts lock one), each payment is allocated by its
 * creditor's waterfall from the balances the previous payments of the batch left, the
 * entries are written with {@code COPY}, and one statement sets the cached balances to
 * the old balances plus the entries together with the days past due and bucket they give
 * (as {@link Aging} ages an account), recording the bucket moves. So the cache equals the
 * sum of the entries, and the accounts are aged, as after single posts.
 */
@Component
class LedgerBatch {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LedgerBatch.class);

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final Creditors creditors;

	private final Clock clock;

	LedgerBatch(JdbcClient jdbc, DataSource dataSource, Creditors creditors, Clock clock) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.creditors = creditors;
		this.clock = clock;
	}

	List<AccountLedger.Posted> postPayments(List<AccountLedger.PaymentToPost> payments) {
		if (payments.isEmpty()) {
			return List.of();
		}
		return postPayments(lock(payments.stream().map(AccountLedger.PaymentToPost::account).toList()), payments);
	}

	List<AccountLedger.Posted> postPayments(AccountLedger.Locked locked, List<AccountLedger.PaymentToPost> payments) {
		if (payments.isEmpty()) {
			return List.of();
		}
		if (locked.transaction != transaction()) {
			throw new IllegalStateException("the accounts were locked in another transaction");
		}
		Map<UUID, State> states = locked.states;
		long t1 = System.nanoTime();
		Map<CreditorId, Waterfall> waterfalls = new HashMap<>();
		for (State s : states.values()) {
			waterfalls.computeIfAbsent(s.creditor, (c) -> this.creditors.get(c).waterfall());
		}
		OffsetDateTime now = OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
		List<AccountLedger.Posted> posted = new ArrayList<>(payments.size());
		// the entries stream to the database as they are made: a large batch's rows
		// (tens of MB) are never held at once; without a foreign-key check per row where
		// the database allows it, since every account they name is locked above
		org.dues.system.RowTriggers.during(this.jdbc, Map.of("portfolio_ledger_entries", false),
				() -> writeEntries(payments, states, waterfalls, now, posted));
		long t3 = System.nanoTime();
		update(states, now);
		log.debug("Ledger batch of {}: allocated and entries written in {} ms, balances and aging in {} ms",
				payments.size(), (t3 - t1) / 1_000_000, (System.nanoTime() - t3) / 1_000_000);
		return posted;
	}

	private void writeEntries(List<AccountLedger.PaymentToPost> payments, Map<UUID, State> states,
			Map<CreditorId, Waterfall> waterfalls, OffsetDateTime now, List<AccountLedger.Posted> posted) {
		// time-ordered ids: the entries land on the last pages of the primary key's index
		// instead of 100,000 random ones
		BulkIds.Sequence ids = BulkIds.sequence(this.clock);
		try (PostgresCopy.Rows entries = PostgresCopy.rows(this.dataSource,
				"""
						COPY portfolio_ledger_entries (id, account_id, entry_type, currency, principal, interest, fees, credit,
						    overdue, effective_date, recorded_at, source, source_ref, recorded_by, memo) FROM STDIN (FORMAT csv)""")) {
			for (AccountLedger.PaymentToPost p : payments) {
				State s = states.get(p.account().value());
				if (s == null) {
					throw new NotFoundException("account", p.account());
				}
				if (!p.amount().isPositive()) {
					throw new InvalidInputException("amount", "must be greater than zero");
				}
				if (!s.balances.currency().equals(p.amount().currency())) {
					throw new CurrencyMismatchException(s.balances.currency(), p.amount().currency());
				}
				Amounts a = waterfalls.get(s.creditor).allocate(p.amount(), s.balances, s.overdue);
				s.apply(a, p.receivedOn());
				LedgerEntryId entry = new LedgerEntryId(ids.next());
				new CopyText(entries.buffer()).add(entry.value().toString())
					.add(p.account().value().toString())
					.add(EntryType.PAYMENT.name())
					.add(s.balances.currency().getCurrencyCode())
					.add(a.principal().amount().toPlainString())
					.add(a.interest().amount().toPlainString())
					.add(a.fees().amount().toPlainString())
					.add(a.credit().amount().toPlainString())
					.add(a.overdue().amount().toPlainString())
					.add(p.receivedOn().toString())
					.add(now.toString())
					.add(p.source().channel())
					.add(p.source().reference())
					.add(p.source().who())
					.add(p.source().memo())
					.end();
				entries.row();
				posted.add(new AccountLedger.Posted(entry, a));
			}
			entries.finish();
		}
	}

	/**
	 * Locks the accounts (in id order, as single posts lock one) and reads their balances
	 * and what posting to them checks, in one statement.
	 */
	AccountLedger.Locked lock(java.util.Collection<AccountId> accounts) {
		long t0 = System.nanoTime();
		Map<UUID, State> states = new HashMap<>();
		UUID[] ids = org.dues.shared.ArrayKeys
			.uuids(accounts.stream().map(AccountId::value).collect(java.util.stream.Collectors.toSet()));
		if (ids.length > 0) {
			this.jdbc.sql("""
					SELECT id, currency, principal, interest, fees, credit, overdue_amount, status, creditor_id,
					    last_payment_date, last_payment_amount, oldest_due_date, bucket, placed_at, open_date
					FROM portfolio_accounts WHERE id = ANY(:ids) ORDER BY id FOR UPDATE""")
				.param("ids", ids)
				.query((rs) -> {
					Currency currency = Currency.getInstance(rs.getString("currency"));
					State s = new State(new CreditorId(rs.getObject("creditor_id", UUID.class)),
							new Balances(AccountRows.money(rs, "principal", currency),
									AccountRows.money(rs, "interest", currency),
									AccountRows.money(rs, "fees", currency), AccountRows.money(rs, "credit", currency)),
							AccountRows.money(rs, "overdue_amount", currency),
							AccountStatus.valueOf(rs.getString("status")),
							rs.getObject("last_payment_date", LocalDate.class), rs.getBigDecimal("last_payment_amount"),
							rs.getObject("oldest_due_date", LocalDate.class), rs.getString("bucket"),
							new Accounts.PostingFacts(currency,
									rs.getObject("placed_at", java.time.OffsetDateTime.class).toInstant(),
									rs.getObject("open_date", LocalDate.class)));
					states.put(rs.getObject("id", UUID.class), s);
				});
		}
		log.debug("{} accounts locked in {} ms", ids.length, (System.nanoTime() - t0) / 1_000_000);
		return new AccountLedger.Locked(states, transaction());
	}

	/** What stands for the current transaction: its connection's holder. */
	private Object transaction() {
		Object holder = org.springframework.transaction.support.TransactionSynchronizationManager
			.getResource(this.dataSource);
		if (holder == null) {
			throw new IllegalStateException("a ledger batch runs in a transaction");
		}
		return holder;
	}

	private void update(Map<UUID, State> states, OffsetDateTime now) {
		this.jdbc.sql("""
				CREATE TEMP TABLE IF NOT EXISTS portfolio_batch_states (id uuid PRIMARY KEY, principal numeric,
				    interest numeric, fees numeric, credit numeric, overdue numeric, status text, last_date date,
				    last_amount numeric, creditor_id uuid, oldest_due date, old_bucket text) ON COMMIT DELETE ROWS""")
			.update();
		StringBuilder rows = new StringBuilder();
		states.forEach((id, s) -> new CopyText(rows).add(id.toString())
			.add(s.balances.principal().amount().toPlainString())
			.add(s.balances.interest().amount().toPlainString())
			.add(s.balances.fees().amount().toPlainString())
			.add(s.balances.credit().amount().toPlainString())
			.add(s.overdue.amount().toPlainString())
			.add(s.status().name())
			.add((s.lastDate != null) ? s.lastDate.toString() : null)
			.add((s.lastAmount != null) ? s.lastAmount.toPlainString() : null)
			.add(s.creditor.value().toString())
			.add((s.oldestDue != null) ? s.oldestDue.toString() : null)
			.add(s.bucket)
			.end());
		PostgresCopy.in(this.dataSource, "COPY portfolio_batch_states FROM STDIN (FORMAT csv)", rows);
		long copied = System.nanoTime();
		int moves = this.jdbc.sql(UPDATE.formatted(Aging.daysPastDue("b.overdue", "b.oldest_due")))
			.param("now", now)
			.update();
		log.debug(
				"Batch's states copied; balances, days past due and buckets set in one pass in {} ms, {} bucket moves",
				(System.nanoTime() - copied) / 1_000_000, moves);
	}

	/**
	 * The batch's new balances, with the days past due and bucket they give (as
	 * {@link Aging} computes them, from the overdue after the payments), set in one pass
	 * over the locked accounts; the bucket moves recorded from the buckets read when they
	 * were locked. An account whose days fall in no band of its scheme keeps its days and
	 * bucket, as {@link Aging} leaves it. (The states come through a temporary table, not
	 * arrays: the planner then hashes the batch and walks the accounts in their physical
	 * order, where with 100,000 ids in arrays it hashed the accounts and updated them in
	 * the batch's random order, measured slower.)
	 */
	private static final String UPDATE = """
			WITH aged AS (
			    SELECT b.*, d.dpd, band.label AS new_bucket,
			           (CAST(:now AS timestamptz) AT TIME ZONE c.time_zone)::date AS today
			    FROM portfolio_batch_states b JOIN portfolio_creditors c ON c.id = b.creditor_id
			    CROSS JOIN LATERAL (SELECT %s AS dpd) d
			    LEFT JOIN portfolio_bucket_bands band ON band.scheme = c.bucket_scheme
			     AND d.dpd >= band.min_dpd AND (band.max_dpd IS NULL OR d.dpd <= band.max_dpd)
			), updated AS (
			    UPDATE portfolio_accounts a SET principal = x.principal, interest = x.interest, fees = x.fees,
			        credit = x.credit, overdue_amount = x.overdue, status = x.status, updated_at = :now,
			        last_payment_date = x.last_date, last_payment_amount = x.last_amount,
			        days_past_due = CASE WHEN x.new_bucket IS NULL THEN a.days_past_due ELSE x.dpd END,
			        bucket = coalesce(x.new_bucket, a.bucket)
			    FROM aged x WHERE a.id = x.id
			    RETURNING a.id, x.old_bucket, a.bucket AS new_bucket, a.days_past_due, x.today
			)
			INSERT INTO portfolio_bucket_moves (account_id, from_bucket, to_bucket, days_past_due, moved_on, recorded_at)
			SELECT id, old_bucket, new_bucket, days_past_due, today, CAST(:now AS timestamptz) FROM updated
			WHERE old_bucket IS DISTINCT FROM new_bucket""";

	/** An account's balances as the batch's payments change them. */
	static final class State {

		final CreditorId creditor;

		final Accounts.PostingFacts facts;

		Balances balances;

		Money overdue;

		private final AccountStatus initial;

		@Nullable LocalDate lastDate;

		java.math.@Nullable BigDecimal lastAmount;

		final @Nullable LocalDate oldestDue;

		final @Nullable String bucket;

		State(CreditorId creditor, Balances balances, Money overdue, AccountStatus status, @Nullable LocalDate lastDate,
				java.math.@Nullable BigDecimal lastAmount, @Nullable LocalDate oldestDue, @Nullable String bucket,
				Accounts.PostingFacts facts) {
			this.creditor = creditor;
			this.facts = facts;
			this.balances = balances;
			this.overdue = overdue;
			this.initial = status;
			this.lastDate = lastDate;
			this.lastAmount = lastAmount;
			this.oldestDue = oldestDue;
			this.bucket = bucket;
		}

		void apply(Amounts a, LocalDate effective) {
			this.balances = new Balances(this.balances.principal().plus(a.principal()),
					this.balances.interest().plus(a.interest()), this.balances.fees().plus(a.fees()),
					this.balances.credit().plus(a.credit()));
			this.overdue = this.overdue.plus(a.overdue());
			if (this.lastDate == null || !this.lastDate.isAfter(effective)) {
				this.lastDate = effective;
				this.lastAmount = a.total().negate().amount();
			}
		}

		AccountStatus status() {
			if (this.initial == AccountStatus.ACTIVE && this.balances.owed().isZero()) {
				return AccountStatus.PAID;
			}
			if (this.initial == AccountStatus.PAID && this.balances.owed().isPositive()) {
				return AccountStatus.ACTIVE;
			}
			return this.initial;
		}

	}

}
