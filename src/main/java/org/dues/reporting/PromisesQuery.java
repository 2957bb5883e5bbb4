package org.dues.reporting;

import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.dues.shared.InvalidInputException;
import org.dues.shared.Money;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Promises by their due date, from arrangement's {@code arrangement_promise_due_facts}:
 * read live, since a promise's outcome is decided after it falls due.
 */
@Component
class PromisesQuery {

	private static final Map<FilterSql.Dim, String> COLUMNS = Map.of(FilterSql.Dim.CREDITOR, "q.creditor_id",
			FilterSql.Dim.AGENT, "q.taken_by");

	private final JdbcClient jdbc;

	private final Labels labels;

	PromisesQuery(JdbcClient jdbc, Labels labels) {
		this.jdbc = jdbc;
		this.labels = labels;
	}

	/**
	 * The promises due in the period; a filter this source cannot apply is an error, or
	 * when {@code notFiltered} is given, is added to it.
	 */
	PromiseReport promises(ReportFilter f, @Nullable Set<String> agents, GroupBy by,
			@Nullable Set<String> notFiltered) {
		FilterSql where = FilterSql.of(f, agents, COLUMNS);
		if (notFiltered != null) {
			where.unsupported().forEach((d) -> notFiltered.add(d.name()));
		}
		else if (!where.unsupported().isEmpty()) {
			throw new InvalidInputException(where.unsupported().get(0).name().toLowerCase(java.util.Locale.ROOT),
					"promises are filtered by creditor, team and agent only");
		}
		String key = switch (by) {
			case DAY -> "CAST(q.due_on AS text)";
			case WEEK -> "CAST(CAST(date_trunc('week', q.due_on) AS date) AS text)";
			case MONTH -> "CAST(CAST(date_trunc('month', q.due_on) AS date) AS text)";
			case AGENT -> "q.taken_by";
			case TEAM -> "coalesce((SELECT min(CAST(t.team_id AS text)) FROM identity_team_member_facts t"
					+ " WHERE t.username = q.taken_by), '')";
			case CREDITOR -> "(SELECT k.code FROM portfolio_creditor_report_facts k WHERE k.id = q.creditor_id)";
			default -> throw new InvalidInputException("groupBy",
					"promises are grouped by day, week, month, agent, team or creditor");
		};
		Map<String, Object> p = new HashMap<>(where.params());
		p.put("from", f.from());
		p.put("to", f.to());
		Map<String, String> names = this.labels.of(by);
		List<PromiseReport.Row> rows = new ArrayList<>();
		Map<String, PromiseReport.Row> totals = new TreeMap<>();
		this.jdbc.sql("""
				SELECT %s, q.currency, count(*), count(*) FILTER (WHERE q.kept), count(*) FILTER (WHERE q.broken),
				       count(*) FILTER (WHERE q.open), sum(q.amount), coalesce(sum(q.amount) FILTER (WHERE q.kept), 0),
				       coalesce(sum(q.amount) FILTER (WHERE q.broken), 0)
				FROM arrangement_promise_due_facts q
				WHERE q.due_on BETWEEN :from AND :to %s
				GROUP BY 1, 2 ORDER BY 1, 2""".formatted(key, where.sql())).params(p).query((rs) -> {
			Currency currency = Currency.getInstance(rs.getString(2).strip());
			String k = rs.getString(1);
			PromiseReport.Row row = row(k, names.getOrDefault(k, k), rs.getLong(3), rs.getLong(4), rs.getLong(5),
					rs.getLong(6), Money.of(rs.getBigDecimal(7), currency), Money.of(rs.getBigDecimal(8), currency),
					Money.of(rs.getBigDecimal(9), currency));
			rows.add(row);
			totals.merge(currency.getCurrencyCode(), row, PromisesQuery::plus);
		});
		List<PromiseReport.Row> total = totals.values()
			.stream()
			.map((t) -> row("", "", t.due(), t.kept(), t.broken(), t.open(), t.dueAmount(), t.keptAmount(),
					t.brokenAmount()))
			.toList();
		return new PromiseReport(f, by, rows, total);
	}

	private static PromiseReport.Row plus(PromiseReport.Row a, PromiseReport.Row b) {
		return row(a.key(), a.label(), a.due() + b.due(), a.kept() + b.kept(), a.broken() + b.broken(),
				a.open() + b.open(), a.dueAmount().plus(b.dueAmount()), a.keptAmount().plus(b.keptAmount()),
				a.brokenAmount().plus(b.brokenAmount()));
	}

	static PromiseReport.Row row(String key, String label, long due, long kept, long broken, long open, Money dueAmount,
			Money keptAmount, Money brokenAmount) {
		return new PromiseReport.Row(key, label, due, kept, broken, open, dueAmount, keptAmount, brokenAmount,
				Rate.of(kept, kept + broken),
				new Rate(keptAmount.amount(), keptAmount.amount().add(brokenAmount.amount())));
	}

}
