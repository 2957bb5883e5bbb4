package org.dues.payment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.dues.IntegrationTest;
import org.dues.Portfolios;
import org.dues.identity.Role;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.dues.shared.Money;
import org.dues.system.RecordReach;
import org.dues.system.RecordScope;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agent who took a payment on an account, or sent a payment link for it, still reaches
 * it for a day after, though it is no longer theirs (a customer who paid off leaves the
 * worklist): they come back to the balance, the promise kept and the receipt. Nobody else
 * does.
 */
@IntegrationTest
class PaymentReachTests {

	@Autowired
	Portfolios portfolios;

	@Autowired
	PaymentManagement payments;

	@Autowired
	RecordScope scope;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void whoTookAPaymentReachesTheAccountForADay() {
		CreditorView creditor = this.portfolios.indianNbfc();
		AccountView account = this.portfolios.placed(creditor, "10000", "0", "0", "3000", LocalDate.of(2026, 10, 1));
		Authentication taker = agent("payreach-" + creditor.code());
		Authentication other = agent("payreach-other-" + creditor.code());
		RecordReach reach = RecordReach.account(account.id().value());
		assertThat(this.scope.reaches(taker, reach)).isFalse();
		PaymentView payment = this.payments
			.post(account.id(),
					new NewPayment(Money.of("100.00", "INR"), PaymentChannel.UPI, "PR" + creditor.code(),
							LocalDate.now(this.clock.withZone(creditor.timeZone()))),
					taker.getName())
			.payment();
		assertThat(this.scope.reaches(taker, reach)).isTrue();
		assertThat(this.scope.reaches(other, reach)).isFalse();
		this.jdbc.sql("UPDATE payment_payments SET recorded_at = recorded_at - interval '25 hours' WHERE id = :id")
			.param("id", payment.id().value())
			.update();
		assertThat(this.scope.reaches(taker, reach)).isFalse();
	}

	private static Authentication agent(String name) {
		return UsernamePasswordAuthenticationToken.authenticated(name, "n/a",
				List.of(new SimpleGrantedAuthority(Role.AGENT.authority())));
	}

}
