package org.dues.reporting.web;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A report as a table to export: its title's message key, the filters applied (name and
 * value, named in the file), the columns' message keys and the rows (text, numbers,
 * dates, null for empty).
 */
record ReportTable(String titleKey, Map<String, String> filters, List<String> columns,
		List<List<@Nullable Object>> rows) {

	ReportTable {
		filters = Map.copyOf(filters);
		columns = List.copyOf(columns);
		rows = List.copyOf(rows);
	}

}
