package org.dues.reporting;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.Portfolios;
import org.dues.TestAgents;
import org.dues.arrangement.ArrangementManagement;
import org.dues.arrangement.NewArrangement;
import org.dues.compliance.Channel;
import org.dues.compliance.ContactResult;
import org.dues.compliance.PersonRole;
import org.dues.contact.ContactLog;
import org.dues.identity.Role;
import org.dues.payment.NewPayment;
import org.dues.payment.PaymentChannel;
import org.dues.payment.PaymentManagement;
import org.dues.payment.PaymentPosted;
import org.dues.payment.PaymentReversed;
import org.dues.payment.PaymentView;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.dues.shared.Money;
import org.dues.system.Actor;
import org.dues.work.Dispositions;
import org.dues.work.NextAccount;
import org.dues.work.Queues;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * "Paid" credits the agent who earned a payment at the time it was posted, not whoever
 * owns the account when the floor is read: the collector of a pooled account, the taker
 * of the promise it pays, the owner then; a reversal takes it back from the same agent,
 * and an event delivered twice counts once.
 */
@IntegrationTest
@ExtendWith(MutableClock.BackToStart.class)
class PaymentCreditsTests {

	/** Monday 10:00 in New York, within calling hours. */
	private static final Instant MONDAY = Instant.parse("2026-11-30T15:00:00Z");

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	@Autowired
	Portfolios portfolios;

	@Autowired
	MutableClock clock;

	@Autowired
	TestAgents agents;

	@Autowired
	Queues queues;

	@Autowired
	NextAccount next;

	@Autowired
	ArrangementManagement arrangements;

	@Autowired
	PaymentManagement payments;

	@Autowired
	PaymentCredits credits;

	@Autowired
	Floor floor;

	@Autowired
	ContactLog contacts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theCollectorOfPooledAccountsIsCreditedWhileTheyHaveItOpenAndForThePromiseTheyTook() {
		this.clock.set(MONDAY);
		agents("pool-collector");
		CreditorView issuer = this.portfolios.usIssuer();
		AccountView open = this.portfolios.overdue(issuer, 40, "900.00");
		AccountView promised = this.portfolios.overdue(issuer, 30, "800.00");
		for (AccountView a : List.of(open, promised)) {
			this.next.assign(a.id(), null, "lead");
		}
		this.agents.queue(this.agents.team("Credits " + issuer.code(), "pool-collector"), "All of " + issuer.code(),
				TestAgents.everyAccountOf(issuer), 1, "lead");
		this.queues.refreshMembers();

		// the agent takes a pooled account from the queue; the customer pays while it is
		// open
		assertThat(this.next.next("pool-collector").orElseThrow().accountId()).isEqualTo(open.id());
		PaymentView paid = pay(open, "600.00", "POOL-1");
		assertThat(awaitCredit(paid)).isEqualTo("pool-collector ACCOUNT_HOLDER");
		// a promise taken on another pooled account, paid an hour later when the agent
		// has moved on
		this.arrangements.promise(promised.id(),
				new NewArrangement.Promise(usd("400.00"), LocalDate.of(2026, 12, 4), null, null),
				Dispositions.agent("pool-collector"));
		this.clock.set(MONDAY.plus(Duration.ofHours(1)));
		this.next.next("pool-collector");
		PaymentView kept = pay(promised, "400.00", "POOL-2");
		assertThat(awaitCredit(kept)).isEqualTo("pool-collector ARRANGEMENT_TAKER");

		assertThat(paid("pool-collector")).containsExactly(usd("1000.00"));
	}

	@Test
	void aReassignmentLaterLeavesEarlierPaymentsWithWhoHeldTheAccountAndAReversalNetsOutWithThem() {
		this.clock.set(MONDAY);
		agents("first-owner", "second-owner");
		AccountView account = this.portfolios.overdue(this.portfolios.usIssuer(), 50, "5000.00");
		this.next.assign(account.id(), "first-owner", "lead");
		this.clock.set(MONDAY.plus(Duration.ofMinutes(10)));
		PaymentView kept = pay(account, "1418.95", "REASSIGN-1");
		PaymentView bounced = pay(account, "200.00", "REASSIGN-2");
		assertThat(awaitCredit(kept)).isEqualTo("first-owner ACCOUNT_HOLDER");
		assertThat(awaitCredit(bounced)).isEqualTo("first-owner ACCOUNT_HOLDER");

		this.clock.set(MONDAY.plus(Duration.ofMinutes(20)));
		this.next.reassignFrom("first-owner", "second-owner", "lead");
		this.payments.reverse(account.id(), bounced.id(), "cheque returned unpaid", Actor.system("bank"));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(rows(bounced)).isEqualTo(2));

