package org.dues.arrangement;

import java.time.LocalDate;

/** How often instalments fall due. */
public enum Frequency {

	WEEKLY, FORTNIGHTLY, MONTHLY;

	/**
	 * The due date of instalment {@code index} (0 for the first), months keeping the
	 * first's day.
	 */
	public LocalDate due(LocalDate first, int index) {
		return switch (this) {
			case WEEKLY -> first.plusWeeks(index);
			case FORTNIGHTLY -> first.plusWeeks(2L * index);
			case MONTHLY -> first.plusMonths(index);
		};
	}

}
