package org.dues.arrangement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;

import org.dues.identity.Role;
import org.dues.shared.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AffordabilityTests {

	static final Currency INR = Currency.getInstance("INR");

	static final LocalDate NEXT_MONTH = LocalDate.of(2026, 12, 26);

	static Money inr(String amount) {
		return Money.of(amount, "INR");
	}

	static Affordability.Statement statement(String income, String essential, String other, String debts) {
		return new Affordability.Statement(inr(income), inr(essential), inr(other), inr(debts));
	}

	@Test
	void anAgentOffersASettlementNowAShortPlanAndTheLongestPlanTheyMayAgree() {
		Affordability.Assessment assessment = Affordability.assess(statement("42000", "30000", "6000", "4000"),
				inr("11700.00"), AuthorityMatrix.defaults(Role.AGENT, INR), NEXT_MONTH);
		assertThat(assessment.disposable()).isEqualTo(inr("2000.00"));
		assertThat(assessment.offers()).extracting(Affordability.Offer::name)
			.containsExactly("settle-now", "short-plan", "long-plan");
		Affordability.Offer settle = assessment.offers().get(0);
		assertThat(settle.total()).isEqualTo(inr("10530.00"));
		assertThat(settle.discount()).isEqualTo(inr("1170.00"));
		Affordability.Offer shortPlan = assessment.offers().get(1);
		assertThat(shortPlan.instalments()).isEqualTo(6);
		assertThat(shortPlan.instalment()).isEqualTo(inr("1950.00"));
		Affordability.Offer longPlan = assessment.offers().get(2);
		assertThat(longPlan.instalments()).isEqualTo(13);
		assertThat(longPlan.instalment()).isEqualTo(inr("900.00"));
		assertThat(longPlan.total()).isEqualTo(inr("11700.00"));
	}

	@Test
	void whenNoPlanIsAffordableALeadMayOfferASettlementInInstalments() {
		Affordability.Statement tight = statement("20000", "17000", "1500", "1000");
		assertThat(Affordability.assess(tight, inr("11700.00"), AuthorityMatrix.defaults(Role.AGENT, INR), NEXT_MONTH)
			.offers()).extracting(Affordability.Offer::name).containsExactly("settle-now");
		Affordability.Assessment lead = Affordability.assess(tight, inr("11700.00"),
				AuthorityMatrix.defaults(Role.TEAM_LEAD, INR), NEXT_MONTH);
		assertThat(lead.offers()).extracting(Affordability.Offer::name)
			.containsExactly("settle-now", "short-plan", "long-plan");
		Affordability.Assessment manager = Affordability.assess(statement("20000", "19500", "0", "0"), inr("20000.00"),
				new Authority(new BigDecimal("50"), null, 24, inr("0"), BigDecimal.ZERO, 90), NEXT_MONTH);
		assertThat(manager.offers()).extracting(Affordability.Offer::name)
			.containsExactly("settle-now", "settle-in-instalments");
		assertThat(manager.offers().get(1).total()).isEqualTo(inr("12500.00"));
		assertThat(manager.offers().get(1).discount()).isEqualTo(inr("7500.00"));
	}

	@Test
	void withNothingLeftOverOnlyALumpSumCanBeOffered() {
		Affordability.Assessment assessment = Affordability.assess(statement("15000", "16000", "0", "0"),
				inr("11700.00"), AuthorityMatrix.defaults(Role.AGENT, INR), NEXT_MONTH);
		assertThat(assessment.disposable()).isEqualTo(inr("-1000.00"));
		assertThat(assessment.offers()).extracting(Affordability.Offer::name).containsExactly("settle-now");
	}

	@Test
	void anAdministratorsLongestPlanAndATinyDisposableIncomeStayWithinBounds() {
		Affordability.Assessment admin = Affordability.assess(statement("42000", "30000", "6000", "4000"),
				inr("11700.00"), AuthorityMatrix.defaults(Role.ADMIN, INR), NEXT_MONTH);
		assertThat(admin.offers()).extracting(Affordability.Offer::name)
			.containsExactly("settle-now", "short-plan", "long-plan");
		assertThat(admin.offers().get(2).instalments()).isEqualTo(120);
		Affordability.Assessment tiny = Affordability.assess(statement("1000.00", "999.99", "0", "0"), inr("11700.00"),
				AuthorityMatrix.defaults(Role.AGENT, INR), NEXT_MONTH);
		assertThat(tiny.offers()).extracting(Affordability.Offer::name).containsExactly("settle-now");
	}

}
