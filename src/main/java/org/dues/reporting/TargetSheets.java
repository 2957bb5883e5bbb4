package org.dues.reporting;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dues.shared.InvalidInputException;
import org.dues.shared.Money;
import org.dues.shared.Phrase;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Targets imported from a sheet (CSV, or the first sheet of an XLSX workbook): a header
 * row naming the columns ({@link #COLUMNS}: {@code period}, {@code scope}, {@code id},
 * {@code currency}, {@code collected}, {@code promises_kept}, {@code accounts_resolved};
 * matched ignoring case, spaces, {@code _} and {@code -}), then one target a row, each
 * set as {@link Targets#set} sets it. All or nothing: every row is checked first, and if
 * any row has an error nothing is written and every error is told with its row (the
 * header being row 1).
 */
@Service
public class TargetSheets {

	/** The columns, in the order a template sheet gives them. */
	public static final List<String> COLUMNS = List.of("period", "scope", "id", "currency", "collected",
			"promises_kept", "accounts_resolved");

	/** The most rows one sheet may hold. */
	public static final int MAX_ROWS = 10_000;

	private final Targets targets;

	private final TargetSubjects subjects;

	TargetSheets(Targets targets, TargetSubjects subjects) {
		this.targets = targets;
		this.subjects = subjects;
	}

	/**
	 * Reads the sheet and, when every row is good, sets every target in it.
	 * @param fileName its name: {@code .xlsx} is read as a workbook, anything else as CSV
	 * @return the rows read and written, or the errors (and nothing written)
	 */
	@Transactional
	public Result importSheet(String fileName, InputStream in, String by) {
		List<Line> lines;
		try {
			lines = fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx") ? xlsx(in) : csv(in);
		}
		catch (IOException | RuntimeException ex) {
			return Result.failed(List.of(new RowError(1, "file", "the file cannot be read as CSV or XLSX",
					Phrase.of("target.error.unreadable"))));
		}
		if (lines.isEmpty()) {
			return Result
				.failed(List.of(new RowError(1, "file", "the sheet is empty", Phrase.of("target.error.empty"))));
		}
		Map<String, Integer> columns = new HashMap<>();
		List<String> header = lines.get(0).cells();
		for (int i = 0; i < header.size(); i++) {
			columns.putIfAbsent(normal(header.get(i)), i);
		}
		List<RowError> errors = new ArrayList<>();
		for (String required : List.of("period", "scope", "id")) {
			if (!columns.containsKey(normal(required))) {
				errors.add(new RowError(1, required, "the header has no column '%s'".formatted(required),
						Phrase.of("target.error.header", required)));
			}
		}
		if (!errors.isEmpty()) {
			return Result.failed(errors);
		}
		if (lines.size() - 1 > MAX_ROWS) {
			return Result.failed(List.of(new RowError(1, "file",
					"a sheet holds at most %d targets; this one has %d".formatted(MAX_ROWS, lines.size() - 1),
					Phrase.of("target.error.tooMany", (long) MAX_ROWS, (long) (lines.size() - 1)))));
		}
		// rows of the same target (one a currency) are taken together
		Map<String, Parsed> parsed = new java.util.LinkedHashMap<>();
		for (Line line : lines.subList(1, lines.size())) {
			try {
				Parsed row = parse(line, columns);
				String key = row.period() + "/" + row.scope() + "/" + row.id();
				Parsed first = parsed.get(key);
				if (first == null) {
					parsed.put(key, row);
				}
				else {
					parsed.put(key, first.with(row));
				}
			}
			catch (InvalidInputException ex) {
				ex.errors().forEach((e) -> errors.add(new RowError(line.number(), e.field(), e.message(), e.phrase())));
			}
		}
		if (parsed.isEmpty() && errors.isEmpty()) {
			errors.add(
					new RowError(1, "file", "the sheet has a header and no targets", Phrase.of("target.error.noRows")));
		}
		if (!errors.isEmpty()) {
			return Result.failed(errors);
		}
		int created = 0;
		for (Parsed row : parsed.values()) {
			if (this.targets.set(row.period(), row.scope(), row.id(), row.values(), by, Targets.Source.IMPORT)
				.created()) {
				created++;
			}
		}
		return new Result(parsed.size(), created, List.of());
	}

	private Parsed parse(Line line, Map<String, Integer> columns) {
		List<InvalidInputException.FieldError> errors = new ArrayList<>();
		YearMonth period = null;
		TargetScope scope = null;
		try {
			period = Targets.period(cell(line, columns, "period"));
		}
		catch (InvalidInputException ex) {
			errors.addAll(ex.errors());
		}
		try {
			scope = Targets.scope(cell(line, columns, "scope"));
		}
		catch (InvalidInputException ex) {
			errors.addAll(ex.errors());
		}
		String id = cell(line, columns, "id");
		if (id.isEmpty()) {
			errors.add(new InvalidInputException.FieldError("id", "is required", Phrase.of("target.error.required")));
		}
		String currency = cell(line, columns, "currency").toUpperCase(Locale.ROOT);
		String collected = cell(line, columns, "collected");
		List<Money> amounts = new ArrayList<>();
		if (!collected.isEmpty()) {
			try {
				Currency code = currency.isEmpty() && scope == TargetScope.CREDITOR && !id.isEmpty()
						? this.subjects.find(scope, id)
							.map((s) -> this.subjects.creditor(s.id()).currency())
							.orElse(null)
						: Currency.getInstance(currency);
				if (code == null) {
					errors.add(new InvalidInputException.FieldError("currency", "is required with collected",
							Phrase.of("target.error.currencyRequired")));
				}
				else {
					amounts.add(Money.of(new BigDecimal(collected.replace(",", "")), code));
				}
			}
			catch (IllegalArgumentException ex) {
				if (ex instanceof NumberFormatException) {
					errors.add(new InvalidInputException.FieldError("collected",
							"'%s' is not an amount".formatted(collected), Phrase.of("target.error.amount", collected)));
				}
				else if (currency.isEmpty()) {
					errors.add(new InvalidInputException.FieldError("currency", "is required with collected",
							Phrase.of("target.error.currencyRequired")));
				}
				else {
					errors.add(new InvalidInputException.FieldError("currency",
							"'%s' is not an ISO 4217 currency with that many decimals".formatted(currency),
							Phrase.of("target.error.currency", currency, collected)));
				}
			}
		}
		Long kept = count(line, columns, "promises_kept", errors);
		Long resolved = count(line, columns, "accounts_resolved", errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		TargetValues values = new TargetValues(amounts, kept, resolved);
		TargetSubjects.Subject subject = this.subjects.resolve(java.util.Objects.requireNonNull(scope), id, values);
		return new Parsed(java.util.Objects.requireNonNull(period), scope, subject.id(), values, line.number());
	}

	private static @Nullable Long count(Line line, Map<String, Integer> columns, String column,
			List<InvalidInputException.FieldError> errors) {
		String text = cell(line, columns, column);
		if (text.isEmpty()) {
			return null;
		}
		try {
			return new BigDecimal(text.replace(",", "")).longValueExact();
		}
		catch (ArithmeticException | NumberFormatException ex) {
			errors.add(new InvalidInputException.FieldError(column, "'%s' is not a whole number".formatted(text),
					Phrase.of("target.error.whole", text)));
			return null;
		}
	}

	private static String cell(Line line, Map<String, Integer> columns, String column) {
		Integer i = columns.get(normal(column));
		return (i == null || i >= line.cells().size()) ? "" : line.cells().get(i).strip();
	}

	private static String normal(String header) {
		return header.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "").replace("\uFEFF", "");
	}

	private static List<Line> csv(InputStream in) throws IOException {
		List<Line> lines = new ArrayList<>();
		try (InputStreamReader reader = new InputStreamReader(BOMInputStream.builder().setInputStream(in).get(),
				StandardCharsets.UTF_8)) {
			for (CSVRecord record : CSVFormat.RFC4180.parse(reader)) {
				List<String> cells = record.toList();
				if (cells.stream().allMatch(String::isBlank)) {
					continue;
				}
				lines.add(new Line((int) record.getRecordNumber(), cells));
			}
		}
		return lines;
	}

	private static List<Line> xlsx(InputStream in) throws IOException {
		List<Line> lines = new ArrayList<>();
		try (ReadableWorkbook workbook = new ReadableWorkbook(in)) {
			for (Row row : workbook.getFirstSheet().read()) {
				List<String> cells = new ArrayList<>();
				for (int i = 0; i < row.getCellCount(); i++) {
					Cell cell = row.getCell(i);
					cells.add((cell == null) ? "" : text(cell));
				}
				if (cells.stream().allMatch(String::isBlank)) {
					continue;
				}
				lines.add(new Line(row.getRowNum(), cells));
			}
		}
		return lines;
	}

	/**
	 * A cell's text; a number as its shortest decimal to 15 significant digits (a sheet
	 * keeps 1234.10 as 1234.0999999999999).
	 */
	private static String text(Cell cell) {
		String raw = cell.getRawValue();
		if (raw == null) {
			return "";
		}
		if (cell.getType() == CellType.NUMBER) {
			try {
				return new BigDecimal(raw).round(new MathContext(15)).stripTrailingZeros().toPlainString();
			}
			catch (NumberFormatException ex) {
				return raw;
			}
		}
		return cell.getText();
	}

	/** The outcome of an import: how many targets, how many new, or why none. */
	public record Result(int rows, int created, List<RowError> errors) {

		public Result {
			errors = List.copyOf(errors);
		}

		static Result failed(List<RowError> errors) {
			return new Result(0, 0, errors);
		}

		/** Whether the sheet was written. */
		public boolean written() {
			return this.errors.isEmpty();
		}

	}

	/**
	 * A row's error: the row (the header is row 1), the column, what is wrong in English
	 * and as a phrase for the page.
	 */
	public record RowError(int row, String field, String message, @Nullable Phrase phrase) {
	}

	private record Line(int number, List<String> cells) {
	}

	private record Parsed(YearMonth period, TargetScope scope, String id, TargetValues values, int line) {

		/**
		 * This target with a later row's values: amounts in other currencies added,
		 * counts given once or the same.
		 * @throws InvalidInputException naming what the later row sets differently
		 */
		Parsed with(Parsed later) {
			List<Money> collected = new ArrayList<>(this.values.collected());
			for (Money money : later.values().collected()) {
				if (collected.stream().anyMatch((m) -> m.currencyCode().equals(money.currencyCode()))) {
					throw new InvalidInputException("collected",
							"row %d sets this target's %s already".formatted(this.line, money.currencyCode()),
							Phrase.of("target.error.againCurrency", String.valueOf(this.line), money.currencyCode()));
				}
				collected.add(money);
			}
			return new Parsed(this.period, this.scope, this.id, new TargetValues(collected,
					same("promises_kept", this.values.promisesKept(), later.values().promisesKept()),
					same("accounts_resolved", this.values.accountsResolved(), later.values().accountsResolved())),
					this.line);
		}

		private @Nullable Long same(String field, @Nullable Long one, @Nullable Long other) {
			if (one != null && other != null && !one.equals(other)) {
				throw new InvalidInputException(field,
						"row %d sets this target's %s to %d".formatted(this.line, field, one),
						Phrase.of("target.error.againCount", String.valueOf(this.line), one));
			}
			return (one != null) ? one : other;
		}

	}

}
