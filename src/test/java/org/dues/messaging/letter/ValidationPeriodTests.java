package org.dues.messaging.letter;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The validation period against dates worked out by hand and against the federal holidays
 * as the Office of Personnel Management publishes them for 2026 and 2027 (observed dates,
 * opm.gov/policy-data-oversight/pay-leave/federal-holidays), not against the rules the
 * code computes them by.
 */
class ValidationPeriodTests {

	/** OPM's list: the days federal offices close, observed days included. */
	private static final Set<LocalDate> OPM = Stream
		.of("2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25", "2026-06-19", "2026-07-03", "2026-09-07",
				"2026-10-12", "2026-11-11", "2026-11-26", "2026-12-25", "2027-01-01", "2027-01-18", "2027-02-15",
				"2027-05-31", "2027-06-18", "2027-07-05", "2027-09-06", "2027-10-11", "2027-11-11", "2027-11-25",
				"2027-12-24", "2027-12-31")
		.map(LocalDate::parse)
		.collect(java.util.stream.Collectors.toSet());

	@ParameterizedTest(name = "sent {0}: received {1}, period ends {2}")
	@CsvSource({
			// Wed before Thanksgiving: Thu 26 holiday, Fri 27 (1), weekend, Mon 30 (2),
			// Tue 1
			// (3), Wed 2 (4), Thu 3 (5); + 30 days
			"2026-11-25, 2026-12-03, 2027-01-02",
			// Christmas and New Year: Thu 24 (1), Fri 25 holiday, weekend, Mon 28 (2),
			// Tue 29
			// (3), Wed 30 (4), Thu 31 (5)
			"2026-12-23, 2026-12-31, 2027-01-30",
			// across New Year: Wed 30 (1), Thu 31 (2), Fri 1 holiday, weekend, Mon 4 (3),
			// Tue 5
			// (4), Wed 6 (5)
			"2026-12-29, 2027-01-06, 2027-02-05",
			// July 4 2026 is a Saturday: Friday 3 observed, weekend, Mon 6 .. Fri 10
			"2026-07-02, 2026-07-10, 2026-08-09",
			// a plain week: Mon 7 Dec, Tue 8 (1) .. Fri 11 (4), weekend, Mon 14 (5)
			"2026-12-07, 2026-12-14, 2027-01-13",
			// sent on a Saturday: Mon 7 .. Fri 11 (5)
			"2026-12-05, 2026-12-11, 2027-01-10",
			// Christmas 2027 on a Saturday, observed Friday 24; New Year 2028 on a
			// Saturday,
			// observed Friday 31: Wed 22 (1), Thu 23 (2), Mon 27 (3), Tue 28 (4), Wed 29
			// (5)
			"2027-12-21, 2027-12-29, 2028-01-28" })
	void workedByHand(LocalDate sent, LocalDate received, LocalDate ends) {
		assertThat(ValidationPeriod.assumedReceipt(sent)).isEqualTo(received);
		assertThat(ValidationPeriod.end(sent)).isEqualTo(ends);
	}

	@Test
	void everySendingDayOfTwoYearsAgreesWithOpmsList() {
		for (LocalDate sent = LocalDate.of(2026, 1, 1); sent
			.isBefore(LocalDate.of(2027, 12, 10)); sent = sent.plusDays(1)) {
			LocalDate day = sent;
			int left = 5;
			while (left > 0) {
				day = day.plusDays(1);
				boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
				if (!weekend && !OPM.contains(day)) {
					left--;
				}
			}
			assertThat(ValidationPeriod.assumedReceipt(sent)).as("sent %s", sent).isEqualTo(day);
			assertThat(ValidationPeriod.end(sent)).isEqualTo(day.plusDays(30));
		}
	}

	@Test
	void theHolidaysOfSection6103a() {
		assertThat(Stream.iterate(LocalDate.of(2026, 1, 1), (d) -> d.plusDays(1))
			.limit(365)
			.filter(ValidationPeriod::legalPublicHoliday)
			.map(LocalDate::toString)).containsExactly("2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25",
					"2026-06-19", "2026-07-04", "2026-09-07", "2026-10-12", "2026-11-11", "2026-11-26", "2026-12-25");
	}

}
