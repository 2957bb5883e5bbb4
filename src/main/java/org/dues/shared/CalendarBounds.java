package org.dues.shared;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

/**
 * The dates Dues accepts in any input: from 1900-01-01 to 2199-12-31. A date outside them
 * ({@code +999999999-12-31}, say) is a typing or a probing mistake, and would overflow
 * the arithmetic of schedules or the database's own range.
 */
public final class CalendarBounds {

	public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

	public static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

	static final String OUTSIDE = "must lie between %s and %s".formatted(EARLIEST, LATEST);

	private CalendarBounds() {
	}

	public static boolean contains(LocalDate date) {
		return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
	}

	public static boolean contains(Instant instant) {
		return !instant.isBefore(EARLIEST.atStartOfDay().toInstant(ZoneOffset.UTC))
				&& instant.isBefore(LATEST.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
	}

	/** What to tell the sender of a date outside the bounds. */
	public static String outside() {
		return OUTSIDE;
	}

	/**
	 * An ISO date ({@code yyyy-MM-dd}) within the bounds, or null for a blank text.
	 * @throws InvalidInputException naming {@code field} when it is not one
	 */
	public static @Nullable LocalDate parse(String field, @Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		LocalDate date;
		try {
			date = LocalDate.parse(text.strip());
		}
		catch (DateTimeException ex) {
			throw new InvalidInputException(field, "'%s' is not a date yyyy-MM-dd".formatted(text.strip()),
					Phrase.of("validation.date", Phrase.of("validation.field." + field), text.strip()));
		}
		return check(field, date);
	}

	/**
	 * An ISO local date and time ({@code yyyy-MM-ddTHH:mm}) within the bounds, or null
	 * for a blank text.
	 * @throws InvalidInputException naming {@code field} when it is not one
	 */
	public static @Nullable LocalDateTime parseDateTime(String field, @Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		LocalDateTime time;
		try {
			time = LocalDateTime.parse(text.strip());
		}
		catch (DateTimeException ex) {
			throw new InvalidInputException(field, "'%s' is not a date and time".formatted(text.strip()),
					Phrase.of("validation.dateTime", Phrase.of("validation.field." + field), text.strip()));
		}
		check(field, time.toLocalDate());
		return time;
	}

	/**
	 * The date itself when within the bounds.
	 * @throws InvalidInputException naming {@code field} when it is not
	 */
	public static LocalDate check(String field, LocalDate date) {
		if (!contains(date)) {
			throw new InvalidInputException(field, OUTSIDE,
					Phrase.of("validation.date.bounds", Phrase.of("validation.field." + field), EARLIEST, LATEST));
		}
		return date;
	}

}
