package org.dues.arrangement;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies an arrangement. */
public record ArrangementId(@JsonValue UUID value) {

	public static ArrangementId random() {
		return new ArrangementId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
