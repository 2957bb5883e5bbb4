package org.dues.reporting;

import java.util.List;

/**
 * A report as a whole, in its reader's language: its title, what it covers (the period,
 * the filters applied, the zone) as lines a reader sees first in every file, and its
 * tables.
 *
 * @param title the report's name
 * @param covers the period and filters it was made with, one line each
 * @param tables its tables, in order
 */
public record ReportDocument(String title, List<String> covers, List<ReportTable> tables) {

	public ReportDocument {
		covers = List.copyOf(covers);
		tables = List.copyOf(tables);
	}

}
