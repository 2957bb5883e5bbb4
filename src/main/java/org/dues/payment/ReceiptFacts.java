package org.dues.payment;

import java.time.LocalDate;

import org.dues.portfolio.Amounts;
import org.dues.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * What a receipt states, gathered for its PDF.
 *
 * @param language the customer's language (en, hi or ml), the receipt's
 * @param maskedAccount the account's reference with all but its last four characters
 * hidden
 * @param allocation the signed change the payment made to each balance component
 * @param balanceAfter the account's balance right after the payment was posted
 * @param reversalReason why the payment was reversed, for a reversed one
 */
record ReceiptFacts(String language, String creditorName, String customerName, String maskedAccount,
		ReceiptView receipt, Money amount, PaymentChannel channel, String reference, LocalDate receivedOn,
		Amounts allocation, Money balanceAfter, boolean reversed, @Nullable String reversalReason) {

	static String mask(String accountRef) {
		int visible = Math.min(4, accountRef.length());
		return "X".repeat(Math.max(accountRef.length() - visible, 4))
				+ accountRef.substring(accountRef.length() - visible);
	}

}
