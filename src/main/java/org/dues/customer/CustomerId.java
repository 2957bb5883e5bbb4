package org.dues.customer;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a customer. */
public record CustomerId(@JsonValue UUID value) {

	public static CustomerId random() {
		return new CustomerId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
