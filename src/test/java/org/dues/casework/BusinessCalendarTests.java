package org.dues.casework;

import java.time.LocalDate;
import java.util.List;

import org.dues.messaging.letter.ValidationPeriod;
import org.dues.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The calendars against holidays as their governments publish them (gov.uk/bank-holidays
 * for England and Wales, OPM's federal holidays), not against the library's rules.
 */
class BusinessCalendarTests {

	private static final BusinessCalendar GB = BusinessCalendar.of(Jurisdiction.of("GB"));

	private static final BusinessCalendar US = BusinessCalendar.of(Jurisdiction.of("US"));

	private static final BusinessCalendar IN = BusinessCalendar.of(Jurisdiction.of("IN"));

	@ParameterizedTest(name = "{0} is a bank holiday in England and Wales")
	@CsvSource({ "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25",
			// Boxing Day 2026 is a Saturday: the substitute day is Monday 28 December
			"2026-12-28",
			// Christmas 2027 on a Saturday, Boxing Day on a Sunday: Monday 27 and Tuesday
			// 28
			"2027-12-27", "2027-12-28", "2027-03-26", "2027-03-29" })
	void englandAndWalesBankHolidays(LocalDate day) {
		assertThat(GB.isHoliday(day)).isTrue();
		assertThat(GB.isBusinessDay(day)).isFalse();
	}

	@Test
	void scotlandHasItsOwnHolidaysAndEnglandDoesNotHaveThem() {
		LocalDate secondJanuary = LocalDate.of(2026, 1, 2); // a Friday; a bank holiday in
															// Scotland only
		assertThat(GB.isBusinessDay(secondJanuary)).isTrue();
		assertThat(BusinessCalendar.of(Jurisdiction.of("GB-SCT")).isBusinessDay(secondJanuary)).isFalse();
		// Easter Monday is not a bank holiday in Scotland
		assertThat(BusinessCalendar.of(Jurisdiction.of("GB-SCT")).isBusinessDay(LocalDate.of(2026, 4, 6))).isTrue();
	}

	@ParameterizedTest(name = "{0} is a federal holiday")
	@CsvSource({ "2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25", "2026-06-19", "2026-07-03", "2026-09-07",
			"2026-10-12", "2026-11-11", "2026-11-26", "2026-12-25", "2027-06-18", "2027-07-05", "2027-10-11",
			"2027-12-24",
			// New Year's Day 2028 is a Saturday and is observed on Friday 31 December
			// 2027
			"2027-12-31" })
	void federalHolidaysAsOpmPublishesThem(LocalDate day) {
		assertThat(US.isBusinessDay(day)).isFalse();
	}

	@Test
	void theDayAfterThanksgivingIsAFederalBusinessDay() {
		assertThat(US.isBusinessDay(LocalDate.of(2026, 11, 27))).isTrue();
		assertThat(US.plusBusinessDays(LocalDate.of(2026, 11, 25), 2)).isEqualTo("2026-11-30");
	}

	@Test
	void aStateFallsBackToTheFederalCalendar() {
		BusinessCalendar massachusetts = BusinessCalendar.of(Jurisdiction.of("us-ma"));
		assertThat(massachusetts.jurisdiction().code()).isEqualTo("US-MA");
		// Patriots' Day (third Monday in April) is Massachusetts' own, not federal
		assertThat(massachusetts.isBusinessDay(LocalDate.of(2026, 4, 20))).isTrue();
		assertThat(massachusetts.isBusinessDay(LocalDate.of(2026, 11, 26))).isFalse();
		for (LocalDate day = LocalDate.of(2026, 1, 1); day.getYear() == 2026; day = day.plusDays(1)) {
			assertThat(massachusetts.isBusinessDay(day)).as(day.toString()).isEqualTo(US.isBusinessDay(day));
		}
	}

	@Test
	void theFederalCalendarCountsAsTheValidationPeriodDoes() {
		for (LocalDate sent = LocalDate.of(2025, 1, 1); sent
			.isBefore(LocalDate.of(2031, 1, 1)); sent = sent.plusDays(1)) {
			assertThat(US.plusBusinessDays(sent, ValidationPeriod.RECEIPT_DAYS)).as("sent " + sent)
				.isEqualTo(ValidationPeriod.assumedReceipt(sent));
		}
	}

	@Test
	void indiaHasItsNationalHolidaysAndACreditorsOwn() {
		assertThat(IN.isHoliday(LocalDate.of(2026, 1, 26))).isTrue();
		assertThat(IN.isHoliday(LocalDate.of(2026, 8, 15))).isTrue();
		assertThat(IN.isHoliday(LocalDate.of(2026, 10, 2))).isTrue();
		LocalDate pongal = LocalDate.of(2026, 1, 14);
		assertThat(IN.isBusinessDay(pongal)).isTrue();
		BusinessCalendar creditors = BusinessCalendar.of(Jurisdiction.of("IN"), List.of(pongal));
		assertThat(creditors.isBusinessDay(pongal)).isFalse();
		assertThat(creditors.extraHolidays()).containsExactly(pongal);
		// the shared calendar is not changed by a creditor's list
		assertThat(IN.isBusinessDay(pongal)).isTrue();
		// Monday 12 January 2026 + 3 business days: Thursday 15 with the extra holiday
		assertThat(creditors.plusBusinessDays(LocalDate.of(2026, 1, 12), 2)).isEqualTo("2026-01-15");
	}

	@Test
	void anIndianStateAddsItsOwnHolidays() {
		// Christmas is a holiday in Kerala, not among India's national ones in the
		// library
		assertThat(IN.isHoliday(LocalDate.of(2026, 12, 25))).isFalse();
		assertThat(BusinessCalendar.of(Jurisdiction.of("IN-KL")).isHoliday(LocalDate.of(2026, 12, 25))).isTrue();
	}

	@Test
	void weekendsAreNotBusinessDaysAnywhere() {
		BusinessCalendar nowhere = BusinessCalendar.of(Jurisdiction.of("ZZ"));
		assertThat(nowhere.isBusinessDay(LocalDate.of(2026, 12, 5))).isFalse();
		assertThat(nowhere.isBusinessDay(LocalDate.of(2026, 12, 6))).isFalse();
		assertThat(nowhere.isBusinessDay(LocalDate.of(2026, 12, 25))).isTrue();
		assertThat(nowhere.onOrNextBusinessDay(LocalDate.of(2026, 12, 5))).isEqualTo("2026-12-07");
	}

	@Test
	void aCodeThatIsNoJurisdictionIsRefused() {
		assertThatThrownBy(() -> Jurisdiction.of("United States")).isInstanceOf(InvalidInputException.class);
		assertThat(Jurisdiction.of(" gb-sct ").law()).isEqualTo(Law.GB);
		assertThat(Jurisdiction.of("DE").law()).isEqualTo(Law.OTHER);
	}

}
