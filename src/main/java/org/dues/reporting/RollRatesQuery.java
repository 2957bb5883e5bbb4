package org.dues.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The roll-rate matrix of a month from {@code reporting_roll_moves}, filtered on the
 * dimensions of the previous month end (a bucket filter names the starting bucket).
 */
@Component
class RollRatesQuery {

	/** Where an account can end up other than in a bucket, in the matrix's order. */
	static final List<String> STATUSES = List.of("PAID", "SETTLED", "CLOSED", "RECALLED", "WRITTEN_OFF", "GONE");

	private static final Set<String> PAID_OFF = Set.of("PAID", "SETTLED");

	private static final Map<FilterSql.Dim, String> COLUMNS = Map.of(FilterSql.Dim.CREDITOR, "creditor_id",
			FilterSql.Dim.AGENT, "agent", FilterSql.Dim.PRODUCT, "product", FilterSql.Dim.BUCKET, "from_bucket",
			FilterSql.Dim.QUEUE, "queue_id", FilterSql.Dim.REGION, "region", FilterSql.Dim.LANGUAGE, "language");

	private final JdbcClient jdbc;

	RollRatesQuery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	RollRates of(YearMonth month, ReportFilter f, @Nullable Set<String> agents) {
		FilterSql where = FilterSql.of(f, agents, COLUMNS);
		Map<String, Object> p = new HashMap<>(where.params());
		p.put("month", month.atDay(1));
		List<Move> moves = this.jdbc.sql("""
				SELECT coalesce(from_bucket, ''), coalesce(from_rank, 0), coalesce(to_bucket, ''), to_rank, to_status,
				       sum(accounts), sum(balance)
				FROM reporting_roll_moves WHERE month = :month %s
				GROUP BY 1, 2, 3, 4, 5""".formatted(where.sql()))
			.params(p)
			.query((rs, n) -> new Move(rs.getString(1), rs.getInt(2), rs.getString(3),
					(rs.getObject(4) == null) ? null : rs.getInt(4), rs.getString(5), rs.getLong(6),
					rs.getBigDecimal(7)))
			.list();
		Map<String, Object> c = new HashMap<>();
		c.put("month", month.atDay(1));
		c.put("creditor", f.creditor());
		LocalDate[] days = new LocalDate[2];
		this.jdbc.sql("""
				SELECT max(from_day), max(to_day) FROM reporting_roll_runs
				WHERE month = :month AND (CAST(:creditor AS uuid) IS NULL OR creditor_id = :creditor)""")
			.params(c)
			.query((rs) -> {
				days[0] = rs.getObject(1, LocalDate.class);
				days[1] = rs.getObject(2, LocalDate.class);
			});
		return matrix(month, days[0], days[1], moves);
	}

	/** The creditors whose accounts moved in the month, within the filter. */
	List<java.util.UUID> creditors(YearMonth month, ReportFilter f, @Nullable Set<String> agents) {
		FilterSql where = FilterSql.of(f, agents, COLUMNS);
		Map<String, Object> p = new HashMap<>(where.params());
		p.put("month", month.atDay(1));
		return this.jdbc
			.sql("SELECT DISTINCT creditor_id FROM reporting_roll_moves WHERE month = :month %s".formatted(where.sql()))
			.params(p)
			.query(java.util.UUID.class)
			.list();
	}

