package org.dues.payment;

import java.util.UUID;

/** Identifies a payment link. */
public record PaymentLinkId(UUID value) {

	public static PaymentLinkId random() {
		return new PaymentLinkId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
