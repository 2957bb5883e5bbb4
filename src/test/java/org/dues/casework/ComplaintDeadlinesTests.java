package org.dues.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.dues.casework.ComplaintDeadlines.Letter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ComplaintDeadlinesTests {

	private static final Jurisdiction GB = Jurisdiction.of("GB");

	private static final Jurisdiction IN = Jurisdiction.of("IN");

	private static final Jurisdiction US = Jurisdiction.of("US");

	@Test
	void anEnglishComplaintReceivedTheThursdayBeforeEasterSkipsGoodFridayAndEasterMonday() {
		LocalDate thursday = LocalDate.of(2026, 4, 2);
		ComplaintDeadlines deadlines = ComplaintDeadlines.compute(GB, thursday, BusinessCalendar.of(GB));
		// Fri 3 Good Friday, weekend, Mon 6 Easter Monday; Tue 7, Wed 8, Thu 9
		assertThat(deadlines.summaryResolution().dueOn()).isEqualTo("2026-04-09");
		// eight weeks after receipt (DISP 1.6.2R): calendar weeks, holidays or not
		assertThat(deadlines.finalResponse().dueOn()).isEqualTo("2026-05-28");
		assertThat(deadlines.dueOn()).isEqualTo("2026-05-28");
		assertThat(deadlines.ombudsmanFrom().dueOn()).isEqualTo("2026-05-29");
		// five business days to acknowledge by default: Tue 7 … Mon 13
		assertThat(deadlines.acknowledge().dueOn()).isEqualTo("2026-04-13");
		assertThat(deadlines.summaryResolution().why().key()).isEqualTo("casework.rule.complaint.summary.GB");
		assertThat(deadlines.summaryResolution().why().arguments()).containsExactly(thursday,
				LocalDate.parse("2026-04-09"));
		assertThat(deadlines.all()).extracting(Deadline::code)
			.containsExactly("ACKNOWLEDGE", "SUMMARY_RESOLUTION", "FINAL_RESPONSE", "OMBUDSMAN_FROM");
	}

	@Test
	void anEnglishComplaintOnASaturdayCountsFromTheSaturday() {
		ComplaintDeadlines deadlines = ComplaintDeadlines.compute(GB, LocalDate.of(2026, 12, 5),
				BusinessCalendar.of(GB));
		assertThat(deadlines.summaryResolution().dueOn()).isEqualTo("2026-12-09");
	}

	@Test
	void anEnglishComplaintAroundChristmasSkipsTheSubstituteBoxingDay() {
		// Wed 23 Dec 2026: Thu 24 (1), Fri 25 Christmas, weekend, Mon 28 substitute, Tue
		// 29
		// (2), Wed 30 (3)
		ComplaintDeadlines deadlines = ComplaintDeadlines.compute(GB, LocalDate.of(2026, 12, 23),
				BusinessCalendar.of(GB));
		assertThat(deadlines.summaryResolution().dueOn()).isEqualTo("2026-12-30");
	}

	@Test
	void theFinalResponseAndAnyLetterAfterEightWeeksCarryTheFinancialOmbudsmanWording() {
		ComplaintDeadlines deadlines = ComplaintDeadlines.compute(GB, LocalDate.of(2026, 4, 2),
				BusinessCalendar.of(GB));
		assertThat(deadlines.ombudsmanRouteRequired(Letter.ACKNOWLEDGEMENT, LocalDate.of(2026, 4, 3))).isFalse();
		assertThat(deadlines.ombudsmanRouteRequired(Letter.SUMMARY_RESOLUTION, LocalDate.of(2026, 4, 7))).isTrue();
		assertThat(deadlines.ombudsmanRouteRequired(Letter.FINAL_RESPONSE, LocalDate.of(2026, 4, 20))).isTrue();
		assertThat(deadlines.ombudsmanRouteRequired(Letter.HOLDING_RESPONSE, LocalDate.of(2026, 5, 28))).isFalse();
		assertThat(deadlines.ombudsmanRouteRequired(Letter.HOLDING_RESPONSE, LocalDate.of(2026, 5, 29))).isTrue();
		assertThat(deadlines.ombudsmanWording())
			.hasValueSatisfying((p) -> assertThat(p.key()).isEqualTo("casework.rule.complaint.wording.GB"));
	}

	@Test
	void anIndianComplaintIsDueInThirtyDaysAndThenTheRbiOmbudsmanIsOpen() {
		LocalDate received = LocalDate.of(2026, 1, 10); // a Saturday
		ComplaintDeadlines deadlines = ComplaintDeadlines.compute(IN, received, BusinessCalendar.of(IN));
		assertThat(deadlines.summaryResolution()).isNull();
		assertThat(deadlines.finalResponse().dueOn()).isEqualTo("2026-02-09");
		assertThat(deadlines.ombudsmanFrom().dueOn()).isEqualTo("2026-02-10");
		assertThat(deadlines.finalResponse().why().key()).isEqualTo("casework.rule.complaint.final.IN");
		// five business days: Mon 12 … Fri 16
		assertThat(deadlines.acknowledge().dueOn()).isEqualTo("2026-01-16");
		// the final letter always names the Ombudsman route; others once 30 days have
		// passed
		assertThat(deadlines.ombudsmanRouteRequired(Letter.FINAL_RESPONSE, LocalDate.of(2026, 1, 20))).isTrue();
		assertThat(deadlines.ombudsmanRouteRequired(Letter.ACKNOWLEDGEMENT, LocalDate.of(2026, 1, 12))).isFalse();
		assertThat(deadlines.ombudsmanRouteRequired(Letter.HOLDING_RESPONSE, LocalDate.of(2026, 2, 9))).isFalse();
		assertThat(deadlines.ombudsmanRouteRequired(Letter.HOLDING_RESPONSE, LocalDate.of(2026, 2, 10))).isTrue();
		assertThat(deadlines.ombudsmanWording())
			.hasValueSatisfying((p) -> assertThat(p.key()).isEqualTo("casework.rule.complaint.wording.IN"));
	}

	@Test
	void anIndianCreditorsOwnHolidaysAndDaysMoveTheAcknowledgement() {
		LocalDate received = LocalDate.of(2026, 1, 12); // Monday
		BusinessCalendar calendar = BusinessCalendar.of(IN, List.of(LocalDate.of(2026, 1, 14)));
		ComplaintPolicy policy = new ComplaintPolicy(Days.business(3), Days.calendar(30));
		ComplaintDeadlines deadlines = ComplaintDeadlines.compute(IN, received, policy, calendar);
		// Tue 13 (1), Wed 14 the creditor's holiday, Thu 15 (2), Fri 16 (3)
		assertThat(deadlines.acknowledge().dueOn()).isEqualTo("2026-01-16");
		// the 30 days are the RBI's, not the creditor's, and are calendar days
		assertThat(deadlines.finalResponse().dueOn()).isEqualTo("2026-02-11");
	}

	@Test
	void anAmericanComplaintFollowsTheCreditorsPolicyWithoutAnOmbudsman() {
		LocalDate received = LocalDate.of(2026, 11, 20); // Friday before Thanksgiving
															// week
		ComplaintDeadlines defaults = ComplaintDeadlines.compute(US, received, BusinessCalendar.of(US));
		assertThat(defaults.acknowledge().dueOn()).isEqualTo("2026-12-05");
		assertThat(defaults.finalResponse().dueOn()).isEqualTo("2026-12-20");
		assertThat(defaults.finalResponse().why().key()).isEqualTo("casework.rule.complaint.final.policy");
		assertThat(defaults.ombudsmanFrom()).isNull();
		assertThat(defaults.ombudsmanWording()).isEmpty();
		assertThat(defaults.ombudsmanRouteRequired(Letter.FINAL_RESPONSE, LocalDate.of(2026, 12, 1))).isFalse();

		ComplaintPolicy business = new ComplaintPolicy(Days.business(15), Days.business(30));
		ComplaintDeadlines counted = ComplaintDeadlines.compute(Jurisdiction.of("US-MA"), received, business,
				BusinessCalendar.of(Jurisdiction.of("US-MA")));
		// Mon 23 … Wed 25 (3), Thanksgiving, Fri 27 (4), Mon 30 (5) … Mon 14 December
		// (15)
		assertThat(counted.acknowledge().dueOn()).isEqualTo("2026-12-14");
	}

	@Test
	void theDayOfReceiptIsTheJurisdictionsDay() {
		Instant lateThursdayInLondon = Instant.parse("2026-04-02T22:30:00Z");
		assertThat(ComplaintDeadlines.receivedOn(lateThursdayInLondon, ZoneId.of("Europe/London")))
			.isEqualTo("2026-04-02");
		assertThat(ComplaintDeadlines.receivedOn(lateThursdayInLondon, ZoneId.of("Asia/Kolkata")))
			.isEqualTo("2026-04-03");
	}

}
