package org.dues.casework;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.dues.portfolio.CreditorView;
import org.dues.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * When a dispute or complaint was received, in the creditor's time zone: the day given
 * (today when none), never after today; and the moment a hold it places takes effect from
 * (now for one received today, else the start of that day).
 */
record Received(LocalDate day, Instant holdFrom) {

	static Received of(@Nullable LocalDate given, CreditorView creditor, Clock clock) {
		LocalDate today = LocalDate.now(clock.withZone(creditor.timeZone()));
		LocalDate day = (given != null) ? given : today;
		if (day.isAfter(today)) {
			throw new InvalidInputException("receivedOn", "is after today (%s)".formatted(today));
		}
		return new Received(day,
				day.equals(today) ? clock.instant() : day.atStartOfDay(creditor.timeZone()).toInstant());
	}

}
