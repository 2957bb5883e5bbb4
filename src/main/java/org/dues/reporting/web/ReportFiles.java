package org.dues.reporting.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dues.shared.SpreadsheetCsv;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * A report as a file: CSV (every cell safe from formula injection, through
 * {@link SpreadsheetCsv}) or XLSX (FastExcel; text cells neutralized the same way,
 * numbers and dates as such). Each starts with the report's title and the filters
 * applied, one a line, then the table; labels in the reader's language.
 */
@Component
class ReportFiles {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	static final String CSV = "text/csv;charset=UTF-8";

	private final MessageSource messages;

	ReportFiles(MessageSource messages) {
		this.messages = messages;
	}

	ResponseEntity<byte[]> csv(ReportTable table, String name) throws IOException {
		Locale locale = LocaleContextHolder.getLocale();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		SpreadsheetCsv csv = new SpreadsheetCsv(writer);
		for (List<String> line : heading(table, locale)) {
			csv.row(line);
		}
		csv.row(List.of());
		csv.row(table.columns().stream().map((k) -> say(k, locale)).toList());
		for (List<@Nullable Object> row : table.rows()) {
			List<@Nullable String> cells = new ArrayList<>();
			for (@Nullable
			Object cell : row) {
				cells.add((cell == null) ? null : (cell instanceof BigDecimal d) ? d.toPlainString() : cell.toString());
			}
			csv.row(cells);
		}
		writer.flush();
		return file(out.toByteArray(), CSV, name + ".csv");
	}

	ResponseEntity<byte[]> xlsx(ReportTable table, String name) throws IOException {
		Locale locale = LocaleContextHolder.getLocale();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Workbook workbook = new Workbook(out, "Dues", "1.0");
		Worksheet sheet = workbook.newWorksheet(name);
		int r = 0;
		for (List<String> line : heading(table, locale)) {
			for (int c = 0; c < line.size(); c++) {
				sheet.value(r, c, SpreadsheetCsv.neutralize(line.get(c)));
			}
			if (r == 0) {
				sheet.style(r, 0).bold().set();
			}
			r++;
		}
		r++;
		for (int c = 0; c < table.columns().size(); c++) {
			sheet.value(r, c, say(table.columns().get(c), locale));
			sheet.style(r, c).bold().set();
		}
		for (List<@Nullable Object> row : table.rows()) {
			r++;
			for (int c = 0; c < row.size(); c++) {
				Object cell = row.get(c);
				if (cell instanceof BigDecimal d) {
					sheet.value(r, c, d);
				}
				else if (cell instanceof Number n) {
					sheet.value(r, c, n);
				}
				else if (cell instanceof LocalDate d) {
					sheet.value(r, c, d);
					sheet.style(r, c).format("yyyy-mm-dd").set();
				}
				else if (cell != null) {
					sheet.value(r, c, SpreadsheetCsv.neutralize(cell.toString()));
				}
			}
		}
		workbook.finish();
		return file(out.toByteArray(), XLSX, name + ".xlsx");
	}

	/** The title, then each filter applied as its label and value. */
	private List<List<String>> heading(ReportTable table, Locale locale) {
		List<List<String>> lines = new ArrayList<>();
		lines.add(List.of(say(table.titleKey(), locale)));
		Map<String, String> ordered = new TreeMap<>(table.filters());
		// from and to first, then the others by name
		for (String name : List.of("from", "to", "month")) {
			if (ordered.containsKey(name)) {
				lines.add(List.of(say("report.filter." + name, locale), ordered.remove(name)));
			}
		}
		ordered.forEach((name, value) -> lines.add(List.of(say("report.filter." + name, locale), value)));
		return lines;
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

}
