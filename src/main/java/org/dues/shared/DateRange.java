package org.dues.shared;

import java.time.LocalDate;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A range of business dates, both ends inclusive; an open end is {@code null}.
 */
public record DateRange(LocalDate from, @Nullable LocalDate to) {

	public DateRange {
		Objects.requireNonNull(from, "from");
		if (to != null && to.isBefore(from)) {
			throw new IllegalArgumentException("range ends %s before it starts %s".formatted(to, from));
		}
	}

	public boolean contains(LocalDate date) {
		return !date.isBefore(this.from) && (this.to == null || !date.isAfter(this.to));
	}

}
