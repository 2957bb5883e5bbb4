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
 * entries are written with {@code COPY}, the cached balances are set in one statement to
 * the old balances plus the entries, and the accounts are aged together. So the cache
 * equals the sum of the entries, as after single posts.
 */
@Component
class LedgerBatch {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LedgerBatch.class);

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final Creditors creditors;

	private final Aging aging;

	private final Clock clock;

	LedgerBatch(JdbcClient jdbc, DataSource dataSource, Creditors creditors, Aging aging, Clock clock) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.creditors = creditors;
		this.aging = aging;
		this.clock = clock;
	}

	List<AccountLedger.Posted> postPayments(List<AccountLedger.PaymentToPost> payments) {
		if (payments.isEmpty()) {
			return List.of();
		}
		long t0 = System.nanoTime();
		Map<UUID, State> states = lock(payments);
		long t1 = System.nanoTime();
		Map<CreditorId, Waterfall> waterfalls = new HashMap<>();
		for (State s : states.values()) {
			waterfalls.computeIfAbsent(s.creditor, (c) -> this.creditors.get(c).waterfall());
		}
		OffsetDateTime now = OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
		// time-ordered ids: the entries land on the last pages of the primary key's index
		// instead of 100,000 random ones
		BulkIds.Sequence ids = BulkIds.sequence(this.clock);
		List<AccountLedger.Posted> posted = new ArrayList<>(payments.size());
		// the entries stream to the database as they are made: a large batch's rows
		// (tens of MB) are never held at once
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
		long t3 = System.nanoTime();
		update(states, now);
		log.debug(
				"Ledger batch of {}: locked in {} ms, allocated and entries written in {} ms, balances and aging in {} ms",
				payments.size(), (t1 - t0) / 1_000_000, (t3 - t1) / 1_000_000, (System.nanoTime() - t3) / 1_000_000);
		return posted;
	}

	private Map<UUID, State> lock(List<AccountLedger.PaymentToPost> payments) {
		Map<UUID, State> states = new HashMap<>();
		UUID[] ids = payments.stream().map((p) -> p.account().value()).distinct().toArray(UUID[]::new);
		this.jdbc.sql("""
				SELECT id, currency, principal, interest, fees, credit, overdue_amount, status, creditor_id,
				    last_payment_date, last_payment_amount
				FROM portfolio_accounts WHERE id = ANY(:ids) ORDER BY id FOR UPDATE""")
			.param("ids", ids)
			.query((rs) -> {
				Currency currency = Currency.getInstance(rs.getString("currency"));
				State s = new State(new CreditorId(rs.getObject("creditor_id", UUID.class)),
						new Balances(AccountRows.money(rs, "principal", currency),
								AccountRows.money(rs, "interest", currency), AccountRows.money(rs, "fees", currency),
								AccountRows.money(rs, "credit", currency)),
						AccountRows.money(rs, "overdue_amount", currency),
						AccountStatus.valueOf(rs.getString("status")),
						rs.getObject("last_payment_date", LocalDate.class), rs.getBigDecimal("last_payment_amount"));
				states.put(rs.getObject("id", UUID.class), s);
			});
		return states;
	}

	private void update(Map<UUID, State> states, OffsetDateTime now) {
		this.jdbc.sql("""
				CREATE TEMP TABLE IF NOT EXISTS portfolio_batch_balances (id uuid PRIMARY KEY, principal numeric,
				    interest numeric, fees numeric, credit numeric, overdue numeric, status text, last_date date,
				    last_amount numeric) ON COMMIT DELETE ROWS""").update();
		StringBuilder rows = new StringBuilder();
		states.forEach((id, s) -> new CopyText(rows).add(id.toString())
			.add(s.balances.principal().amount().toPlainString())
			.add(s.balances.interest().amount().toPlainString())
			.add(s.balances.fees().amount().toPlainString())
			.add(s.balances.credit().amount().toPlainString())
			.add(s.overdue.amount().toPlainString())
			.add(s.status().name())
			.add(s.lastDate == null ? null : s.lastDate.toString())
			.add(s.lastAmount == null ? null : s.lastAmount.toPlainString())
			.end());
		PostgresCopy.in(this.dataSource, "COPY portfolio_batch_balances FROM STDIN (FORMAT csv)", rows);
		long copied = System.nanoTime();
		this.jdbc.sql("""
				UPDATE portfolio_accounts a SET principal = b.principal, interest = b.interest, fees = b.fees,
				    credit = b.credit, overdue_amount = b.overdue, status = b.status, updated_at = :now,
				    last_payment_date = b.last_date, last_payment_amount = b.last_amount
				FROM portfolio_batch_balances b WHERE a.id = b.id""").param("now", now).update();
		long aging = System.nanoTime();
		this.aging.age("SELECT id FROM portfolio_batch_balances");
		log.debug("Balances updated in {} ms, aged in {} ms", (aging - copied) / 1_000_000,
				(System.nanoTime() - aging) / 1_000_000);
	}

	/** An account's balances as the batch's payments change them. */
	private static final class State {

		final CreditorId creditor;

		Balances balances;

		Money overdue;

		private final AccountStatus initial;

		@Nullable LocalDate lastDate;

		java.math.@Nullable BigDecimal lastAmount;

		State(CreditorId creditor, Balances balances, Money overdue, AccountStatus status, @Nullable LocalDate lastDate,
				java.math.@Nullable BigDecimal lastAmount) {
			this.creditor = creditor;
			this.balances = balances;
			this.overdue = overdue;
			this.initial = status;
			this.lastDate = lastDate;
			this.lastAmount = lastAmount;
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
