package org.dues.payment;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A payment's receipt.
 *
 * @param number the number the customer holds: the book leaf's for cash or a cheque
 * written on a receipt book in the field, else the system's
 * @param systemNumber the number from the creditor's gapless series, which every receipt
 * has
 * @param bookNumber the receipt book's leaf ({@code SERIES/NUMBER}), if one was written
 * @param financialYear the label of the financial year the system number counts in
 * @param issuedOn the day it was issued, in the creditor's time zone
 */
public record ReceiptView(PaymentId payment, String number, String systemNumber, @Nullable String bookNumber,
		String financialYear, Instant issuedAt, LocalDate issuedOn) {
}
