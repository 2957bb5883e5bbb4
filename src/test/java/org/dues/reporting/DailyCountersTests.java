package org.dues.reporting;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
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
 * The daily counters count a day's attempts, right-party contacts, blocked attempts by
 * rule and payments on the creditor's local day, and a refresh of the same days gives the
 * same counters; the measures read them.
 */
@IntegrationTest
@ExtendWith(MutableClock.BackToStart.class)
class DailyCountersTests {

	/** Monday 10:00 in New York. */
	private static final Instant MONDAY = Instant.parse("2026-11-30T15:00:00Z");

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
	Measures measures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aDaysActivityIsCountedOnceOnTheCreditorsDay() {
		this.clock.set(MONDAY);
		this.agents.pooledAgent("counted-agent", "agent-secret");
		CreditorView issuer = this.portfolios.usIssuer();
		AccountView account = this.portfolios.overdue(issuer, 40, "5000.00");
		ContactGate.Request call = new ContactGate.Request(account.id(), Set.of(), Channel.CALL, null,
				PersonRole.CONSUMER, Purpose.COLLECTION);
		this.contacts.attempt(call, ContactResult.CONVERSATION, null, "counted-agent");
		// an hour after a conversation: the gate blocks a second call (Regulation F)
		this.clock.set(MONDAY.plus(Duration.ofHours(1)));
		this.contacts.attempt(call, ContactResult.NO_ANSWER, null, "counted-agent");
		// 23:30 in New York: outside calling hours, the gate blocks it
		this.clock.set(Instant.parse("2026-12-01T04:30:00Z"));
		this.contacts.attempt(call, ContactResult.NO_ANSWER, null, "counted-agent");
		this.clock.set(MONDAY.plus(Duration.ofHours(2)));
		this.payments.post(account.id(),
				new NewPayment(Money.of("700.00", "USD"), PaymentChannel.UPI, "COUNTED-1", null), "gateway");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM reporting_payment_credits WHERE creditor_id = :c")
				.param("c", issuer.id().value())
				.query(Long.class)
				.single(), (n) -> n == 1);

		LocalDate monday = LocalDate.of(2026, 11, 30);
		this.counters.refresh(monday.minusDays(1), monday.plusDays(1));
		String first = counted(issuer);
		this.counters.refresh(monday.minusDays(1), monday.plusDays(1));
		assertThat(counted(issuer)).isEqualTo(first)
			.isEqualTo("2026-11-30 counted-agent attempts 1 rpc 1 blocked 2 hours 1 paid 1 700.0000");

		PeriodMeasures m = this.measures.measures(ReportFilter.period(monday, monday).forCreditor(issuer.id().value()));
		assertThat(m.attempts()).isEqualTo(1);
		assertThat(m.blocked()).isEqualTo(2);
		assertThat(m.rightPartyContactRate()).isEqualTo(Rate.of(1, 1));
		assertThat(m.attemptsPerAgentHour()).isEqualTo(Rate.of(1, 1));
		// each blocked attempt under every rule that blocked it
		assertThat(m.blockedByRule()).isNotEmpty()
			.allSatisfy((r) -> assertThat(r.rule()).isNotBlank().isNotEqualTo("?"));
		assertThat(m.blockedByRule().stream().mapToLong(PeriodMeasures.RuleCount::attempts).sum())
			.isGreaterThanOrEqualTo(2);
		assertThat(m.collectedNet()).containsExactly(Money.of("700.00", "USD"));
		assertThat(m.payments()).isEqualTo(1);
		// a team lead who answers for nobody on this floor sees none of it
		PeriodMeasures none = this.measures
			.measures(ReportFilter.period(monday, monday).forCreditor(issuer.id().value()).within(Set.of("someone")));
		assertThat(none.attempts()).isZero();
		assertThat(none.collectedNet()).isEmpty();
	}

	private String counted(CreditorView creditor) {
		return String.join("; ",
				this.jdbc
					.sql("""
							SELECT day || ' ' || agent || ' attempts ' || attempts || ' rpc ' || right_party || ' blocked ' || blocked
							       || ' hours ' || active_hours || ' paid ' || payments || ' ' || paid
							FROM reporting_daily_counters WHERE creditor_id = :c AND agent <> '' ORDER BY day, agent""")
					.params(Map.of("c", creditor.id().value()))
					.query(String.class)
					.list());
	}

}