		assertThat(paid("first-owner")).containsExactly(usd("1418.95"));
		assertThat(paid("second-owner")).as("she never worked it").isEmpty();
		// a payment after the reassignment is the new owner's
		this.clock.set(MONDAY.plus(Duration.ofMinutes(30)));
		assertThat(awaitCredit(pay(account, "100.00", "REASSIGN-3"))).isEqualTo("second-owner ACCOUNT_HOLDER");
		assertThat(paid("second-owner")).containsExactly(usd("100.00"));
	}

	@Test
	void partialRefundsTakeExactlyTheirAmountFromTheSameAgentOnceEachAndAddUpWithTheFinalReversal() {
		this.clock.set(MONDAY);
		agents("refund-owner");
		AccountView account = this.portfolios.overdue(this.portfolios.usIssuer(), 50, "5000.00");
		this.next.assign(account.id(), "refund-owner", "lead");
		this.clock.set(MONDAY.plus(Duration.ofMinutes(10)));
		PaymentView paid = pay(account, "1000.00", "REFUND-1");
		assertThat(awaitCredit(paid)).isEqualTo("refund-owner ACCOUNT_HOLDER");

		Actor gateway = Actor.system("gateway:stripe");
		this.payments.refund(account.id(), paid.id(), "re_1", usd("250.00"), "refunded at Stripe", gateway);
		this.payments.refund(account.id(), paid.id(), "re_1", usd("250.00"), "refunded at Stripe", gateway);
		this.payments.refund(account.id(), paid.id(), "re_2", usd("100.00"), "refunded at Stripe", gateway);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(rows(paid)).isEqualTo(3));
		assertThat(paid("refund-owner")).containsExactly(usd("650.00"));

		this.payments.reverse(account.id(), paid.id(), "chargeback", Actor.system("bank"));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(rows(paid)).isEqualTo(4));
		assertThat(this.jdbc.sql("SELECT sum(amount) FROM reporting_payment_credits WHERE payment_id = :id")
			.param("id", paid.id().value())
			.query(BigDecimal.class)
			.single()).isZero();
	}

	@Test
	void aPaymentNobodyHeldTheAccountForIsTheLastSpeakersWithinTheWindow() {
		this.clock.set(MONDAY);
		agents("spoke-agent");
		AccountView spoken = this.portfolios.overdue(this.portfolios.usIssuer(), 45, "2000.00");
		AccountView longAgo = this.portfolios.overdue(this.portfolios.usIssuer(), 45, "2000.00");
		for (AccountView a : List.of(spoken, longAgo)) {
			this.next.assign(a.id(), null, "lead");
		}
		this.contacts.inbound(spoken.id(), Set.of(), Channel.CALL, null, PersonRole.CONSUMER,
				ContactResult.CONVERSATION, MONDAY.minus(Duration.ofDays(29)), null, "spoke-agent");
		this.contacts.inbound(longAgo.id(), Set.of(), Channel.CALL, null, PersonRole.CONSUMER,
				ContactResult.CONVERSATION, MONDAY.minus(Duration.ofDays(31)), null, "spoke-agent");

		assertThat(awaitCredit(pay(spoken, "250.00", "SPOKE-1"))).isEqualTo("spoke-agent LAST_IN_CONTACT");
		assertThat(awaitCredit(pay(longAgo, "300.00", "SPOKE-2"))).as("credited to nobody").isNull();
		assertThat(paid("spoke-agent")).containsExactly(usd("250.00"));
	}

	@Test
	void anEventDeliveredAgainCreditsNothingMore() {
		this.clock.set(MONDAY);
		agents("twice-owner");
		AccountView account = this.portfolios.overdue(this.portfolios.usIssuer(), 70, "3000.00");
		this.next.assign(account.id(), "twice-owner", "lead");
		PaymentView kept = pay(account, "700.00", "TWICE-1");
		PaymentView bounced = pay(account, "50.00", "TWICE-2");
		this.payments.reverse(account.id(), bounced.id(), "charged back", Actor.system("bank"));
		awaitCredit(kept);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(rows(bounced)).isEqualTo(2));

		this.credits.on(new PaymentPosted(kept.id(), account.id(), kept.amount()));
		this.credits.on(new PaymentPosted(bounced.id(), account.id(), bounced.amount()));
		this.credits.on(new PaymentReversed(bounced.id(), account.id(), bounced.amount(), "charged back"));

		assertThat(rows(kept)).isEqualTo(1);
		assertThat(rows(bounced)).isEqualTo(2);
		assertThat(paid("twice-owner")).containsExactly(usd("700.00"));
	}

	private void agents(String... names) {
		for (String name : names) {
			this.agents.named(name, "Agent " + name, "credit-secret", Role.AGENT, "en");
		}
	}

	private PaymentView pay(AccountView account, String amount, String reference) {
		return this.payments
			.post(account.id(), new NewPayment(usd(amount), PaymentChannel.UPI, reference, null), "gateway")
			.payment();
	}

	/** Who the payment was credited to and why, once its event has been handled. */
	private @Nullable String awaitCredit(PaymentView payment) {
		await().atMost(Duration.ofSeconds(10)).until(() -> rows(payment) > 0);
		return this.jdbc.sql(
				"SELECT agent || ' ' || credited_as FROM reporting_payment_credits WHERE payment_id = :id AND kind = 'PAYMENT'")
			.param("id", payment.id().value())
			.query((rs, n) -> java.util.Optional.ofNullable(rs.getString(1)))
			.single()
			.orElse(null);
	}

	private long rows(PaymentView payment) {
		return this.jdbc.sql("SELECT count(*) FROM reporting_payment_credits WHERE payment_id = :id")
			.param("id", payment.id().value())
			.query(Long.class)
			.single();
	}

	private List<Money> paid(String agent) {
		return this.floor.agents(NEW_YORK, List.of(agent)).get(0).paid();
	}

	private static Money usd(String amount) {
		return Money.of(new BigDecimal(amount), java.util.Currency.getInstance("USD"));
	}

}
