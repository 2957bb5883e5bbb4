package org.dues.portfolio.imports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.time.LocalDate;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.jspecify.annotations.Nullable;

/**
 * An allocation file read one row at a time, never whole: CSV (UTF-8 with or without BOM,
 * RFC 4180, LF or CRLF, blank lines skipped) through Commons CSV, or the first sheet of
 * an XLSX workbook through FastExcel.
 */
interface AllocationFile extends AutoCloseable {

	/** The header row. */
	List<String> headers();

	/** The next row, or null at the end. */
	@Nullable FileRow next();

	@Override
	void close() throws IOException;

	/**
	 * How many rows the whole file likely holds, from the rows read so far and the share
	 * of the file they took; null when that cannot be told (a workbook, a stream).
	 */
	default @Nullable Long estimatedRows(long rowsRead) {
		return null;
	}

	/**
	 * One row of values as the file has them.
	 *
	 * @param line the line of the file (the header is line 1; for XLSX the row number)
	 * @param exact whether the row has exactly its cells (CSV), or may leave out trailing
	 * blank ones (XLSX)
	 */
	record FileRow(int line, List<String> values, boolean exact) {

		String value(int column) {
			return column < this.values.size() ? this.values.get(column) : "";
		}

	}

	enum Format {

		CSV, XLSX;

		static Format of(String fileName) {
			return fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx") ? XLSX : CSV;
		}

	}

	static AllocationFile open(InputStream in, Format format, DateTimeFormatter dates) throws IOException {
		return format == Format.XLSX ? new Xlsx(new ReadableWorkbook(in, OPTIONS), dates) : new Csv(in);
	}

	/**
	 * Opens a stored file; a workbook is read from the file itself, not copied into
	 * memory.
	 */
	static AllocationFile open(java.nio.file.Path file, Format format, DateTimeFormatter dates) throws IOException {
		if (format == Format.XLSX) {
			return new Xlsx(new ReadableWorkbook(file.toFile(), OPTIONS), dates);
		}
		Counted counted = new Counted(java.nio.file.Files.newInputStream(file));
		return new Csv(counted, counted, java.nio.file.Files.size(file));
	}

	/** A stream that counts the bytes read from it. */
	final class Counted extends java.io.FilterInputStream implements java.util.function.LongSupplier {

		private long count;

		Counted(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			this.count += (b < 0) ? 0 : 1;
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			this.count += Math.max(n, 0);
			return n;
		}

		@Override
		public long skip(long n) throws IOException {
			long skipped = super.skip(n);
			this.count += skipped;
			return skipped;
		}

		@Override
		public long getAsLong() {
			return this.count;
		}

	}

	/**
	 * With cell formats (dates are numbers formatted as dates); a cell that cannot be
	 * parsed (a number cell holding {@code NaN}) is read as an error cell with its text,
	 * so that its row is rejected rather than the file.
	 */
	ReadingOptions OPTIONS = new ReadingOptions(true, true);

	/** CSV through Commons CSV. */
	final class Csv implements AllocationFile {

		private final CSVParser parser;

		private final Iterator<CSVRecord> records;

		private final List<String> headers;

		private long lastLine = 1;

		private final java.util.function.@Nullable LongSupplier position;

		private final long size;

		Csv(InputStream in) throws IOException {
			this(in, null, -1);
		}

		/**
		 * @param position how many bytes of the file have been read, for estimates
		 * @param size the file's size in bytes
		 */
		Csv(InputStream in, java.util.function.@Nullable LongSupplier position, long size) throws IOException {
			this.position = position;
			this.size = size;
			PushbackInputStream stream = new PushbackInputStream(new BufferedInputStream(in, 1 << 16), 3);
			byte[] bom = stream.readNBytes(3);
			if (!(bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF)) {
				stream.unread(bom);
			}
			this.parser = CSVParser.builder()
				.setReader(new InputStreamReader(stream,
						StandardCharsets.UTF_8.newDecoder()
							.onMalformedInput(CodingErrorAction.REPORT)
							.onUnmappableCharacter(CodingErrorAction.REPORT)))
				.setFormat(CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get())
				.get();
			this.records = this.parser.iterator();
			try {
				if (!this.records.hasNext()) {
					throw new org.dues.shared.InvalidInputException("file", "the file is empty");
				}
				this.headers = this.records.next().toList();
			}
			catch (UncheckedIOException ex) {
				throw problem(ex, 1);
			}
			this.lastLine = this.parser.getCurrentLineNumber();
		}

		@Override
		public List<String> headers() {
			return this.headers;
		}

		@Override
		public @Nullable Long estimatedRows(long rowsRead) {
			long read = (this.position == null) ? 0 : this.position.getAsLong();
			if (read <= 0 || this.size <= 0) {
				return null;
			}
			// the reader buffers ahead, so the share read is a little more than the rows'
			return Math.max(rowsRead, (rowsRead * this.size + read - 1) / read);
		}

