package org.dues.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A bank statement as read from its file, before any check.
 *
 * @param bankAccount the statement's account, upper case, letters and digits only
 * @param number the statement's number (a CSV's: a digest of the file)
 * @param opening the opening booked balance, signed; null when the file has none (CSV)
 * @param closing the closing booked balance, signed
 */
record ParsedStatement(StatementFormat format, String bankAccount, String number, LocalDate from, LocalDate to,
		Currency currency, @Nullable BigDecimal opening, @Nullable BigDecimal closing, List<StatementLine> lines) {

	BigDecimal credits() {
		return this.lines.stream()
			.filter(StatementLine::credit)
			.map(StatementLine::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	BigDecimal debits() {
		return this.lines.stream()
			.filter((l) -> !l.credit())
			.map(StatementLine::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	static String account(String raw) {
		return raw.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "");
	}

}
