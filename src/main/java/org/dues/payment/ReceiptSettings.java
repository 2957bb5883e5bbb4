package org.dues.payment;

import java.time.MonthDay;
import java.util.Map;

import org.dues.portfolio.CreditorView;

/**
 * How a creditor numbers its receipts: the prefix of each number (the creditor's code
 * unless set) and the first day of its financial year (unless set, by the creditor's
 * country: India's and the United Kingdom's companies' year starts on 1 April, any other
 * on 1 January).
 */
public record ReceiptSettings(String prefix, MonthDay yearStarts) {

	private static final Map<String, MonthDay> BY_COUNTRY = Map.of("IN", MonthDay.of(4, 1), "GB", MonthDay.of(4, 1));

	/** The defaults for a creditor that set none. */
	static ReceiptSettings defaults(CreditorView creditor) {
		return new ReceiptSettings(creditor.code(), BY_COUNTRY.getOrDefault(creditor.country(), MonthDay.of(1, 1)));
	}

	/** The receipt number of the {@code sequence}th receipt of the year. */
	String number(FinancialYear year, long sequence) {
		return "%s/%s/%06d".formatted(this.prefix, year.label(), sequence);
	}

}