		@Override
		public @Nullable FileRow next() {
			try {
				while (this.records.hasNext()) {
					CSVRecord record = this.records.next();
					long end = this.parser.getCurrentLineNumber();
					// The record starts on the line after the previous one ended, blank
					// lines aside.
					int line = (int) (end - countNewlines(record));
					this.lastLine = end;
					if (record.size() == 1 && record.get(0).isBlank()) {
						continue;
					}
					return new FileRow(line, record.toList(), true);
				}
				return null;
			}
			catch (UncheckedIOException ex) {
				throw problem(ex, this.lastLine);
			}
		}

		private static org.dues.shared.InvalidInputException problem(UncheckedIOException ex, long line) {
			if (ex.getCause() instanceof MalformedInputException) {
				return new org.dues.shared.InvalidInputException("file",
						"the file is not UTF-8 (after line %d); save it as UTF-8 CSV and upload it again"
							.formatted(line));
			}
			// Commons CSV's own message names its exception classes.
			return new org.dues.shared.InvalidInputException("file",
					"the CSV is malformed after line %d: a quoted value is not closed, or text follows its closing quote"
						.formatted(line));
		}

		private static int countNewlines(CSVRecord record) {
			int count = 0;
			for (String value : record) {
				for (int i = 0; i < value.length(); i++) {
					char c = value.charAt(i);
					// A line ends at LF, CR LF or a lone CR, as the parser counts them.
					if (c == '\n' || (c == '\r' && (i + 1 == value.length() || value.charAt(i + 1) != '\n'))) {
						count++;
					}
				}
			}
			return count;
		}

		@Override
		public void close() throws IOException {
			this.parser.close();
		}

	}

	/** The first sheet of an XLSX workbook through FastExcel's streaming reader. */
	final class Xlsx implements AllocationFile {

		private final ReadableWorkbook workbook;

		private final Stream<Row> stream;

		private final Iterator<Row> rows;

		private final List<String> headers;

		private final DateTimeFormatter dates;

		Xlsx(ReadableWorkbook workbook, DateTimeFormatter dates) throws IOException {
			this.dates = dates;
			this.workbook = workbook;
			this.stream = this.workbook.getFirstSheet().openStream();
			this.rows = this.stream.iterator();
			if (!this.rows.hasNext()) {
				throw new org.dues.shared.InvalidInputException("file", "the workbook's first sheet is empty");
			}
			this.headers = values(this.rows.next());
		}

		@Override
		public List<String> headers() {
			return this.headers;
		}

		@Override
		public @Nullable FileRow next() {
			while (this.rows.hasNext()) {
				Row row = this.rows.next();
				List<String> values = values(row);
				if (values.stream().allMatch(String::isBlank)) {
					continue;
				}
				return new FileRow(row.getRowNum(), values, false);
			}
			return null;
		}

		private List<String> values(Row row) {
			List<String> values = new ArrayList<>(row.getCellCount());
			for (int i = 0; i < row.getCellCount(); i++) {
				Cell cell = row.getCell(i);
				values.add(cell == null ? "" : text(cell));
			}
			return values;
		}

		private String text(Cell cell) {
			String raw = cell.getRawValue();
			boolean numeric = cell.getType() == CellType.NUMBER || (cell.getType() == CellType.FORMULA && raw != null
					&& raw.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?"));
			if (numeric) {
				BigDecimal number = number(raw);
				if (number == null) {
					// NaN, Infinity or a number no amount or date can be: the cell's
					// text,
					// which the row's check rejects with a reason.
					return raw == null ? "" : raw;
				}
				String format = cell.getDataFormatString();
				if (format != null && isDateFormat(format)) {
					return (number.abs().compareTo(LAST_SERIAL) <= 0)
							? this.dates.format(LocalDate.of(1899, 12, 30).plusDays(number.longValue())) : raw;
				}
				// Spreadsheets keep binary doubles (1234.0999999999999 for 1234.10): 15
				// significant digits.
				return number.round(new MathContext(15)).stripTrailingZeros().toPlainString();
			}
			if (cell.getType() == CellType.FORMULA || cell.getType() == CellType.ERROR) {
				return raw == null ? "" : raw;
			}
			String text = cell.getText();
			return text == null ? "" : text;
		}

		/** Excel's last day, 9999-12-31, as a serial number. */
		private static final BigDecimal LAST_SERIAL = BigDecimal.valueOf(2958465);

		/**
		 * The cell's number, or null when it is none (NaN, Infinity) or larger or finer
		 * than any amount (its plain form would run to thousands of digits).
		 */
		private static @Nullable BigDecimal number(@Nullable String raw) {
			if (raw == null) {
				return null;
			}
			try {
				BigDecimal number = new BigDecimal(raw);
				int digits = number.precision() - number.scale();
				return (digits > 20 || number.scale() > 20) ? null : number;
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}

		private static boolean isDateFormat(String format) {
			String f = format.toLowerCase(java.util.Locale.ROOT).replaceAll("\"[^\"]*\"|\\[[^]]*]", "");
			return (f.contains("d") || f.contains("y")) && f.contains("m") && !f.contains("0");
		}

		@Override
		public void close() throws IOException {
			this.stream.close();
			this.workbook.close();
		}

	}

}
