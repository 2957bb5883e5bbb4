package org.dues.payment;

/** How payments made from bank statements are referenced, so each posts once. */
final class PaymentReferences {

	private PaymentReferences() {
	}

	/** The reference of the payment a bank transaction makes: {@code BANK:<bank ref>}. */
	static String bank(String bankReference) {
		return "BANK:" + bankReference;
	}

}
