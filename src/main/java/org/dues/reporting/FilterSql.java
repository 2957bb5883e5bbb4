package org.dues.reporting;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A report filter as SQL conditions on one source's columns: {@code AND column = :param}
 * for each dimension filtered on that the source has, bound as parameters (never
 * spliced), and the dimensions the source cannot filter on.
 */
final class FilterSql {

	enum Dim {

		CREDITOR, PRODUCT, BUCKET, QUEUE, REGION, LANGUAGE, AGENT

	}

	private final StringBuilder sql = new StringBuilder();

	private final Map<String, Object> params = new HashMap<>();

	private final List<Dim> unsupported = new ArrayList<>();

	private FilterSql() {
	}

	/**
	 * The conditions of the filter on a source whose columns are given; {@code agents} is
	 * the set of agents the figures are narrowed to (null: not narrowed).
	 */
	static FilterSql of(ReportFilter f, @Nullable Set<String> agents, Map<Dim, String> columns) {
		FilterSql where = new FilterSql();
		Map<Dim, @Nullable Object> values = new EnumMap<>(Dim.class);
		values.put(Dim.CREDITOR, f.creditor());
		values.put(Dim.PRODUCT, f.product());
		values.put(Dim.BUCKET, f.bucket());
		values.put(Dim.QUEUE, f.queue());
		values.put(Dim.REGION, (f.region() == null) ? null : f.region().toUpperCase(java.util.Locale.ROOT));
		values.put(Dim.LANGUAGE, f.language());
		values.put(Dim.AGENT, (agents == null) ? null : agents.toArray(String[]::new));
		values.forEach((dim, value) -> {
			if (value == null) {
				return;
			}
			String column = columns.get(dim);
			if (column == null) {
				where.unsupported.add(dim);
				return;
			}
			String param = "f_" + dim.name().toLowerCase(java.util.Locale.ROOT);
			where.sql.append(" AND ")
				.append(column)
				.append((dim == Dim.AGENT) ? " = ANY(:" + param + ")" : " = :" + param);
			where.params.put(param, value);
		});
		return where;
	}

	/** The conditions, each starting with {@code AND}. */
	String sql() {
		return this.sql.toString();
	}

	Map<String, Object> params() {
		return this.params;
	}

	/** The dimensions filtered on that this source does not have. */
	List<Dim> unsupported() {
		return this.unsupported;
	}

}
