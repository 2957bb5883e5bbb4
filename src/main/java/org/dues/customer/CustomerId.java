package org.dues.customer;

import java.util.UUID;

/** Identifies a customer. */
public record CustomerId(UUID value) {

	public static CustomerId random() {
		return new CustomerId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