	/** The matrix and its rates from the moves, added up (visible for the test). */
	static RollRates matrix(YearMonth month, @Nullable LocalDate fromDay, @Nullable LocalDate toDay, List<Move> moves) {
		Map<String, Integer> ranks = new TreeMap<>();
		for (Move m : moves) {
			ranks.merge(m.fromBucket(), m.fromRank(), Math::min);
			if (m.active() && m.toRank() != null) {
				ranks.merge(m.toBucket(), m.toRank(), Math::min);
			}
		}
		List<String> buckets = new ArrayList<>(ranks.keySet());
		buckets.sort((a, b) -> (ranks.get(a).equals(ranks.get(b))) ? a.compareTo(b)
				: Integer.compare(ranks.get(a), ranks.get(b)));
		List<String> columns = new ArrayList<>(buckets);
		for (String status : STATUSES) {
			if (moves.stream().anyMatch((m) -> !m.active() && m.toStatus().equals(status))) {
				columns.add(status);
			}
		}
		Map<String, Tally> tallies = new LinkedHashMap<>();
		Map<String, Map<String, RollRates.Cell>> cells = new LinkedHashMap<>();
		Tally all = new Tally();
		for (Move m : moves) {
			String column = m.column();
			cells.computeIfAbsent(m.fromBucket(), (k) -> new HashMap<>())
				.merge(column, new RollRates.Cell(column, m.accounts(), m.balance()), (a,
						b) -> new RollRates.Cell(column, a.accounts() + b.accounts(), a.balance().add(b.balance())));
			tallies.computeIfAbsent(m.fromBucket(), (k) -> new Tally()).add(m);
			all.add(m);
		}
		List<RollRates.Row> rows = new ArrayList<>();
		for (String bucket : buckets) {
			if (!cells.containsKey(bucket)) {
				continue;
			}
			Map<String, RollRates.Cell> mine = cells.get(bucket);
			List<RollRates.Cell> row = columns.stream()
				.map((col) -> mine.getOrDefault(col, new RollRates.Cell(col, 0, BigDecimal.ZERO)))
				.toList();
			rows.add(new RollRates.Row(bucket, ranks.get(bucket), row, tallies.get(bucket).rates()));
		}
		return new RollRates(month, fromDay, toDay, columns, rows, all.rates());
	}

	/** Accounts that went from a bucket to a bucket or status, and their balance. */
	record Move(String fromBucket, int fromRank, String toBucket, @Nullable Integer toRank, String toStatus,
			long accounts, BigDecimal balance) {

		boolean active() {
			return this.toStatus.equals("ACTIVE");
		}

		String column() {
			return active() ? this.toBucket : this.toStatus;
		}

		boolean forward() {
			return (active() && this.toRank != null && this.toRank > this.fromRank)
					|| this.toStatus.equals("WRITTEN_OFF");
		}

		boolean cured() {
			return this.fromRank > 0
					&& ((active() && this.toRank != null && this.toRank == 0) || PAID_OFF.contains(this.toStatus));
		}

		boolean back() {
			return active() && this.toRank != null && this.toRank > 0 && this.toRank < this.fromRank;
		}

		boolean stay() {
			return active() && this.toRank != null && this.toRank == this.fromRank;
		}

	}

	private static final class Tally {

		long accounts;

		long delinquent;

		long forward;

		long cured;

		long back;

		long stay;

		BigDecimal balance = BigDecimal.ZERO;

		BigDecimal delinquentBalance = BigDecimal.ZERO;

		BigDecimal forwardBalance = BigDecimal.ZERO;

		BigDecimal curedBalance = BigDecimal.ZERO;

		BigDecimal backBalance = BigDecimal.ZERO;

		void add(Move m) {
			this.accounts += m.accounts();
			this.balance = this.balance.add(m.balance());
			if (m.fromRank() > 0) {
				this.delinquent += m.accounts();
				this.delinquentBalance = this.delinquentBalance.add(m.balance());
			}
			if (m.forward()) {
				this.forward += m.accounts();
				this.forwardBalance = this.forwardBalance.add(m.balance());
			}
			if (m.cured()) {
				this.cured += m.accounts();
				this.curedBalance = this.curedBalance.add(m.balance());
			}
			if (m.back()) {
				this.back += m.accounts();
				this.backBalance = this.backBalance.add(m.balance());
			}
			if (m.stay()) {
				this.stay += m.accounts();
			}
		}

		RollRates.Rates rates() {
			return new RollRates.Rates(this.accounts, Rate.of(this.forward, this.accounts),
					Rate.of(this.cured, this.delinquent), Rate.of(this.back, this.delinquent),
					Rate.of(this.stay, this.accounts), new Rate(this.forwardBalance, this.balance),
					new Rate(this.curedBalance, this.delinquentBalance),
					new Rate(this.backBalance, this.delinquentBalance));
		}

	}

}
