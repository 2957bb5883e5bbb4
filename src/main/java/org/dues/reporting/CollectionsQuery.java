package org.dues.reporting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.dues.shared.Money;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Collections from reporting's payment credits, read from their daily sums: a payment
 * counts on the day it was received, a reversal on the day it was made (the creditor's
 * local day), each with the agent the payment was credited to; product from the account,
 * bucket, queue, region and language from the account's snapshot of the day before, each
 * stamped on the credit when it is written (and the snapshot's dimensions again when that
 * snapshot is taken).
 */
@Component
class CollectionsQuery {

	private static final Map<FilterSql.Dim, String> COLUMNS = Map.of(FilterSql.Dim.CREDITOR, "r.creditor_id",
			FilterSql.Dim.AGENT, "r.agent", FilterSql.Dim.PRODUCT, "r.product", FilterSql.Dim.BUCKET, "r.bucket",
			FilterSql.Dim.QUEUE, "r.queue_id", FilterSql.Dim.REGION, "r.region", FilterSql.Dim.LANGUAGE, "r.language");

	private static final Map<FilterSql.Dim, String> AGENT_COLUMNS = Map.of(FilterSql.Dim.CREDITOR, "r.creditor_id",
			FilterSql.Dim.AGENT, "r.agent");

	/** The groupings the agents' daily sums have the keys of. */
	private static final Set<GroupBy> AGENT_KEYS = EnumSet.of(GroupBy.DAY, GroupBy.WEEK, GroupBy.MONTH, GroupBy.AGENT,
			GroupBy.TEAM, GroupBy.CREDITOR);

	/**
	 * The period's credits added up by day ({@code reporting_credits_daily} by creditor,
	 * currency and agent; {@code reporting_credits_daily_dims} by the account's
	 * dimensions too), kept by triggers in the transaction that writes or restamps the
	 * credits: a few rows per day, not one per payment. A group appears when it holds a
	 * credit, as it does read from the credits.
	 */
	private static final String DAILY = """
			SELECT %%s AS key, r.currency, sum(r.paid), sum(r.payments), sum(r.reversed), sum(r.reversals)
			FROM %s r %%s
			WHERE r.day BETWEEN :from AND :to %%s
			GROUP BY 1, 2 HAVING sum(r.payments) + sum(r.reversals) > 0 ORDER BY 1, 2""";

	/**
	 * The credits of the period by the day each counts on, with the dimensions they were
	 * stamped with when written: the same figures as {@link #DAILY}, read one credit at a
	 * time (what the daily sums are checked against).
	 */
	private static final String LIVE = """
			SELECT %s AS key, r.currency,
			       coalesce(sum(r.amount) FILTER (WHERE r.kind = 'PAYMENT'), 0), count(*) FILTER (WHERE r.kind = 'PAYMENT'),
			       coalesce(-sum(r.amount) FILTER (WHERE r.kind = 'REVERSAL'), 0), count(*) FILTER (WHERE r.kind = 'REVERSAL')
			FROM reporting_payment_credits r %s
			WHERE r.day BETWEEN :from AND :to AND r.kind IN ('PAYMENT', 'REVERSAL') %s
			GROUP BY 1, 2 ORDER BY 1, 2""";

	private final JdbcClient jdbc;

	private final Labels labels;

	CollectionsQuery(JdbcClient jdbc, Labels labels) {
		this.jdbc = jdbc;
		this.labels = labels;
	}

	/**
	 * The report from the credits' daily sums: those by agent alone when neither the
	 * filter nor the grouping names a dimension of the account, else those by every
	 * dimension.
	 */
	CollectionsReport collections(ReportFilter f, @Nullable Set<String> agents, GroupBy by) {
		FilterSql byAgent = FilterSql.of(f, agents, AGENT_COLUMNS);
		if (byAgent.unsupported().isEmpty() && AGENT_KEYS.contains(by)) {
			return collections(f, by, byAgent, DAILY.formatted("reporting_credits_daily"));
		}
		return collections(f, by, FilterSql.of(f, agents, COLUMNS), DAILY.formatted("reporting_credits_daily_dims"));
	}

	/** The same report read from every credit of the period. */
	CollectionsReport live(ReportFilter f, @Nullable Set<String> agents, GroupBy by) {
		return collections(f, by, FilterSql.of(f, agents, COLUMNS), LIVE);
	}

	private CollectionsReport collections(ReportFilter f, GroupBy by, FilterSql where, String sql) {
		String joins = switch (by) {
			case TEAM -> " LEFT JOIN (SELECT username, min(CAST(team_id AS text)) AS team"
					+ " FROM identity_team_member_facts GROUP BY username) tm ON tm.username = r.agent";
			case CREDITOR -> " LEFT JOIN portfolio_creditor_report_facts k ON k.id = r.creditor_id";
			default -> "";
		};
		Map<String, Object> p = new HashMap<>(where.params());
		p.put("from", f.from());
		p.put("to", f.to());
		List<CollectionsReport.Row> rows = new ArrayList<>();
		Map<String, CollectionsReport.Row> totals = new TreeMap<>();
		Map<String, String> names = this.labels.of(by);
		this.jdbc.sql(sql.formatted(key(by), joins, where.sql())).params(p).query((rs) -> {
			String key = rs.getString(1);
			Currency currency = Currency.getInstance(rs.getString(2).strip());
			Money gross = Money.of(rs.getBigDecimal(3), currency);
			Money reversed = Money.of(rs.getBigDecimal(5), currency);
			CollectionsReport.Row row = new CollectionsReport.Row(key, names.getOrDefault(key, key), gross, reversed,
					gross.minus(reversed), rs.getLong(4), rs.getLong(6));
			rows.add(row);
			totals.merge(currency.getCurrencyCode(), new CollectionsReport.Row("", "", gross, reversed,
					gross.minus(reversed), row.payments(), row.reversals()), CollectionsQuery::plus);
		});
		return new CollectionsReport(f, by, rows, List.copyOf(totals.values()));
	}

	private static CollectionsReport.Row plus(CollectionsReport.Row a, CollectionsReport.Row b) {
		return new CollectionsReport.Row(a.key(), a.label(), a.gross().plus(b.gross()), a.reversed().plus(b.reversed()),
				a.net().plus(b.net()), a.payments() + b.payments(), a.reversals() + b.reversals());
	}

	/**
	 * The SQL of a group's key, from columns of r (the credit), k (its creditor) and tm
	 * (team).
	 */
	static String key(GroupBy by) {
		return switch (by) {
			case DAY -> "CAST(r.day AS text)";
			case WEEK -> "CAST(CAST(date_trunc('week', r.day) AS date) AS text)";
			case MONTH -> "CAST(CAST(date_trunc('month', r.day) AS date) AS text)";
			case AGENT -> "coalesce(r.agent, '')";
			case TEAM -> "coalesce(tm.team, '')";
			case CREDITOR -> "k.code";
			case BUCKET -> "coalesce(r.bucket, '')";
			case PRODUCT -> "coalesce(r.product, '')";
			case REGION -> "coalesce(r.region, '')";
			case LANGUAGE -> "coalesce(r.language, '')";
		};
	}

	static BigDecimal zeroIfNull(@Nullable BigDecimal value) {
		return (value == null) ? BigDecimal.ZERO : value;
	}

}
