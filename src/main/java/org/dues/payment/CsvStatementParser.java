package org.dues.payment;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Reads a bank's CSV export through a {@link StatementMapping}. A CSV carries no
 * balances, so its balance check is skipped; its number is a digest of the file, so the
 * same file again is a repeat.
 */
class CsvStatementParser {

	ParsedStatement parse(byte[] file, StatementMapping mapping, String bankAccount, Currency currency) {
		String text = new String(file, StandardCharsets.UTF_8);
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		DateTimeFormatter dates = DateTimeFormatter.ofPattern(mapping.dateFormat(), Locale.ROOT);
		List<StatementLine> lines = new ArrayList<>();
		try (CSVParser csv = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreEmptyLines(true)
			.get()
			.parse(new StringReader(text))) {
			Map<String, String> headers = new java.util.HashMap<>();
			csv.getHeaderNames().forEach((h) -> headers.put(key(h), h));
			String date = column(headers, mapping.dateColumn(), true);
			String amount = column(headers, mapping.amountColumn(), mapping.amountColumn() != null);
			String credit = column(headers, mapping.creditColumn(), mapping.amountColumn() == null);
			String debit = column(headers, mapping.debitColumn(), mapping.amountColumn() == null);
			String reference = column(headers, mapping.referenceColumn(), false);
			String remittance = column(headers, mapping.remittanceColumn(), false);
			String name = column(headers, mapping.nameColumn(), false);
			for (CSVRecord row : csv) {
				int line = (int) row.getRecordNumber() + 1;
				BigDecimal signed;
				if (amount != null) {
					signed = decimal(row.get(amount), line, amount);
				}
				else {
					BigDecimal in = decimal(row.get(credit), line, credit);
					BigDecimal out = decimal(row.get(debit), line, debit);
					signed = in.subtract(out);
				}
				if (signed.signum() == 0) {
					throw new UnreadableStatementException("line %d: the amount is zero".formatted(line));
				}
				LocalDate valueDate;
				try {
					valueDate = LocalDate.parse(row.get(date).strip(), dates);
				}
				catch (DateTimeParseException ex) {
					throw new UnreadableStatementException("line %d: column %s: '%s' is not a date as %s"
						.formatted(line, date, row.get(date), mapping.dateFormat()));
				}
				String text1 = value(row, remittance);
				String ref = value(row, reference);
				String upper = text1 == null ? "" : text1.toUpperCase(Locale.ROOT);
				StatementLine.EntryKind kind = upper.contains("RETURN") || upper.startsWith("RTN")
						? StatementLine.EntryKind.RETURN
						: upper.contains("CHARGE") ? StatementLine.EntryKind.CHARGE : StatementLine.EntryKind.TRANSFER;
				lines.add(new StatementLine(line, signed.signum() > 0, kind, signed.abs(), valueDate, ref, null,
						value(row, name), null, text1, null));
			}
		}
		catch (IOException | IllegalStateException | IllegalArgumentException ex) {
			if (ex instanceof UnreadableStatementException u) {
				throw u;
			}
			throw new UnreadableStatementException("not a readable CSV file: " + ex.getMessage());
		}
		if (lines.isEmpty()) {
			throw new UnreadableStatementException("line 2: the file has no entries");
		}
		LocalDate from = lines.stream().map(StatementLine::valueDate).min(LocalDate::compareTo).orElseThrow();
		LocalDate to = lines.stream().map(StatementLine::valueDate).max(LocalDate::compareTo).orElseThrow();
		return new ParsedStatement(StatementFormat.CSV, bankAccount, digest(file), from, to, currency, null, null,
				List.copyOf(lines));
	}

	private static @Nullable String column(Map<String, String> headers, @Nullable String wanted, boolean required) {
		if (wanted == null) {
			return null;
		}
		String found = headers.get(key(wanted));
		if (found == null && required) {
			throw new UnreadableStatementException(
					"line 1: the mapping's column '%s' is not in the header".formatted(wanted));
		}
		return found;
	}

	private static @Nullable String value(CSVRecord row, @Nullable String column) {
		if (column == null || !row.isSet(column)) {
			return null;
		}
		String v = row.get(column).strip();
		return v.isEmpty() ? null : v;
	}

	private static BigDecimal decimal(String raw, int line, String column) {
		String s = raw.strip().replace(",", "");
		if (s.isEmpty()) {
			return BigDecimal.ZERO;
		}
		try {
			return new BigDecimal(s);
		}
		catch (NumberFormatException ex) {
			throw new UnreadableStatementException(
					"line %d: column %s: '%s' is no amount".formatted(line, column, raw));
		}
	}

	private static String key(String header) {
		return header.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
	}

	private static String digest(byte[] file) {
		try {
			return "SHA256:"
					+ HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file)).substring(0, 32);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
