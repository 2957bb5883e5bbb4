package org.dues.portfolio;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a account (serializable: it travels in web sessions, which are stored). */
public record AccountId(@JsonValue UUID value) implements java.io.Serializable {

	public static AccountId random() {
		return new AccountId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
