package org.dues.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.dues.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A table of a report as its reader gets it, whatever the file: a title and the measure's
 * definition (already in the reader's language), its columns, and rows whose cells are
 * text ({@link String}), counts ({@link Long}), amounts ({@link Money}), rates
 * ({@link Rate}), dates ({@link LocalDate}) or empty ({@code null}). The page, the CSV,
 * the XLSX and the PDF each print a cell their own way (a spreadsheet gets numbers, a
 * page and a PDF the reader's grouping).
 *
 * @param title what the table shows
 * @param definition how its figures are worked out, or null
 * @param columns its columns
 * @param rows its rows, each as many cells as there are columns
 */
public record ReportTable(String title, @Nullable String definition, List<String> columns,
		List<List<@Nullable Object>> rows) {

	public ReportTable {
		columns = List.copyOf(columns);
		for (List<@Nullable Object> row : rows) {
			if (row.size() != columns.size()) {
				throw new IllegalArgumentException(
						"a row of '" + title + "' has " + row.size() + " cells for " + columns.size() + " columns");
			}
		}
		rows = List.copyOf(rows);
	}

	/**
	 * A share, as a fraction ({@code 0.125} is 12.5%), printed as a percentage with one
	 * decimal.
	 */
	public record Rate(BigDecimal fraction) {
	}

	/** Whether a cell is a figure (printed at the right). */
	public static boolean figure(@Nullable Object cell) {
		return cell instanceof Long || cell instanceof Integer || cell instanceof Money || cell instanceof Rate
				|| cell instanceof BigDecimal;
	}

}
