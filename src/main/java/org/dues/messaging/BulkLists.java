package org.dues.messaging;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Reads an uploaded list of accounts (CSV in UTF-8, with or without BOM, RFC 4180): a
 * header line naming {@code account_id} or {@code account_ref}, and optionally
 * {@code creditor} (a creditor's code), matched as the allocation file's headers are
 * (case, spaces, {@code _} and {@code -} ignored); then one account a line. Each line
 * that cannot be read is named with its reason; a file with any is refused whole.
 */
final class BulkLists {

	private BulkLists() {
	}

	/**
	 * The lines of the list, and those that cannot be read.
	 * @throws BulkListRefusedException naming the file when it is not UTF-8 text with a
	 * header that names an account column, or has too many lines
	 */
	static Read read(byte[] content, int most) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw refused(0, "", "the file is not UTF-8 text");
		}
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		List<Line> lines = new ArrayList<>();
		List<BulkListRefusedException.BadLine> bad = new ArrayList<>();
		try (CSVParser parser = CSVParser.builder()
			.setReader(new StringReader(text))
			.setFormat(CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(true).get())
			.get()) {
			int idColumn = -1;
			int refColumn = -1;
			int creditorColumn = -1;
			boolean header = true;
			long line = 1;
			int counted = 0;
			for (CSVRecord record : parser) {
				// positions only grow: count the line breaks since the last record
				int start = (int) Math.min(record.getCharacterPosition(), text.length());
				for (int i = counted; i < start; i++) {
					if (text.charAt(i) == '\n') {
						line++;
					}
				}
				counted = start;
				if (header) {
					header = false;
					for (int i = 0; i < record.size(); i++) {
						switch (record.get(i).toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "")) {
							case "accountid", "id" -> idColumn = i;
							case "accountref", "accountreference", "ref", "reference" -> refColumn = i;
							case "creditor", "creditorcode" -> creditorColumn = i;
							default -> {
							}
						}
					}
					if (idColumn < 0 && refColumn < 0) {
						throw refused(line, String.join(",", record.toList()),
								"the first line must name the column account_id or account_ref");
					}
					continue;
				}
				String id = cell(record, idColumn);
				String ref = cell(record, refColumn);
				String creditor = cell(record, creditorColumn);
				String said = String.join(",", record.toList());
				if (id == null && ref == null) {
					bad.add(new BulkListRefusedException.BadLine(line, said, "neither an account id nor a reference"));
					continue;
				}
				UUID uuid = null;
				if (id != null) {
					uuid = uuid(id);
					if (uuid == null) {
						bad.add(new BulkListRefusedException.BadLine(line, said,
								"'%s' is not an account id".formatted(id)));
						continue;
					}
				}
				lines.add(new Line(line, said, uuid, ref, creditor));
				if (lines.size() > most) {
					throw refused(line, said, "the list has more than %d accounts".formatted(most));
				}
			}
			if (header) {
				throw refused(0, "", "the file is empty");
			}
		}
		catch (IOException | IllegalStateException | java.io.UncheckedIOException ex) {
			throw refused(0, "", "the file is not CSV: " + ex.getMessage());
		}
		if (lines.isEmpty() && bad.isEmpty()) {
			throw refused(0, "", "the list names no account");
		}
		return new Read(lines, bad);
	}

	static BulkListRefusedException refused(long line, String value, String reason) {
		return new BulkListRefusedException(reason + "; nothing was queued",
				List.of(new BulkListRefusedException.BadLine(line, value, reason)));
	}

	private static @Nullable String cell(CSVRecord record, int column) {
		if (column < 0 || column >= record.size()) {
			return null;
		}
		String value = record.get(column).strip();
		return value.isEmpty() ? null : value;
	}

	private static @Nullable UUID uuid(String text) {
		try {
			return (text.length() == 36) ? UUID.fromString(text) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** The lines read, and those that cannot be, each with its reason. */
	record Read(List<Line> lines, List<BulkListRefusedException.BadLine> bad) {
	}

	/**
	 * A line of the list: an account id, or a reference (with its creditor's code when
	 * the line gives one).
	 */
	record Line(long line, String said, @Nullable UUID id, @Nullable String ref, @Nullable String creditor) {
	}

}
