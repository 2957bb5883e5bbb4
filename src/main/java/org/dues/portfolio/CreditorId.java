package org.dues.portfolio;

import java.util.UUID;

/** Identifies a creditor. */
public record CreditorId(UUID value) {

	public static CreditorId random() {
		return new CreditorId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
