package org.dues.casework;

import java.util.UUID;

/** A field visit's id. */
public record VisitId(UUID value) {

	@Override
	public String toString() {
		return this.value.toString();
	}

}
