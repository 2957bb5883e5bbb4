package org.dues.portfolio;

import java.util.List;

import org.dues.shared.InvalidInputException;
import org.dues.shared.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a partial reversal of a payment gives back: credit first, then the components in
 * the reverse of the waterfall, and the overdue the rest of the payment no longer covers.
 */
class PartialReversalTests {

	private static Money inr(String amount) {
		return Money.of(amount, "INR");
	}

	/**
	 * A payment of 3,000: fees 500, interest 1,200, principal 1,000, credit 300; overdue
	 * 2,000 off.
	 */
	private static final Amounts PAYMENT = new Amounts(inr("-1000"), inr("-1200"), inr("-500"), inr("300"),
			inr("-2000"));

	private static final Waterfall FEES_FIRST = new Waterfall(
			List.of(BalanceComponent.FEES, BalanceComponent.INTEREST, BalanceComponent.PRINCIPAL));

	@Test
	void givesBackCreditThenTheLastComponentsPaidThenTheOverdueNoLongerCovered() {
		Amounts first = AccountLedger.partOf(PAYMENT.negate(), inr("1000"), inr("2000"), FEES_FIRST);
		assertThat(first.credit()).isEqualTo(inr("-300"));
		assertThat(first.principal()).isEqualTo(inr("700"));
		assertThat(first.interest().isZero()).isTrue();
		assertThat(first.total()).isEqualTo(inr("1000"));
		// 2,000 of components remain, which still cover the 2,000 taken off the overdue
		assertThat(first.overdue().isZero()).isTrue();

		Amounts left = PAYMENT.negate().plus(first.negate());
		Amounts second = AccountLedger.partOf(left, inr("1500"), inr("2000"), FEES_FIRST);
		assertThat(second.principal()).isEqualTo(inr("300"));
		assertThat(second.interest()).isEqualTo(inr("1200"));
		assertThat(second.fees().isZero()).isTrue();
		assertThat(second.overdue()).isEqualTo(inr("1500"));

		Amounts rest = left.plus(second.negate());
		Amounts last = AccountLedger.partOf(rest, inr("500"), inr("2000"), FEES_FIRST);
		assertThat(first.plus(second).plus(last)).isEqualTo(PAYMENT.negate());
	}

	@Test
	void neverMoreThanThePaymentHasLeft() {
		assertThatThrownBy(() -> AccountLedger.partOf(PAYMENT.negate(), inr("3000.01"), inr("2000"), FEES_FIRST))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("more than the");
	}

}
