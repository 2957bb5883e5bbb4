package org.dues.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.prowidesoftware.swift.model.SwiftBlock4;
import com.prowidesoftware.swift.model.Tag;
import com.prowidesoftware.swift.model.field.Field25;
import com.prowidesoftware.swift.model.field.Field28C;
import com.prowidesoftware.swift.model.field.Field60F;
import com.prowidesoftware.swift.model.field.Field61;
import com.prowidesoftware.swift.model.field.Field62F;
import com.prowidesoftware.swift.model.mt.mt9xx.MT940;
import org.jspecify.annotations.Nullable;

/**
 * Reads a SWIFT MT940 statement through Prowide Core: {@code :25:} account, {@code :28C:}
 * statement number, {@code :60F:} opening and {@code :62F:} closing balance, and each
 * {@code :61:} line with the {@code :86:} that follows it. A file of block 4 alone (as
 * banks often export it) is read as well as a full FIN message.
 */
class Mt940Parser {

	private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("uuMMdd");

	private static final Set<String> RETURNS = Set.of("RTN", "RTI");

	private static final Set<String> CHARGES = Set.of("CHG", "COM", "BNK");

	private static final Pattern NAME = Pattern.compile("/(?:NAME|ORDP)/([^/]+)");

	private static final Pattern EREF = Pattern.compile("/EREF/([^/\\s]+)");

	ParsedStatement parse(String text) {
		String fin = text.contains("{4:") ? text : wrap(text);
		MT940 mt;
		try {
			mt = MT940.parse(fin);
		}
		catch (RuntimeException ex) {
			throw new UnreadableStatementException("not an MT940 message: " + ex.getMessage());
		}
		SwiftBlock4 block = mt == null || mt.getSwiftMessage() == null ? null : mt.getSwiftMessage().getBlock4();
		if (block == null || block.isEmpty()) {
			throw new UnreadableStatementException("line 1: no MT940 fields (:20:, :25:, :60F:, :61:, :62F:) found");
		}
		Field25 account = mt.getField25();
		Field28C number = mt.getField28C();
		Field60F opening = mt.getField60F();
		Field62F closing = mt.getField62F();
		require(account, ":25:", "account identification", text);
		require(number, ":28C:", "statement number", text);
		require(opening, ":60F:", "opening balance", text);
		require(closing, ":62F:", "closing balance", text);
		List<Integer> lineNumbers = lineNumbersOf(text, ":61:");
		List<StatementLine> lines = new ArrayList<>();
		Field61 pending = null;
		int index = 0;
		for (Tag tag : block.getTags()) {
			if ("61".equals(tag.getName())) {
				if (pending != null) {
					lines.add(line(pending, null, lineAt(lineNumbers, index++)));
				}
				pending = new Field61(tag.getValue());
			}
			else if ("86".equals(tag.getName()) && pending != null) {
				lines.add(line(pending, tag.getValue(), lineAt(lineNumbers, index++)));
				pending = null;
			}
		}
		if (pending != null) {
			lines.add(line(pending, null, lineAt(lineNumbers, index)));
		}
		int openingLine = lineAt(lineNumbersOf(text, ":60F:"), 0);
		int closingLine = lineAt(lineNumbersOf(text, ":62F:"), 0);
		return new ParsedStatement(StatementFormat.MT940, ParsedStatement.account(accountPart(account.getAccount())),
				number.getValue(), date(opening.getDate(), openingLine, ":60F:"),
				date(closing.getDate(), closingLine, ":62F:"),
				Camt053Parser.currency(opening.getCurrency(), ":60F: currency"),
				signed(opening.getDCMark(), opening.getAmountAsBigDecimal(), openingLine, ":60F:"),
				signed(closing.getDCMark(), closing.getAmountAsBigDecimal(), closingLine, ":62F:"), List.copyOf(lines));
	}

