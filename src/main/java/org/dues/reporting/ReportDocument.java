package org.dues.reporting;

import java.util.List;

/**
 * A report as a whole, in its reader's language: its title, what it covers (the period,
 * the filters applied, the zone) as lines a reader sees first in every file, the filters
 * applied each as a label and its value, and its tables.
 *
 * @param title the report's name
 * @param covers the period and filters it was made with, one line each
 * @param filters the filters applied as label and value (two cells in a spreadsheet)
 * @param tables its tables, in order
 */
public record ReportDocument(String title, List<String> covers, List<Filter> filters, List<ReportTable> tables) {

	public ReportDocument {
		covers = List.copyOf(covers);
		filters = List.copyOf(filters);
		tables = List.copyOf(tables);
	}

	/** A report whose filters are told in its cover lines. */
	public ReportDocument(String title, List<String> covers, List<ReportTable> tables) {
		this(title, covers, List.of(), tables);
	}

	/** A filter applied: its label in the reader's language and its value. */
	public record Filter(String label, String value) {
	}

}
