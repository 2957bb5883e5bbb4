package org.dues.portfolio;

import java.util.List;

import org.dues.shared.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WaterfallTests {

	private static Money inr(String amount) {
		return Money.of(amount, "INR");
	}

	private static final Balances BALANCES = new Balances(inr("10000"), inr("1200"), inr("500"), inr("0"));

	@Test
	void paysFeesThenInterestThenPrincipalByDefault() {
		Amounts change = Waterfall.DEFAULT.allocate(inr("2600"), BALANCES, inr("3000"));
		assertThat(change.fees()).isEqualTo(inr("-500"));
		assertThat(change.interest()).isEqualTo(inr("-1200"));
		assertThat(change.principal()).isEqualTo(inr("-900"));
		assertThat(change.credit()).isEqualTo(inr("0"));
		assertThat(change.overdue()).isEqualTo(inr("-2600"));
		assertThat(change.total()).isEqualTo(inr("-2600"));
	}

	@Test
	void followsTheCreditorsOrder() {
		Waterfall principalFirst = new Waterfall(
				List.of(BalanceComponent.PRINCIPAL, BalanceComponent.INTEREST, BalanceComponent.FEES));
		Amounts change = principalFirst.allocate(inr("10100"), BALANCES, inr("0"));
		assertThat(change.principal()).isEqualTo(inr("-10000"));
		assertThat(change.interest()).isEqualTo(inr("-100"));
		assertThat(change.fees()).isEqualTo(inr("0"));
		assertThat(change.overdue()).isEqualTo(inr("0"));
	}

	@Test
	void turnsAnOverpaymentIntoCredit() {
		Amounts change = Waterfall.DEFAULT.allocate(inr("12000"), BALANCES, inr("1000"));
		assertThat(change.principal()).isEqualTo(inr("-10000"));
		assertThat(change.credit()).isEqualTo(inr("300"));
		assertThat(change.overdue()).isEqualTo(inr("-1000"));
	}

	@Test
	void refusesIncompleteOrders() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> new Waterfall(List.of(BalanceComponent.FEES, BalanceComponent.FEES, BalanceComponent.PRINCIPAL)));
		assertThatIllegalArgumentException().isThrownBy(() -> Waterfall.DEFAULT.allocate(inr("0"), BALANCES, inr("0")));
	}

}
