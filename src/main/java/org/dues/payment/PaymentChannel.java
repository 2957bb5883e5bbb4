package org.dues.payment;

/** How a payment reached the creditor. */
public enum PaymentChannel {

	UPI, CARD, BANK_TRANSFER, NETBANKING, ACH, CASH, CHEQUE, PAYMENT_LINK, WALLET, OTHER

}
