package org.dues.arrangement;

import java.time.LocalDate;
import java.util.List;

import org.dues.shared.InvalidInputException;
import org.dues.shared.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ScheduleTests {

	static Money inr(String amount) {
		return Money.of(amount, "INR");
	}

	@Test
	void equalInstalmentsPutTheRemainderOnTheLast() {
		Schedule schedule = Schedule.equal(inr("10000.00"), 3, LocalDate.of(2026, 12, 5), Frequency.MONTHLY);
		assertThat(schedule.instalments()).extracting((i) -> i.amount().amount().toPlainString())
			.containsExactly("3333.33", "3333.33", "3333.34");
		assertThat(schedule.total()).isEqualTo(inr("10000.00"));
		assertThat(Schedule.equal(Money.of("100", "JPY"), 3, LocalDate.of(2026, 12, 5), Frequency.WEEKLY).instalments())
			.extracting((i) -> i.amount().amount().toPlainString())
			.containsExactly("33", "33", "34");
	}

	@Test
	void monthlyDatesKeepTheFirstDayAndFortnightsAreFourteenDays() {
		assertThat(Schedule.equal(inr("300.00"), 3, LocalDate.of(2027, 1, 31), Frequency.MONTHLY).instalments())
			.extracting(Schedule.Instalment::dueOn)
			.containsExactly(LocalDate.of(2027, 1, 31), LocalDate.of(2027, 2, 28), LocalDate.of(2027, 3, 31));
		assertThat(Schedule.equal(inr("300.00"), 3, LocalDate.of(2026, 12, 1), Frequency.FORTNIGHTLY).instalments())
			.extracting(Schedule.Instalment::dueOn)
			.containsExactly(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 15), LocalDate.of(2026, 12, 29));
	}

	@Test
	void aStepUpPlanStartsLowAndSpreadsTheRest() {
		Schedule schedule = Schedule.stepUp(inr("12000.00"), 6, inr("1000.00"), LocalDate.of(2026, 12, 1),
				Frequency.MONTHLY);
		assertThat(schedule.instalments()).extracting((i) -> i.amount().amount().toPlainString())
			.containsExactly("1000.00", "1000.00", "1000.00", "3000.00", "3000.00", "3000.00");
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(
				() -> Schedule.stepUp(inr("12000.00"), 6, inr("5000.00"), LocalDate.of(2026, 12, 1), Frequency.MONTHLY))
			.satisfies((ex) -> assertThat(ex.errors().get(0).field()).isEqualTo("initialAmount"));
	}

	@Test
	void aCustomScheduleMustAddUpAndMoveForward() {
		var first = new Schedule.Instalment(LocalDate.of(2026, 12, 1), inr("500.00"));
		var second = new Schedule.Instalment(LocalDate.of(2027, 1, 1), inr("700.00"));
		assertThat(Schedule.custom(List.of(first, second), inr("1200.00")).total()).isEqualTo(inr("1200.00"));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> Schedule.custom(List.of(first, second), inr("1300.00")))
			.withMessageContaining("adds up to 1200.00, not the 1300.00 agreed");
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> Schedule.custom(List.of(second, first), inr("1200.00")))
			.satisfies((ex) -> assertThat(ex.errors().get(0).field()).isEqualTo("schedule[1].dueOn"));
	}

	@Test
	void noInstalmentMayRoundToNothing() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> Schedule.equal(inr("0.05"), 10, LocalDate.of(2026, 12, 1), Frequency.WEEKLY))
			.satisfies((ex) -> assertThat(ex.errors().get(0).field()).isEqualTo("instalments"));
	}

	/**
	 * 48 monthly instalments span 47 months from the first to the last: the plan is
	 * described by both, not as "a plan of 47 months", which reads as a shorter one.
	 */
	@Test
	void aLongPlanIsDescribedByItsInstalmentsAndItsSpan() {
		Authority agent = AuthorityMatrix.defaults(org.dues.identity.Role.AGENT, java.util.Currency.getInstance("INR"));
		Schedule monthly = Schedule.equal(inr("48000.00"), 48, LocalDate.of(2026, 12, 10), Frequency.MONTHLY);
		Authority.Exceeded beyond = agent.exceeded(new Authority.Proposal(null, null, monthly, null)).get(0);
		assertThat(beyond.text())
			.isEqualTo("a plan of 48 instalments over 47 months, first to last (authority 12 months)");
		assertThat(beyond.phrase()).isEqualTo(org.dues.shared.Phrase.of("rule.authority.plan", 48, 47, 12));
	}

	@Test
	void aPartMonthCountsTowardThePlanLimit() {
		Authority agent = AuthorityMatrix.defaults(org.dues.identity.Role.AGENT, java.util.Currency.getInstance("INR"));
		Schedule weekly = Schedule.equal(inr("5600.00"), 56, LocalDate.of(2026, 12, 1), Frequency.WEEKLY);
		assertThat(agent.exceeded(new Authority.Proposal(null, null, weekly, null))).singleElement()
			.extracting(Authority.Exceeded::text)
			.isEqualTo("a plan of 56 instalments over 13 months, first to last (authority 12 months)");
		Schedule yearly = Schedule.equal(inr("1300.00"), 13, LocalDate.of(2026, 12, 1), Frequency.MONTHLY);
		assertThat(agent.exceeded(new Authority.Proposal(null, null, yearly, null))).isEmpty();
	}

}
