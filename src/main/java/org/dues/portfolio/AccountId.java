package org.dues.portfolio;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a account. */
public record AccountId(@JsonValue UUID value) {

	public static AccountId random() {
		return new AccountId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
