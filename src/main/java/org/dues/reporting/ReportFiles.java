package org.dues.reporting;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.ULocale;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dues.shared.Money;
import org.dues.shared.SpreadsheetCsv;
import org.dues.system.PdfFonts;
import org.dues.system.PrintedMoney;
import org.jspecify.annotations.Nullable;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

/**
 * A {@link ReportDocument} as a file, the one writer of every report file (the API's
 * tables, the dashboard's and the management pack): CSV (UTF-8 with a byte-order mark so
 * a spreadsheet reads Hindi and Malayalam, every cell safe from formula injection), XLSX
 * (FastExcel; figures as numbers with their format, text safe from formula injection the
 * same way, a sheet per table) and PDF (A4 landscape, Indic text shaped). Each begins
 * with the report's title and what it covers (period, filters, zone), so a file passed on
 * still says what it is.
 */
public final class ReportFiles {

	/** The media type of an XLSX workbook. */
	public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private ReportFiles() {
	}

	/** The report as CSV: its heading lines, then each table after a blank line. */
	public static byte[] csv(ReportDocument report) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
			writer.write('\uFEFF');
			SpreadsheetCsv csv = new SpreadsheetCsv(writer);
			csv.row(List.of(report.title()));
			for (String line : report.covers()) {
				csv.row(List.of(line));
			}
			for (ReportDocument.Filter filter : report.filters()) {
				csv.row(List.of(filter.label(), filter.value()));
			}
			for (ReportTable table : report.tables()) {
				csv.row(List.of());
				if (!table.title().isBlank()) {
					csv.row(List.of(table.title()));
				}
				if (table.definition() != null) {
					csv.row(List.of(table.definition()));
				}
				csv.row(table.columns());
				for (List<@Nullable Object> row : table.rows()) {
					List<@Nullable String> cells = new ArrayList<>();
					for (Object cell : row) {
						cells.add(plain(cell));
					}
					csv.row(cells);
				}
			}
			writer.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** The report as a workbook: a sheet per table, each headed by the report's lines. */
	public static byte[] xlsx(ReportDocument report) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			Workbook workbook = new Workbook(out, "Dues", "1.0");
			int n = 0;
			for (ReportTable table : report.tables()) {
				n++;
				Worksheet sheet = workbook
					.newWorksheet(table.title().isBlank() ? sheetName(report.title(), n) : sheetName(table.title(), n));
				int r = 0;
				text(sheet, r, 0, report.title());
				sheet.style(r, 0).bold().set();
				for (String line : report.covers()) {
					text(sheet, ++r, 0, line);
				}
				for (ReportDocument.Filter filter : report.filters()) {
					text(sheet, ++r, 0, filter.label());
					text(sheet, r, 1, filter.value());
				}
				r += 2;
				if (!table.title().isBlank()) {
					text(sheet, r, 0, table.title());
					sheet.style(r, 0).bold().set();
					r++;
				}
				if (table.definition() != null) {
					text(sheet, r, 0, table.definition());
					sheet.style(r, 0).italic().set();
					r++;
				}
				for (int c = 0; c < table.columns().size(); c++) {
					text(sheet, r, c, table.columns().get(c));
					sheet.style(r, c).bold().set();
				}
				for (List<@Nullable Object> row : table.rows()) {
					r++;
					for (int c = 0; c < row.size(); c++) {
						cell(sheet, r, c, row.get(c));
					}
				}
			}
			if (n == 0) {
				Worksheet sheet = workbook.newWorksheet("Report");
				text(sheet, 0, 0, report.title());
			}
			workbook.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** The report as a PDF for its reader's language. */
	public static byte[] pdf(ReportDocument report, Locale reader) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
		PdfWriter.getInstance(document, out);
		document.addTitle(report.title());
		document.addCreator("Dues");
		document.open();
		document.add(paragraph(PdfFonts.phrase(report.title(), 15, true), 4));
		for (String line : report.covers()) {
			document.add(paragraph(PdfFonts.phrase(line, 9, false), 1));
		}
		for (ReportDocument.Filter filter : report.filters()) {
			document.add(paragraph(PdfFonts.phrase(filter.label() + ": " + filter.value(), 9, false), 1));
		}
		for (ReportTable table : report.tables()) {
			Paragraph title = paragraph(PdfFonts.phrase(table.title(), 12, true), 2);
			title.setSpacingBefore(14);
			document.add(title);
			if (table.definition() != null) {
				Phrase definition = PdfFonts.phrase(table.definition(), 8, false);
				Paragraph about = paragraph(definition, 4);
				document.add(about);
			}
			if (table.columns().isEmpty()) {
				continue;
			}
			PdfPTable grid = new PdfPTable(table.columns().size());
			grid.setWidthPercentage(100);
			grid.setHeaderRows(1);
			for (String column : table.columns()) {
				PdfPCell head = cell(PdfFonts.phrase(column, 8.5f, true));
				head.setBackgroundColor(new Color(238, 238, 238));
				grid.addCell(head);
			}
			for (List<@Nullable Object> row : table.rows()) {
				for (Object value : row) {
					PdfPCell cell = cell(PdfFonts.phrase(printed(value, reader), 8.5f, false));
					if (ReportTable.figure(value)) {
						cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
					}
					grid.addCell(cell);
				}
			}
			document.add(grid);
		}
		document.close();
		return out.toByteArray();
	}

	/** A cell as a reader of the language reads it (grouping, symbol, percent sign). */
	public static String printed(@Nullable Object cell, Locale reader) {
		if (cell == null) {
			return "–";
		}
		String language = reader.getLanguage();
		if (cell instanceof Money money) {
			return PrintedMoney.format(money, language);
		}
		if (cell instanceof ReportTable.Rate rate) {
			NumberFormat percent = NumberFormat.getPercentInstance(ULocale.forLocale(home(reader)));
			percent.setMinimumFractionDigits(1);
			percent.setMaximumFractionDigits(1);
			return percent.format(rate.fraction());
		}
		if (cell instanceof Long || cell instanceof Integer || cell instanceof BigDecimal) {
			return NumberFormat.getInstance(ULocale.forLocale(home(reader))).format(cell);
		}
		if (cell instanceof LocalDate date) {
			return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(home(reader)).format(date);
		}
		return cell.toString();
	}

	private static Locale home(Locale reader) {
		// Hindi and Malayalam are read in India, and an English reader's figures are
		// grouped as the application's home groups them (lakhs) unless a country is given
		return reader.getCountry().isEmpty() ? Locale.of(reader.getLanguage(), "IN") : reader;
	}

	private static @Nullable String plain(@Nullable Object cell) {
		if (cell == null) {
			return "";
		}
		if (cell instanceof Money money) {
			return money.amount().toPlainString();
		}
		if (cell instanceof ReportTable.Rate rate) {
			return rate.fraction().multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_EVEN).toPlainString()
					+ "%";
		}
		if (cell instanceof BigDecimal decimal) {
			return decimal.toPlainString();
		}
		return cell.toString();
	}

	private static void cell(Worksheet sheet, int r, int c, @Nullable Object value) {
		if (value == null) {
			return;
		}
		if (value instanceof Money money) {
			sheet.value(r, c, money.amount());
			int digits = Math.max(money.currency().getDefaultFractionDigits(), 0);
			// the code quoted: bare, a spreadsheet reads the D and S of "USD" as day and
			// second and shows the amount as a date
			sheet.style(r, c)
				.format("\"" + money.currencyCode() + "\" " + (digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits)))
				.set();
		}
		else if (value instanceof ReportTable.Rate rate) {
			sheet.value(r, c, rate.fraction());
			sheet.style(r, c).format("0.0%").set();
		}
		else if (value instanceof Long number) {
			sheet.value(r, c, number);
		}
		else if (value instanceof Integer number) {
			sheet.value(r, c, number);
		}
		else if (value instanceof BigDecimal number) {
			sheet.value(r, c, number);
		}
		else if (value instanceof LocalDate date) {
			sheet.value(r, c, date);
			sheet.style(r, c).format("yyyy-mm-dd").set();
		}
		else {
			text(sheet, r, c, value.toString());
		}
	}

	/** Text as a spreadsheet cannot take it for a formula. */
	private static void text(Worksheet sheet, int r, int c, String value) {
		sheet.value(r, c, SpreadsheetCsv.neutralize(value));
	}

	private static String sheetName(String title, int n) {
		// a sheet's name: at most 31 characters, none of : \ / ? * [ ]
		String name = title.replaceAll("[:\\\\/?*\\[\\]]", " ").strip();
		if (name.isEmpty()) {
			name = "Sheet";
		}
		String suffix = " " + n;
		return (name.length() + suffix.length() > 31) ? name.substring(0, 31 - suffix.length()) + suffix
				: name + suffix;
	}

	private static PdfPCell cell(Phrase phrase) {
		PdfPCell cell = new PdfPCell(phrase);
		cell.setBorder(Rectangle.BOTTOM);
		cell.setBorderColor(new Color(210, 210, 210));
		cell.setPaddingTop(2);
		cell.setPaddingBottom(4);
		return cell;
	}

	private static Paragraph paragraph(Phrase phrase, float after) {
		Paragraph paragraph = new Paragraph(phrase);
		paragraph.setSpacingAfter(after);
		paragraph.setMultipliedLeading(1.3f);
		return paragraph;
	}

}
