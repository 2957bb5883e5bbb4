package org.dues.reporting;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.Portfolios;
import org.dues.TestAgents;
import org.dues.compliance.Channel;
import org.dues.compliance.ContactGate;
import org.dues.compliance.ContactResult;
import org.dues.compliance.PersonRole;
import org.dues.compliance.Purpose;
import org.dues.contact.ContactLog;
import org.dues.payment.NewPayment;
import org.dues.payment.PaymentChannel;
import org.dues.payment.PaymentManagement;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.dues.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A period compared with the one before gives, for both, exactly the measures each period
 * gives asked alone: payments, reversals, contacts, opening balances, whatever the
 * filter.
 */
@IntegrationTest
@ExtendWith(MutableClock.BackToStart.class)
class MeasuresComparisonTests {

	/** Monday 2 November 2026, 10:00 in New York. */
	private static final Instant PLACED = Instant.parse("2026-11-02T15:00:00Z");

	@Autowired
	Portfolios portfolios;

	@Autowired
	TestAgents agents;

	@Autowired
	MutableClock clock;

	@Autowired
	ContactLog contacts;

	@Autowired
	PaymentManagement payments;

	@Autowired
	DailyCounters counters;

	@Autowired
	AccountSnapshots snapshots;

	@Autowired
	Measures measures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aComparisonHoldsWhatEachPeriodGivesAlone() {
		this.clock.set(PLACED);
		this.agents.pooledAgent("compared-agent", "agent-secret");
		CreditorView issuer = this.portfolios.usIssuer();
		AccountView early = this.portfolios.overdue(issuer, 40, "5000.00");
		AccountView late = this.portfolios.overdue(issuer, 70, "8000.00");
		// the period before: a call that reached the customer and a payment
		this.clock.set(PLACED.plus(Duration.ofDays(2)));
		call(early, ContactResult.CONVERSATION);
		this.payments.post(early.id(), new NewPayment(Money.of("300.00", "USD"), PaymentChannel.ACH, "CMP-1", null),
				"gateway");
		// the evening before the period: the snapshot its opening balances come from
		this.clock.set(Instant.parse("2026-11-14T04:50:00Z"));
		this.snapshots.take(LocalDate.of(2026, 11, 13), List.of(issuer.id().value()));
		// the period: two calls and two payments
		this.clock.set(Instant.parse("2026-11-18T15:00:00Z"));
		call(late, ContactResult.NO_ANSWER);
		call(early, ContactResult.CONVERSATION);
		this.payments.post(late.id(), new NewPayment(Money.of("450.00", "USD"), PaymentChannel.ACH, "CMP-2", null),
				"gateway");
		this.payments.post(early.id(), new NewPayment(Money.of("125.50", "USD"), PaymentChannel.CARD, "CMP-3", null),
				"gateway");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM reporting_payment_credits WHERE creditor_id = :c")
				.param("c", issuer.id().value())
				.query(Long.class)
				.single(), (n) -> n == 3);
		this.clock.set(Instant.parse("2026-11-26T15:00:00Z"));
		this.counters.refresh(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 26));

		ReportFilter period = ReportFilter.period(LocalDate.of(2026, 11, 14), LocalDate.of(2026, 11, 25))
			.forCreditor(issuer.id().value());
		for (ReportFilter f : List.of(period, period.within(Set.of("compared-agent")),
				period.within(Set.of("nobody-here")))) {
			PeriodMeasures.Comparison compared = this.measures.compare(f);
			assertThat(compared).isEqualTo(
					new PeriodMeasures.Comparison(this.measures.measures(f), this.measures.measures(f.previous())));
		}
		PeriodMeasures.Comparison compared = this.measures.compare(period);
		assertThat(compared.current().collectedGross()).containsExactly(Money.of("575.50", "USD"));
		assertThat(compared.current().attempts()).isEqualTo(2);
		assertThat(compared.current().rightPartyContacts()).isEqualTo(1);
		assertThat(compared.current().openingAccounts()).isEqualTo(2);
		assertThat(compared.previous().collectedGross()).containsExactly(Money.of("300.00", "USD"));
		assertThat(compared.previous().rightPartyContacts()).isEqualTo(1);
		assertThat(compared.previous().filter().from()).isEqualTo(LocalDate.of(2026, 11, 2));
	}

	private void call(AccountView account, ContactResult result) {
		this.contacts.attempt(new ContactGate.Request(account.id(), Set.of(), Channel.CALL, null, PersonRole.CONSUMER,
				Purpose.COLLECTION), result, null, "compared-agent");
	}

}
