package org.dues.casework;

import java.time.LocalDate;

import org.dues.casework.LegalDecision.Proceed;
import org.dues.casework.LegalDecision.Refused;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LegalClocksTests {

	private static final Jurisdiction IN = Jurisdiction.of("IN-KL");

	private static final Jurisdiction GB = Jurisdiction.of("GB");

	private static final Jurisdiction US = Jurisdiction.of("US-NY");

	private final Limitation limitation = new Limitation();

	private Limitation.Assessment inTime(Jurisdiction jurisdiction, LocalDate today) {
		return this.limitation.assess(new LimitationFacts(jurisdiction, today.minusMonths(6), null, null), today);
	}

	private Limitation.Assessment barred(Jurisdiction jurisdiction, LocalDate today) {
		return this.limitation.assess(new LimitationFacts(jurisdiction, today.minusYears(7), null, null), today);
	}

	private LegalDecision decide(Proceeding proceeding, Jurisdiction jurisdiction, LegalFacts facts) {
		return LegalClocks.decide(proceeding, jurisdiction, facts, inTime(jurisdiction, facts.referredOn()),
				BusinessCalendar.of(jurisdiction));
	}

	private static Proceed proceeds(LegalDecision decision) {
		assertThat(decision).isInstanceOf(Proceed.class);
		return (Proceed) decision;
	}

	private static Refused refused(LegalDecision decision) {
		assertThat(decision).isInstanceOf(Refused.class);
		return (Refused) decision;
	}

	private static LocalDate on(Proceed decision, String code) {
		return decision.stages().stream().filter((s) -> s.code().equals(code)).findFirst().orElseThrow().dueOn();
	}

	@Test
	void eachJurisdictionHasItsProceedings() {
		assertThat(Proceeding.availableIn(Law.IN)).containsExactly(Proceeding.NI_ACT_138, Proceeding.SARFAESI_13_2,
				Proceeding.LOK_ADALAT, Proceeding.ARBITRATION, Proceeding.CIVIL_SUIT);
		assertThat(Proceeding.availableIn(Law.GB)).containsExactly(Proceeding.LETTER_OF_CLAIM);
		assertThat(Proceeding.availableIn(Law.US)).containsExactly(Proceeding.ATTORNEY_REFERRAL);
		assertThat(Proceeding.availableIn(Law.OTHER)).isEmpty();
		Refused refused = refused(decide(Proceeding.LETTER_OF_CLAIM, US, LegalFacts.on(LocalDate.of(2026, 3, 2))));
		assertThat(refused.code()).isEqualTo("NOT_IN_JURISDICTION");
		assertThat(refused.reason().arguments()).contains("US-NY");
	}

	@Test
	void section138GivesTheThreeStatutoryDatesFromAStatedReceipt() {
		LegalFacts facts = LegalFacts.on(LocalDate.of(2026, 1, 5))
			.chequeReturned(LocalDate.of(2026, 1, 1))
			.noticeSent(LocalDate.of(2026, 1, 5))
			.noticeReceived(LocalDate.of(2026, 1, 16));
		Proceed decision = proceeds(decide(Proceeding.NI_ACT_138, IN, facts));
		assertThat(decision.stages()).extracting(Deadline::code)
			.containsExactly("NOTICE_BY", "PAYMENT_DUE", "COMPLAINT_FROM", "COMPLAINT_BY");
		assertThat(on(decision, "NOTICE_BY")).isEqualTo("2026-01-31");
		assertThat(on(decision, "PAYMENT_DUE")).isEqualTo("2026-01-31");
		assertThat(on(decision, "COMPLAINT_FROM")).isEqualTo("2026-02-01");
		assertThat(on(decision, "COMPLAINT_BY")).isEqualTo("2026-03-01");
		assertThat(decision.stages().get(1).why().arguments().get(0).toString()).contains("receipt.stated");
	}

	@Test
	void section138MonthEndsAtTheEndOfAShorterMonth() {
		// received 15 January: pay by 30 January, cause of action 31 January, one month →
		// the end of February
		LegalFacts facts = LegalFacts.on(LocalDate.of(2026, 1, 12))
			.chequeReturned(LocalDate.of(2026, 1, 2))
			.noticeSent(LocalDate.of(2026, 1, 12))
			.noticeReceived(LocalDate.of(2026, 1, 15));
		Proceed common = proceeds(decide(Proceeding.NI_ACT_138, IN, facts));
		assertThat(on(common, "COMPLAINT_FROM")).isEqualTo("2026-01-31");
		assertThat(on(common, "COMPLAINT_BY")).isEqualTo("2026-02-28");
		LegalFacts leap = LegalFacts.on(LocalDate.of(2028, 1, 12))
			.chequeReturned(LocalDate.of(2028, 1, 2))
			.noticeSent(LocalDate.of(2028, 1, 12))
			.noticeReceived(LocalDate.of(2028, 1, 15));
		assertThat(on(proceeds(decide(Proceeding.NI_ACT_138, IN, leap)), "COMPLAINT_BY")).isEqualTo("2028-02-29");
	}

	@Test
	void section138AssumesReceiptWhenItIsNotKnown() {
		LegalFacts facts = LegalFacts.on(LocalDate.of(2026, 1, 31)).chequeReturned(LocalDate.of(2026, 1, 1));
		Proceed decision = proceeds(decide(Proceeding.NI_ACT_138, IN, facts));
		// the notice goes today, the last day; received 5 February assumed
		assertThat(on(decision, "NOTICE_BY")).isEqualTo("2026-01-31");
		assertThat(on(decision, "PAYMENT_DUE")).isEqualTo("2026-02-20");
		assertThat(on(decision, "COMPLAINT_FROM")).isEqualTo("2026-02-21");
		assertThat(on(decision, "COMPLAINT_BY")).isEqualTo("2026-03-21");
		assertThat(decision.stages().get(1).why().arguments().get(0).toString()).contains("receipt.assumed");
	}

	@Test
	void aChequeReturnedMoreThanThirtyDaysAgoIsRefused() {
		LegalFacts facts = LegalFacts.on(LocalDate.of(2026, 2, 1)).chequeReturned(LocalDate.of(2026, 1, 1));
		Refused refused = refused(decide(Proceeding.NI_ACT_138, IN, facts));
		assertThat(refused.code()).isEqualTo("NOTICE_LAPSED");
		assertThat(refused.reason().key()).isEqualTo("casework.rule.legal.s138.lapsed");
		assertThat(refused.reason().arguments()).containsExactly(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31),
				LocalDate.of(2026, 2, 1));
		// a notice sent too late is refused as well, whenever it is referred
		LegalFacts late = LegalFacts.on(LocalDate.of(2026, 2, 10))
			.chequeReturned(LocalDate.of(2026, 1, 1))
			.noticeSent(LocalDate.of(2026, 2, 2));
		assertThat(refused(decide(Proceeding.NI_ACT_138, IN, late)).code()).isEqualTo("NOTICE_LAPSED");
	}

	@Test
	void section138WithoutTheReturnDateOrPastTheComplaintPeriodIsRefused() {
		Refused missing = refused(decide(Proceeding.NI_ACT_138, IN, LegalFacts.on(LocalDate.of(2026, 2, 1))));
		assertThat(missing.code()).isEqualTo("MISSING_FACT");
		LegalFacts stale = LegalFacts.on(LocalDate.of(2026, 4, 1))
			.chequeReturned(LocalDate.of(2026, 1, 1))
			.noticeSent(LocalDate.of(2026, 1, 5))
			.noticeReceived(LocalDate.of(2026, 1, 16));
		Refused lapsed = refused(decide(Proceeding.NI_ACT_138, IN, stale));
		assertThat(lapsed.code()).isEqualTo("COMPLAINT_LAPSED");
		assertThat(lapsed.reason().arguments()).containsExactly(LocalDate.of(2026, 3, 1));
	}

	@Test
	void section138IsNotRefusedForATimeBarredDebtButEverythingElseIs() {
		LocalDate today = LocalDate.of(2026, 1, 10);
		LegalFacts facts = LegalFacts.on(today).chequeReturned(LocalDate.of(2026, 1, 2)).secured(today.minusYears(1));
		BusinessCalendar calendar = BusinessCalendar.of(IN);
		assertThat(LegalClocks.decide(Proceeding.NI_ACT_138, IN, facts, barred(IN, today), calendar))
			.isInstanceOf(Proceed.class);
		for (Proceeding proceeding : Proceeding.availableIn(Law.IN)) {
			if (proceeding != Proceeding.NI_ACT_138) {
				Refused refused = refused(LegalClocks.decide(proceeding, IN, facts, barred(IN, today), calendar));
				assertThat(refused.code()).isEqualTo("TIME_BARRED");
			}
		}
	}

	@Test
	void aTimeBarredAmericanDebtIsRefusedAnAttorneyWithRegulationFsReason() {
		LocalDate today = LocalDate.of(2026, 3, 2);
		Refused refused = refused(LegalClocks.decide(Proceeding.ATTORNEY_REFERRAL, US, LegalFacts.on(today),
				barred(US, today), BusinessCalendar.of(US)));
		assertThat(refused.code()).isEqualTo("TIME_BARRED");
		assertThat(LimitationTests.keys(refused.reason())).containsExactly("casework.rule.legal.timeBarred", "");
		assertThat(refused.reason().toString()).contains("casework.rule.limitation.regF");
	}

	@Test
	void anAttorneyReferralPlacesTheHoldAndShowsTheLastDayToSue() {
		LocalDate today = LocalDate.of(2026, 3, 2);
		Proceed decision = proceeds(decide(Proceeding.ATTORNEY_REFERRAL, US, LegalFacts.on(today)));
		assertThat(decision.stages()).extracting(Deadline::code)
			.containsExactly("REFERRAL", "ATTORNEY_HOLD", "FILE_BY");
		// New York: three years from the default six months ago
		assertThat(on(decision, "FILE_BY")).isEqualTo("2028-09-02");
	}

	@Test
	void sarfaesiNeedsASecuredDebtOfAnNpaAndGivesSixtyDays() {
		LocalDate today = LocalDate.of(2026, 3, 1);
		assertThat(refused(decide(Proceeding.SARFAESI_13_2, IN, LegalFacts.on(today))).code()).isEqualTo("NOT_SECURED");
		assertThat(refused(decide(Proceeding.SARFAESI_13_2, IN, LegalFacts.on(today).secured(null))).code())
			.isEqualTo("NOT_NPA");
		assertThat(
				refused(decide(Proceeding.SARFAESI_13_2, IN, LegalFacts.on(today).secured(today.plusDays(1)))).code())
			.isEqualTo("NOT_NPA");
		Proceed decision = proceeds(
				decide(Proceeding.SARFAESI_13_2, IN, LegalFacts.on(today).secured(LocalDate.of(2025, 12, 31))));
		assertThat(on(decision, "DEMAND_NOTICE")).isEqualTo("2026-03-01");
		assertThat(on(decision, "DISCHARGE_BY")).isEqualTo("2026-04-30");
		assertThat(on(decision, "OBJECTION_REPLY")).isNull();
		assertThat(on(decision, "MEASURES_FROM")).isEqualTo("2026-05-01");
	}

	@Test
	void aLetterOfClaimPostedBeforeEasterIsDeemedServedAfterTheBankHolidays() {
		LegalFacts posted = LegalFacts.on(LocalDate.of(2026, 4, 2)).letter(LocalDate.of(2026, 4, 2), true);
		Proceed decision = proceeds(decide(Proceeding.LETTER_OF_CLAIM, GB, posted));
		assertThat(decision.stages()).extracting(Deadline::code)
			.containsExactly("LETTER_OF_CLAIM", "DEEMED_SERVED", "REPLY_BY", "CLAIM_FROM", "FILE_BY");
		// Good Friday and Easter Monday are no business days: Tue 7 (1), Wed 8 (2)
		assertThat(on(decision, "DEEMED_SERVED")).isEqualTo("2026-04-08");
		assertThat(on(decision, "REPLY_BY")).isEqualTo("2026-05-08");
		assertThat(on(decision, "CLAIM_FROM")).isEqualTo("2026-05-09");

		LegalFacts emailed = LegalFacts.on(LocalDate.of(2026, 4, 2)).letter(LocalDate.of(2026, 4, 2), false);
		Proceed byEmail = proceeds(decide(Proceeding.LETTER_OF_CLAIM, GB, emailed));
		assertThat(byEmail.stages()).extracting(Deadline::code).doesNotContain("DEEMED_SERVED");
		assertThat(on(byEmail, "REPLY_BY")).isEqualTo("2026-05-02");
	}

	@Test
	void arbitrationLokAdalatAndASuitHaveTheirStages() {
		LocalDate today = LocalDate.of(2026, 3, 2);
		Proceed arbitration = proceeds(decide(Proceeding.ARBITRATION, IN, LegalFacts.on(today)));
		assertThat(arbitration.stages()).extracting(Deadline::code)
			.containsExactly("ARBITRATION_NOTICE", "COMMENCE_BY", "ARBITRATOR_BY", "COURT_APPOINTMENT_FROM");
		assertThat(on(arbitration, "ARBITRATOR_BY")).isEqualTo("2026-04-06");
		assertThat(on(arbitration, "COMMENCE_BY")).isEqualTo("2028-09-02");
		Proceed lokAdalat = proceeds(decide(Proceeding.LOK_ADALAT, IN, LegalFacts.on(today)));
		assertThat(on(lokAdalat, "SITTING")).isNull();
		Proceed suit = proceeds(decide(Proceeding.CIVIL_SUIT, IN, LegalFacts.on(today)));
		assertThat(on(suit, "PAYMENT_DUE")).isEqualTo("2026-03-17");
		assertThat(on(suit, "FILE_BY")).isEqualTo("2028-09-02");
	}

}
