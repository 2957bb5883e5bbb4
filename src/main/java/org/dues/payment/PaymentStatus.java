package org.dues.payment;

/** Whether a payment stands or was reversed. */
public enum PaymentStatus {

	POSTED, REVERSED

}
