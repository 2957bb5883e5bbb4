package org.dues.portfolio.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dues.portfolio.CreditorView;
import org.dues.portfolio.PlacementParser;
import org.dues.shared.InvalidInputException;
import org.dues.shared.InvalidInputException.FieldError;
import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * A mapping profile tried on a sample file before it is saved or used: the file's headers
 * with the column each maps to, and its first rows as the import would read and check
 * them, each with its errors and warnings. Nothing is imported: no import is recorded, no
 * account, customer or ledger entry is written, and the sample is deleted as soon as it
 * is read (it is stored owner-only while it is, as an upload is, so that a workbook is
 * checked for expansion before it is opened).
 */
@NamedInterface("imports")
@Service
public class MappingTrials {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MappingTrials.class);

	/** How many rows a trial reads. */
	public static final int ROWS = 20;

	private final ImportFiles files;

	private final Clock clock;

	MappingTrials(ImportFiles files, Clock clock) {
		this.files = files;
		this.clock = clock;
	}

	/**
	 * Reads the first {@link #ROWS} rows of a sample through the profile.
	 * @throws InvalidInputException when the file cannot be read at all, or has a bad
	 * name
	 */
	public Trial trial(CreditorView creditor, MappingProfile profile, @Nullable String fileName, InputStream content) {
		String name = AllocationImports.uploadName(fileName);
		AllocationFile.Format format = AllocationFile.Format.of(name);
		UUID id = UUID.randomUUID();
		Path file = this.files.file(id, format);
		try {
			this.files.store(id, format, content);
			if (format == AllocationFile.Format.XLSX) {
				WorkbookExpansion.check(file);
			}
			return read(creditor, profile, file, format);
		}
		catch (IOException ex) {
			log.warn("A sample file could not be stored or read", ex);
			throw new InvalidInputException("file", "the file could not be read");
		}
		finally {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				log.error("Could not delete a sample file; the hourly purge will", ex);
			}
		}
	}

	private Trial read(CreditorView creditor, MappingProfile profile, Path file, AllocationFile.Format format)
			throws IOException {
		DateTimeFormatter dates = (profile.dateFormat() == null) ? DateTimeFormatter.ISO_LOCAL_DATE
				: PlacementParser.formatter(profile.dateFormat());
		try (AllocationFile rows = AllocationFile.open(file, format, dates)) {
			List<String> headers = rows.headers();
			List<@Nullable String> matches = ImportColumns.matches(headers, profile);
			List<Header> mapped = new ArrayList<>();
			List<String> columns = new ArrayList<>();
			for (int i = 0; i < headers.size(); i++) {
				mapped.add(new Header(i + 1, headers.get(i), matches.get(i)));
				if (matches.get(i) != null) {
					columns.add(matches.get(i));
				}
			}
			Map<String, Integer> resolved;
			try {
				resolved = ImportColumns.resolve(headers, profile);
			}
			catch (InvalidInputException ex) {
				return new Trial(mapped, columns, List.of(), ex.errors(), false);
			}
			PlacementParser parser = new PlacementParser(creditor, profile.dateFormat(), profile.grouping(),
					LocalDate.now(this.clock.withZone(creditor.timeZone())));
			List<Row> checked = new ArrayList<>();
			AllocationFile.FileRow row;
			while (checked.size() < ROWS && (row = rows.next()) != null) {
				ImportReader.Checked result = ImportReader.check(parser, resolved, headers.size(), row);
				List<String> values = new ArrayList<>();
				for (String column : columns) {
					String value = row.value(resolved.get(column)).strip();
					values.add("national_id".equals(column) ? masked(value) : value);
				}
				checked.add(new Row(row.line(), values, result.errors(), result.warnings()));
			}
			return new Trial(mapped, columns, checked, List.of(), rows.next() != null);
		}
		catch (InvalidInputException ex) {
			return new Trial(List.of(), List.of(), List.of(), ex.errors(), false);
		}
		catch (RuntimeException ex) {
			throw new InvalidInputException("file", "the file is not a readable CSV or XLSX file");
		}
	}

	/** A national id shown by its last four characters only. */
	private static String masked(String value) {
		return (value.length() <= 4) ? "•".repeat(value.length()) : "•••• " + value.substring(value.length() - 4);
	}

	/**
	 * What a sample shows through a profile.
	 *
	 * @param headers the file's headers, each with the column it maps to (null when the
	 * import does not read it)
	 * @param columns the columns read, in the file's order
	 * @param rows the first rows, each with its values of those columns
	 * @param problems what keeps the whole file from being imported (a required column no
	 * header maps to, two headers of one column); the rows are then not checked
	 * @param more whether the file has rows beyond those shown
	 */
	@NamedInterface("imports")
	public record Trial(List<Header> headers, List<String> columns, List<Row> rows, List<FieldError> problems,
			boolean more) {

		/** Whether the rows were checked (the file's columns could be mapped). */
		public boolean mapped() {
			return this.problems.isEmpty();
		}

	}

	/** A header of the sample and the column it maps to, if any. */
	@NamedInterface("imports")
	public record Header(int position, String name, @Nullable String column) {
	}

	/**
	 * A row of the sample as checked: its values of the columns read, and what the import
	 * would reject it for (errors) or drop from it (warnings).
	 */
	@NamedInterface("imports")
	public record Row(int line, List<String> values, List<FieldError> errors, List<FieldError> warnings) {

		/** Whether the import would take the row. */
		public boolean accepted() {
			return this.errors.isEmpty();
		}

	}

}
