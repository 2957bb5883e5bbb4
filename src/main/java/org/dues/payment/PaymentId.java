package org.dues.payment;

import java.util.UUID;

/** Identifies a payment. */
public record PaymentId(UUID value) {

	public static PaymentId random() {
		return new PaymentId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