	private static StatementLine line(Field61 f, @Nullable String info, int line) {
		String mark = f.getDebitCreditMark();
		if (mark == null || !Set.of("C", "D", "RC", "RD").contains(mark)) {
			throw new UnreadableStatementException(
					"line %d: :61: debit/credit mark '%s' is not C, D, RC or RD".formatted(line, mark));
		}
		BigDecimal amount = f.getAmountAsBigDecimal();
		if (amount == null || amount.signum() <= 0) {
			throw new UnreadableStatementException(
					"line %d: :61: amount '%s' is no positive amount".formatted(line, f.getAmount()));
		}
		String code = f.getIdentificationCode();
		boolean credit = "C".equals(mark) || "RD".equals(mark);
		StatementLine.EntryKind kind = StatementLine.EntryKind.TRANSFER;
		if (mark.startsWith("R") || (code != null && RETURNS.contains(code))) {
			kind = StatementLine.EntryKind.RETURN;
		}
		else if (code != null && CHARGES.contains(code)) {
			kind = StatementLine.EntryKind.CHARGE;
		}
		String remittance = info == null ? null : info.replaceAll("\\s*\\R\\s*", " ").strip();
		String ownerRef = blankToNull(f.getReferenceForTheAccountOwner());
		if ("NONREF".equals(ownerRef)) {
			ownerRef = null;
		}
		String endToEnd = find(EREF, remittance);
		return new StatementLine(line, credit, kind, amount, date(f.getValueDate(), line, ":61: value date"),
				blankToNull(f.getReferenceOfTheAccountServicingInstitution()), endToEnd != null ? endToEnd : ownerRef,
				find(NAME, remittance), null, remittance,
				(f.getTransactionType() == null ? "" : f.getTransactionType()) + (code == null ? "" : code));
	}

	private static @Nullable String find(Pattern pattern, @Nullable String text) {
		if (text == null) {
			return null;
		}
		Matcher m = pattern.matcher(text);
		return m.find() ? m.group(1).strip() : null;
	}

	private static BigDecimal signed(String mark, @Nullable BigDecimal amount, int line, String field) {
		if (amount == null) {
			throw new UnreadableStatementException("line %d: %s has no amount".formatted(line, field));
		}
		return "D".equals(mark) ? amount.negate() : amount;
	}

	private static LocalDate date(@Nullable String yymmdd, int line, String field) {
		try {
			return LocalDate.parse(yymmdd == null ? "" : yymmdd, YYMMDD);
		}
		catch (DateTimeParseException ex) {
			throw new UnreadableStatementException(
					"line %d: %s date '%s' is not YYMMDD".formatted(line, field, yymmdd));
		}
	}

	private static void require(@Nullable Object field, String tag, String what, String text) {
		if (field == null) {
			throw new UnreadableStatementException("field %s (%s) is missing".formatted(tag, what));
		}
	}

	private static String accountPart(String value) {
		int slash = value.lastIndexOf('/');
		return slash >= 0 ? value.substring(slash + 1) : value;
	}

	private static List<Integer> lineNumbersOf(String text, String tag) {
		List<Integer> found = new ArrayList<>();
		String[] rows = text.split("\\R", -1);
		for (int i = 0; i < rows.length; i++) {
			if (rows[i].startsWith(tag) || rows[i].startsWith("{4:" + tag)) {
				found.add(i + 1);
			}
		}
		return found;
	}

	private static int lineAt(List<Integer> lines, int index) {
		return index < lines.size() ? lines.get(index) : index + 1;
	}

	private static @Nullable String blankToNull(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	private static String wrap(String block4) {
		String body = block4.strip();
		if (body.endsWith("-")) {
			body = body.substring(0, body.length() - 1).strip();
		}
		return "{1:F01DUESXXXXAXXX0000000000}{2:O9400000000000DUESXXXXAXXX00000000000000000000N}{4:\n" + body + "\n-}";
	}

}
