package org.dues.casework;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DisputeDeadlinesTests {

	private static final Jurisdiction US = Jurisdiction.of("US-MA");

	private static final BusinessCalendar FEDERAL = BusinessCalendar.of(US);

	/**
	 * Sent the Wednesday before Thanksgiving: received Thu 3 December, period ends 2
	 * January.
	 */
	private static final LocalDate SENT = LocalDate.of(2026, 11, 25);

	@Test
	void aDisputeOnTheLastDayOfTheValidationPeriodStopsCollection() {
		DisputeDeadlines dispute = DisputeDeadlines.assess(US, LocalDate.of(2027, 1, 2), SENT, FEDERAL);
		assertThat(dispute.holdsCollection()).isTrue();
		assertThat(dispute.validationPeriodEnds()).isEqualTo("2027-01-02");
		assertThat(dispute.why().key()).isEqualTo("casework.rule.dispute.US.within");
		assertThat(dispute.why().arguments()).containsExactly(SENT, LocalDate.parse("2026-12-03"),
				LocalDate.parse("2027-01-02"));
		assertThat(dispute.resolve().code()).isEqualTo("VERIFY");
		assertThat(dispute.dueOn()).isEqualTo("2027-02-01");
	}

	@Test
	void aDisputeTheDayAfterIsInvestigatedWithoutTheStop() {
		DisputeDeadlines dispute = DisputeDeadlines.assess(US, LocalDate.of(2027, 1, 3), SENT, FEDERAL);
		assertThat(dispute.holdsCollection()).isFalse();
		assertThat(dispute.why().key()).isEqualTo("casework.rule.dispute.US.after");
		assertThat(dispute.resolve().code()).isEqualTo("RESOLVE");
	}

	@Test
	void aDisputeBeforeAnyValidationNoticeStopsCollection() {
		DisputeDeadlines dispute = DisputeDeadlines.assess(US, LocalDate.of(2026, 11, 25), null, FEDERAL);
		assertThat(dispute.holdsCollection()).isTrue();
		assertThat(dispute.validationPeriodEnds()).isNull();
		assertThat(dispute.why().key()).isEqualTo("casework.rule.dispute.US.noNotice");
		// five business days around Thanksgiving: Fri 27, Mon 30, Tue 1, Wed 2, Thu 3
		assertThat(dispute.acknowledge().dueOn()).isEqualTo("2026-12-03");
	}

	@Test
	void anIndianDisputeIsAcknowledgedInTheCreditorsDaysWithoutAStop() {
		Jurisdiction india = Jurisdiction.of("IN");
		DisputeDeadlines dispute = DisputeDeadlines.assess(india, LocalDate.of(2026, 3, 2), SENT,
				BusinessCalendar.of(india));
		assertThat(dispute.holdsCollection()).isFalse();
		assertThat(dispute.validationPeriodEnds()).isNull();
		assertThat(dispute.acknowledge().dueOn()).isEqualTo("2026-03-09");
		assertThat(dispute.resolve().dueOn()).isEqualTo("2026-04-01");
		assertThat(dispute.why().key()).isEqualTo("casework.rule.dispute.noStop");

		DisputePolicy own = new DisputePolicy(Days.business(2), Days.business(10));
		DisputeDeadlines owned = DisputeDeadlines.assess(india, LocalDate.of(2026, 1, 23), null, own,
				BusinessCalendar.of(india));
		// Fri 23, Mon 26 Republic Day, Tue 27 (1), Wed 28 (2)
		assertThat(owned.acknowledge().dueOn()).isEqualTo("2026-01-28");
	}

	@Test
	void anEnglishDisputeSuspendsRecovery() {
		Jurisdiction gb = Jurisdiction.of("GB");
		DisputeDeadlines dispute = DisputeDeadlines.assess(gb, LocalDate.of(2026, 3, 2), null, BusinessCalendar.of(gb));
		assertThat(dispute.holdsCollection()).isTrue();
		assertThat(dispute.why().key()).isEqualTo("casework.rule.dispute.GB");
	}

}
