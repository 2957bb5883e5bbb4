package org.dues.payment;

import org.jspecify.annotations.Nullable;

/**
 * Which columns of a bank's CSV export hold what: the value date, either one signed
 * amount or a credit and a debit column, and optionally the bank's reference, the
 * remittance text and the payer's name. Header names are matched case-insensitively,
 * ignoring spaces, {@code _} and {@code -}.
 *
 * @param dateFormat a {@link java.time.format.DateTimeFormatter} pattern such as
 * {@code dd/MM/yyyy}
 */
public record StatementMapping(String name, String dateColumn, @Nullable String amountColumn,
		@Nullable String creditColumn, @Nullable String debitColumn, @Nullable String referenceColumn,
		@Nullable String remittanceColumn, @Nullable String nameColumn, String dateFormat) {

	public StatementMapping {
		if (amountColumn == null && (creditColumn == null || debitColumn == null)) {
			throw new org.dues.shared.InvalidInputException("amountColumn",
					"a mapping names an amount column, or both a credit and a debit column");
		}
		try {
			java.time.format.DateTimeFormatter.ofPattern(dateFormat);
		}
		catch (IllegalArgumentException ex) {
			throw new org.dues.shared.InvalidInputException("dateFormat",
					"'%s' is no date pattern".formatted(dateFormat));
		}
	}

}
