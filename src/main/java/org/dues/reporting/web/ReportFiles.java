package org.dues.reporting.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.dues.reporting.ReportDocument;
import org.dues.reporting.ReportTable;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * An API report as a file, written by reporting's one writer
 * ({@link org.dues.reporting.ReportFiles}): CSV (every cell safe from formula injection)
 * or XLSX (FastExcel; text neutralized the same way, numbers and dates as such). Each
 * starts with the report's title and the filters applied, one a line as a label and its
 * value, then the table; labels in the reader's language.
 */
@Component
class ReportFiles {

	static final String XLSX = org.dues.reporting.ReportFiles.XLSX;

	static final String CSV = "text/csv;charset=UTF-8";

	private final MessageSource messages;

	ReportFiles(MessageSource messages) {
		this.messages = messages;
	}

	ResponseEntity<byte[]> csv(Table table, String name) {
		return file(org.dues.reporting.ReportFiles.csv(document(table)), CSV, name + ".csv");
	}

	ResponseEntity<byte[]> xlsx(Table table, String name) {
		return file(org.dues.reporting.ReportFiles.xlsx(document(table)), XLSX, name + ".xlsx");
	}

	/** The title, each filter applied as its label and value, then the one table. */
	private ReportDocument document(Table table) {
		Locale locale = LocaleContextHolder.getLocale();
		List<ReportDocument.Filter> filters = new ArrayList<>();
		Map<String, String> ordered = new TreeMap<>(table.filters());
		// from and to first, then the others by name
		for (String name : List.of("from", "to", "month")) {
			if (ordered.containsKey(name)) {
				filters.add(new ReportDocument.Filter(say("report.filter." + name, locale), ordered.remove(name)));
			}
		}
		ordered.forEach(
				(name, value) -> filters.add(new ReportDocument.Filter(say("report.filter." + name, locale), value)));
		List<String> columns = table.columns().stream().map((k) -> say(k, locale)).toList();
		return new ReportDocument(say(table.titleKey(), locale), List.of(), filters,
				List.of(new ReportTable("", null, columns, table.rows())));
	}

	private String say(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

	private static ResponseEntity<byte[]> file(byte[] body, String type, String filename) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_TYPE, type)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
			.body(body);
	}

	/**
	 * A report as a table to export: its title's message key, the filters applied (name
	 * and value, named in the file), the columns' message keys and the rows (text,
	 * numbers, dates, null for empty).
	 */
	record Table(String titleKey, Map<String, String> filters, List<String> columns,
			List<List<@Nullable Object>> rows) {

		Table {
			filters = Map.copyOf(filters);
			columns = List.copyOf(columns);
			rows = List.copyOf(rows);
		}

	}

}
