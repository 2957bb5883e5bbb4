package org.dues.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import org.dues.portfolio.CreditorId;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.shared.InvalidInputException;
import org.dues.shared.Money;
import org.dues.shared.Phrase;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The measures a collections floor is run by (see {@link Measure} for each definition),
 * read from reporting's kept facts: the payment credits (collections), the daily
 * snapshot's roll-up (opening balances), the month-end bucket migrations (roll rates,
 * cure), the daily counters (contacts, promises, messages, cases) and arrangement's
 * promises by due date. Amounts are per currency, never added across currencies. A
 * filter's team and agent, and the reader's scope ({@link ReportFilter#within()}), narrow
 * every figure to the agents concerned.
 */
@Service
public class Measures {

	private static final Map<FilterSql.Dim, String> DAILY = Map.of(FilterSql.Dim.CREDITOR, "d.creditor_id",
			FilterSql.Dim.AGENT, "d.agent", FilterSql.Dim.PRODUCT, "d.product", FilterSql.Dim.BUCKET, "d.bucket",
			FilterSql.Dim.QUEUE, "d.queue_id", FilterSql.Dim.REGION, "d.region", FilterSql.Dim.LANGUAGE, "d.language");

	private static final Map<FilterSql.Dim, String> CREDITS = Map.of(FilterSql.Dim.CREDITOR, "p.creditor_id",
			FilterSql.Dim.AGENT, "p.agent", FilterSql.Dim.PRODUCT, "p.product", FilterSql.Dim.BUCKET, "p.bucket",
			FilterSql.Dim.QUEUE, "p.queue_id", FilterSql.Dim.REGION, "p.region", FilterSql.Dim.LANGUAGE, "p.language");

	private static final Map<FilterSql.Dim, String> AGENT_CREDITS = Map.of(FilterSql.Dim.CREDITOR, "p.creditor_id",
			FilterSql.Dim.AGENT, "p.agent");

	private static final Map<FilterSql.Dim, String> COUNTERS = Map.of(FilterSql.Dim.CREDITOR, "k.creditor_id",
			FilterSql.Dim.AGENT, "k.agent");

	private final JdbcClient jdbc;

	private final CollectionsQuery collections;

	private final RollRatesQuery rolls;

	private final PromisesQuery promises;

	private final RollMoves moves;

	private final TransactionTemplate transactions;

	private final TransactionTemplate reads;

	private final Creditors creditors;

	Measures(JdbcClient jdbc, CollectionsQuery collections, RollRatesQuery rolls, PromisesQuery promises,
			RollMoves moves, TransactionTemplate transactions, Creditors creditors) {
		this.creditors = creditors;
		this.jdbc = jdbc;
		this.collections = collections;
		this.rolls = rolls;
		this.promises = promises;
		this.moves = moves;
		this.transactions = transactions;
		this.reads = new TransactionTemplate(Objects.requireNonNull(transactions.getTransactionManager()));
		this.reads.setReadOnly(true);
	}

	/**
	 * Collected over the filter's period, grouped: gross (payments by the day received),
	 * reversed (reversals by the day made) and net, with counts; per currency.
	 */
	@Transactional(readOnly = true)
	public CollectionsReport collections(ReportFilter filter, GroupBy groupBy) {
		return this.collections.collections(filter, agents(filter), groupBy);
	}

	/**
	 * The month's roll-rate matrix (the last snapshot of the month against the last of
	 * the month before); computed from the snapshots when the month has not been yet. The
	 * filter's period is not used; its dimensions are those of the previous month end.
	 */
	public RollRates rollRates(YearMonth month, ReportFilter filter) {
		movesOf(month);
		Set<String> agents = agents(filter);
		if (filter.creditor() == null) {
			sameBuckets(month, filter, agents);
		}
		return this.rolls.of(month, filter, agents);
	}

	/**
	 * Refuses a matrix over creditors that age accounts into different buckets (an Indian
	 * NBFC's SMA and NPA classes beside a US issuer's 30-day buckets): one matrix would
	 * mix their rows and columns. Each creditor's matrix is read by naming it.
	 * @throws InvalidInputException naming the creditors, with a phrase for pages
	 */
	private void sameBuckets(YearMonth month, ReportFilter filter, @Nullable Set<String> agents) {
		List<CreditorView> moved = this.rolls.creditors(month, filter, agents)
			.stream()
			.map((id) -> this.creditors.get(new CreditorId(id)))
			.sorted(java.util.Comparator.comparing(CreditorView::code))
			.toList();
		if (moved.stream().map(CreditorView::bucketScheme).distinct().count() > 1) {
			String codes = String.join(", ", moved.stream().map(CreditorView::code).toList());
			throw new InvalidInputException("creditor",
					"the roll-rate matrix is per creditor: these creditors use different buckets (%s); name one"
						.formatted(codes),
					Phrase.of("report.rollRates.perCreditor", codes));
		}
	}

	/** The month's migrations, computed first for creditors that have none yet. */
	private void movesOf(YearMonth month) {
		List<UUID> creditors = this.moves.creditorsIn(month);
		boolean missing = this.jdbc.sql("""
				SELECT count(*) FROM reporting_roll_runs WHERE month = :m AND creditor_id = ANY(:c)""")
			.param("m", month.atDay(1))
			.param("c", creditors.toArray(UUID[]::new))
			.query(Long.class)
			.single() < creditors.size();
		if (missing) {
			this.transactions.executeWithoutResult((s) -> this.moves.compute(month, creditors));
		}
	}

	/**
	 * The migrations of each month whose end falls in the period (the cure rate adds them
	 * up), so a period's measures say the same whether or not its roll rates were asked
	 * for first.
	 */
	private void movesIn(LocalDate from, LocalDate to) {
		for (YearMonth m = YearMonth.from(from); !m.atEndOfMonth().isAfter(to); m = m.plusMonths(1)) {
			movesOf(m);
		}
	}

	/** Promises due in the filter's period, kept, broken and open, grouped. */
	@Transactional(readOnly = true)
	public PromiseReport promises(ReportFilter filter, GroupBy groupBy) {
		return this.promises.promises(filter, agents(filter), groupBy, null);
	}

	/**
	 * Every measure of the filter's period beside those of the period just before: the
	 * same figures as {@link #measures} gives for each. The period before is read at the
	 * same time as this one, on a second connection (each period in a read-only
	 * transaction of its own).
	 */
	public PeriodMeasures.Comparison compare(ReportFilter filter) {
		movesIn(filter.previous().from(), filter.to());
		FutureTask<PeriodMeasures> previous = new FutureTask<>(
				() -> Objects.requireNonNull(this.reads.execute((s) -> measuresOf(filter.previous()))));
		Thread.ofVirtual().name("measures-previous-period").start(previous);
		PeriodMeasures current = Objects.requireNonNull(this.reads.execute((s) -> measuresOf(filter)));
		try {
			return new PeriodMeasures.Comparison(current, previous.get());
		}
		catch (InterruptedException ex) {
			previous.cancel(true);
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while reading the period before", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	/** Every measure of the filter's period. */
	public PeriodMeasures measures(ReportFilter f) {
		movesIn(f.from(), f.to());
		return Objects.requireNonNull(this.reads.execute((s) -> measuresOf(f)));
	}

	private PeriodMeasures measuresOf(ReportFilter f) {
		Set<String> agents = agents(f);
		Set<String> notFiltered = new java.util.TreeSet<>();
		// the totals alone are read: grouped by a key of the credit itself (no join)
		CollectionsReport collected = this.collections.collections(f, agents, GroupBy.MONTH);
		List<Money> gross = collected.totals().stream().map(CollectionsReport.Row::gross).toList();
		List<Money> reversed = collected.totals().stream().map(CollectionsReport.Row::reversed).toList();
		List<Money> net = collected.totals().stream().map(CollectionsReport.Row::net).toList();
		long payments = collected.totals().stream().mapToLong(CollectionsReport.Row::payments).sum();
		long reversals = collected.totals().stream().mapToLong(CollectionsReport.Row::reversals).sum();

		Opening opening = opening(f, agents);
		List<PeriodMeasures.CurrencyRate> collectionRate = new ArrayList<>();
		List<PeriodMeasures.CurrencyRate> liquidationRate = new ArrayList<>();
		for (Money n : net) {
			BigDecimal overdue = sumOf(opening.overdue(), n.currencyCode());
			BigDecimal balance = sumOf(opening.balance(), n.currencyCode());
			collectionRate.add(new PeriodMeasures.CurrencyRate(n.currencyCode(), new Rate(n.amount(), overdue)));
			liquidationRate.add(new PeriodMeasures.CurrencyRate(n.currencyCode(), new Rate(n.amount(), balance)));
		}

		FilterSql counters = FilterSql.of(f, agents, COUNTERS);
		counters.unsupported().forEach((d) -> notFiltered.add(d.name()));
		Map<String, Object> p = new HashMap<>(counters.params());
		p.put("from", f.from());
		p.put("to", f.to());
		long[] n = new long[12];
		Map<String, BigDecimal> promised = new TreeMap<>();
		this.jdbc
			.sql("""
					SELECT c.currency, sum(k.attempts), sum(k.right_party), sum(k.blocked), sum(k.active_hours),
					       sum(k.promises), sum(k.promised), sum(k.messages_sent), sum(k.messages_delivered),
					       sum(k.disputes_opened), sum(k.disputes_closed), sum(k.complaints_opened), sum(k.complaints_closed)
					FROM reporting_daily_counters k JOIN portfolio_creditor_report_facts c ON c.id = k.creditor_id
					WHERE k.day BETWEEN :from AND :to %s GROUP BY 1"""
				.formatted(counters.sql()))
			.params(p)
			.query((rs) -> {
				int[] columns = { 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13 };
				for (int i = 0; i < columns.length; i++) {
					n[i] += rs.getLong(columns[i]);
				}
				promised.merge(rs.getString(1).strip(), rs.getBigDecimal(7), BigDecimal::add);
			});
		long attempts = n[0], rightParty = n[1], blocked = n[2], hours = n[3], taken = n[4];

		// the totals alone: grouped by a key of the promise itself (no look-up per row)
		PromiseReport due = this.promises.promises(f, agents, GroupBy.MONTH, notFiltered);
		long promisesDue = due.totals().stream().mapToLong(PromiseReport.Row::due).sum();
		long kept = due.totals().stream().mapToLong(PromiseReport.Row::kept).sum();
		long broken = due.totals().stream().mapToLong(PromiseReport.Row::broken).sum();
		List<PeriodMeasures.CurrencyRate> keptAmount = due.totals()
			.stream()
			.map((t) -> new PeriodMeasures.CurrencyRate(t.dueAmount().currencyCode(), t.keptAmountRate()))
			.toList();

		List<PeriodMeasures.RuleCount> byRule = this.jdbc.sql("""
				SELECT k.rule, sum(k.attempts) FROM reporting_blocked_daily k
				WHERE k.day BETWEEN :from AND :to %s GROUP BY 1 ORDER BY 2 DESC, 1""".formatted(counters.sql()))
			.params(p)
			.query((rs, i) -> new PeriodMeasures.RuleCount(rs.getString(1), rs.getLong(2)))
			.list();

		return new PeriodMeasures(f, opening.day(), gross, reversed, net, payments, reversals, opening.accounts(),
				opening.balance(), opening.overdue(), collectionRate, liquidationRate, attempts, rightParty, blocked,
				hours, taken, money(promised), promisesDue, kept, broken, keptAmount, Rate.of(rightParty, attempts),
				Rate.of(taken, rightParty), Rate.of(kept, kept + broken), cure(f, agents),
				averageDaysToPay(f, agents, notFiltered), Rate.of(rightParty, opening.accounts()),
				Rate.of(attempts, hours), n[5], n[6], n[7], n[8], n[9], n[10], byRule, List.copyOf(notFiltered));
	}

	/**
	 * The agents the figures are narrowed to: the filter's agent, the members of its
	 * team, and the reader's scope, together; null when none of them narrows.
	 */
	@Nullable Set<String> agents(ReportFilter f) {
		Set<String> agents = (f.agent() == null) ? null : new HashSet<>(Set.of(f.agent()));
		if (f.team() != null) {
			Set<String> members = new HashSet<>(
					this.jdbc.sql("SELECT username FROM identity_team_member_facts WHERE team_id = :t")
						.param("t", f.team())
						.query(String.class)
						.list());
			agents = narrow(agents, members);
		}
		if (f.within() != null) {
			agents = narrow(agents, f.within());
		}
		return agents;
	}

	private static Set<String> narrow(@Nullable Set<String> agents, Set<String> to) {
		if (agents == null) {
			return new HashSet<>(to);
		}
		agents.retainAll(to);
		return agents;
	}

	private Opening opening(ReportFilter f, @Nullable Set<String> agents) {
		Map<String, Object> c = new HashMap<>();
		c.put("before", f.from().minusDays(1));
		c.put("creditor", f.creditor());
		LocalDate day = this.jdbc.sql("""
				SELECT max(day) FROM reporting_snapshot_runs
				WHERE day <= :before AND (CAST(:creditor AS uuid) IS NULL OR creditor_id = :creditor)""")
			.params(c)
			.query((rs, i) -> java.util.Optional.ofNullable(rs.getObject(1, LocalDate.class)))
			.single()
			.orElse(null);
		if (day == null) {
			return new Opening(null, 0, List.of(), List.of());
		}
		FilterSql where = FilterSql.of(f, agents, DAILY);
		Map<String, Object> p = new HashMap<>(where.params());
		p.put("day", day);
		long[] accounts = new long[1];
		Map<String, BigDecimal> balance = new TreeMap<>();
		Map<String, BigDecimal> overdue = new TreeMap<>();
		this.jdbc.sql("""
				SELECT d.currency, sum(d.accounts), sum(d.balance), sum(d.overdue) FROM reporting_portfolio_daily d
				WHERE d.day = :day AND d.status = 'ACTIVE' %s GROUP BY 1""".formatted(where.sql()))
			.params(p)
			.query((rs) -> {
				accounts[0] += rs.getLong(2);
				balance.merge(rs.getString(1).strip(), rs.getBigDecimal(3), BigDecimal::add);
				overdue.merge(rs.getString(1).strip(), rs.getBigDecimal(4), BigDecimal::add);
			});
		return new Opening(day, accounts[0], money(balance), money(overdue));
	}

	/** Cured ÷ delinquent over the month ends that fall in the period. */
	private Rate cure(ReportFilter f, @Nullable Set<String> agents) {
		FilterSql where = FilterSql.of(f, agents,
				Map.of(FilterSql.Dim.CREDITOR, "creditor_id", FilterSql.Dim.AGENT, "agent", FilterSql.Dim.PRODUCT,
						"product", FilterSql.Dim.BUCKET, "from_bucket", FilterSql.Dim.QUEUE, "queue_id",
						FilterSql.Dim.REGION, "region", FilterSql.Dim.LANGUAGE, "language"));
		// the months whose last day falls in the period, as a range of the column itself
		// (its index), not of an expression over every row
		YearMonth first = YearMonth.from(f.from());
		YearMonth last = f.to().equals(YearMonth.from(f.to()).atEndOfMonth()) ? YearMonth.from(f.to())
				: YearMonth.from(f.to()).minusMonths(1);
		if (last.isBefore(first)) {
			return Rate.of(0, 0);
		}
		Map<String, Object> p = new HashMap<>(where.params());
		p.put("first", first.atDay(1));
		p.put("last", last.atDay(1));
		return this.jdbc.sql("""
				SELECT coalesce(sum(accounts) FILTER (WHERE from_rank > 0 AND ((to_status = 'ACTIVE' AND to_rank = 0)
				                                          OR to_status IN ('PAID', 'SETTLED'))), 0),
				       coalesce(sum(accounts) FILTER (WHERE from_rank > 0), 0)
				FROM reporting_roll_moves
				WHERE month BETWEEN :first AND :last %s""".formatted(where.sql()))
			.params(p)
			.query((rs, i) -> Rate.of(rs.getLong(1), rs.getLong(2)))
			.single();
	}

	/**
	 * Mean days from the account's placement (creditor's local day) to each payment; a
	 * payment received before the placement (on its way then; payment takes one up to 90
	 * days before) counts as 0 days, not fewer. Read from the credits' daily sums (the
	 * days and the payments counted), divided as {@code avg} divides.
	 */
	private @Nullable BigDecimal averageDaysToPay(ReportFilter f, @Nullable Set<String> agents,
			Set<String> notFiltered) {
		// the agents' sums when no dimension of the account is filtered on
		FilterSql where = FilterSql.of(f, agents, AGENT_CREDITS);
		String sums = "reporting_credits_daily";
		if (!where.unsupported().isEmpty()) {
			where = FilterSql.of(f, agents, CREDITS);
			sums = "reporting_credits_daily_dims";
		}
		where.unsupported().forEach((d) -> notFiltered.add(d.name()));
		Map<String, Object> p = new HashMap<>(where.params());
		p.put("from", f.from());
		p.put("to", f.to());
		BigDecimal mean = this.jdbc.sql("""
				SELECT CAST(sum(p.days_to_pay) AS numeric) / nullif(sum(p.timed), 0) FROM %s p
				WHERE p.day BETWEEN :from AND :to %s""".formatted(sums, where.sql()))
			.params(p)
			.query((rs, i) -> java.util.Optional.ofNullable(rs.getBigDecimal(1)))
			.single()
			.orElse(null);
		return (mean == null) ? null : mean.setScale(1, RoundingMode.HALF_EVEN);
	}

	private static BigDecimal sumOf(List<Money> amounts, String currency) {
		return amounts.stream()
			.filter((m) -> m.currencyCode().equals(currency))
			.map(Money::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private static List<Money> money(Map<String, BigDecimal> byCurrency) {
		List<Money> list = new ArrayList<>();
		byCurrency.forEach((currency, amount) -> list.add(Money.of(amount, Currency.getInstance(currency))));
		return list;
	}

	private record Opening(@Nullable LocalDate day, long accounts, List<Money> balance, List<Money> overdue) {
	}

}
