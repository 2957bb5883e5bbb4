package org.dues.casework;

import java.time.LocalDate;
import java.util.Map;

import org.dues.shared.Phrase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class LimitationTests {

	private final Limitation limitation = new Limitation();

	private static LimitationFacts facts(String jurisdiction, String defaulted) {
		return new LimitationFacts(Jurisdiction.of(jurisdiction), LocalDate.parse(defaulted), null, null);
	}

	@Test
	void anIndianDebtIsInTimeOnItsThirdAnniversaryAndBarredTheDayAfter() {
		LimitationFacts facts = facts("IN", "2020-01-15");
		Limitation.Assessment lastDay = this.limitation.assess(facts, LocalDate.of(2023, 1, 15));
		assertThat(lastDay.barred()).isFalse();
		assertThat(lastDay.lastDayToSue()).isEqualTo("2023-01-15");
		assertThat(lastDay.barredFrom()).isEqualTo("2023-01-16");
		assertThat(lastDay.years()).isEqualTo(3);
		Limitation.Assessment after = this.limitation.assess(facts, LocalDate.of(2023, 1, 16));
		assertThat(after.barred()).isTrue();
		assertThat(keys(after.reason())).containsExactly("casework.rule.limitation.IN",
				"casework.rule.limitation.barred");
	}

	@Test
	void aPaymentOrAcknowledgementWithinThePeriodStartsItAfresh() {
		LimitationFacts paid = new LimitationFacts(Jurisdiction.of("IN"), LocalDate.of(2020, 1, 15),
				LocalDate.of(2022, 6, 1), null);
		Limitation.Assessment assessment = this.limitation.assess(paid, LocalDate.of(2024, 1, 1));
		assertThat(assessment.barred()).isFalse();
		assertThat(assessment.runsFrom()).isEqualTo("2022-06-01");
		assertThat(assessment.lastDayToSue()).isEqualTo("2025-06-01");

		// a payment restarts it, and an acknowledgement within the new period again
		LimitationFacts both = new LimitationFacts(Jurisdiction.of("IN"), LocalDate.of(2020, 1, 15),
				LocalDate.of(2022, 6, 1), LocalDate.of(2025, 5, 30));
		assertThat(this.limitation.assess(both, LocalDate.of(2026, 1, 1)).lastDayToSue()).isEqualTo("2028-05-30");
	}

	@Test
	void aPaymentAfterTheDebtWasBarredDoesNotReviveIt() {
		LimitationFacts late = new LimitationFacts(Jurisdiction.of("GB"), LocalDate.of(2015, 3, 1),
				LocalDate.of(2021, 3, 2), null);
		Limitation.Assessment assessment = this.limitation.assess(late, LocalDate.of(2022, 1, 1));
		assertThat(assessment.barred()).isTrue();
		assertThat(assessment.runsFrom()).isEqualTo("2015-03-01");
		assertThat(assessment.barredFrom()).isEqualTo("2021-03-02");
		assertThat(keys(assessment.reason())).containsExactly("casework.rule.limitation.GB",
				"casework.rule.limitation.barred", "casework.rule.limitation.noRevival");
		// paid on the last day: still in time, and it restarts the six years
		LimitationFacts lastDay = new LimitationFacts(Jurisdiction.of("GB"), LocalDate.of(2015, 3, 1),
				LocalDate.of(2021, 3, 1), null);
		assertThat(this.limitation.assess(lastDay, LocalDate.of(2022, 1, 1)).lastDayToSue()).isEqualTo("2027-03-01");
	}

	@ParameterizedTest(name = "{0}: {1} years")
	@CsvSource({ "GB, 6", "GB-NIR, 6", "GB-SCT, 5", "IN, 3", "IN-KL, 3", "US-CA, 4", "US-NY, 3", "US-TX, 4", "US-FL, 5",
			"US-MA, 6", "US-OH, 3", "US, 3" })
	void periodsByJurisdiction(String jurisdiction, int years) {
		Limitation.Assessment assessment = this.limitation.assess(facts(jurisdiction, "2020-02-29"),
				LocalDate.of(2021, 1, 1));
		assertThat(assessment.years()).isEqualTo(years);
		// from 29 February, the anniversary in a common year is 28 February
		assertThat(assessment.lastDayToSue()).isEqualTo(LocalDate.of(2020, 2, 29).plusYears(years));
	}

	@Test
	void aTimeBarredAmericanDebtCitesRegulationF() {
		Limitation.Assessment assessment = this.limitation.assess(facts("US-NY", "2022-01-10"),
				LocalDate.of(2025, 1, 11));
		assertThat(assessment.barred()).isTrue();
		assertThat(keys(assessment.reason())).containsExactly("casework.rule.limitation.US.state",
				"casework.rule.limitation.barred", "casework.rule.limitation.regF");
		assertThat(((Phrase) assessment.reason().arguments().get(0)).arguments()).containsExactly("NY", 3);
	}

	@Test
	void theStatesTableAndTheDefaultAreConfigurable() {
		Limitation configured = new Limitation(Map.of("OH", 6), 5);
		assertThat(configured.assess(facts("US-OH", "2020-01-01"), LocalDate.of(2024, 1, 1)).years()).isEqualTo(6);
		assertThat(configured.assess(facts("US-NY", "2020-01-01"), LocalDate.of(2024, 1, 1)).years()).isEqualTo(5);
		Limitation.Assessment fallback = configured.assess(facts("US", "2020-01-01"), LocalDate.of(2024, 1, 1));
		assertThat(fallback.reason().arguments().get(0))
			.isEqualTo(Phrase.of("casework.rule.limitation.US.default", "US", 5));
	}

	@Test
	void anotherCountrysDebtIsNotTakenAsBarred() {
		Limitation.Assessment assessment = this.limitation.assess(facts("DE", "2000-01-01"), LocalDate.of(2026, 1, 1));
		assertThat(assessment.barred()).isFalse();
		assertThat(assessment.lastDayToSue()).isNull();
		assertThat(assessment.barredFrom()).isNull();
		assertThat(assessment.reason().key()).isEqualTo("casework.rule.limitation.unknown");
	}

	static java.util.List<String> keys(Phrase phrase) {
		return phrase.joined() ? phrase.arguments().stream().map((p) -> ((Phrase) p).key()).toList()
				: java.util.List.of(phrase.key());
	}

}
