package org.dues.portfolio;

import java.util.UUID;

/** Identifies a account. */
public record AccountId(UUID value) {

	public static AccountId random() {
		return new AccountId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
