package org.dues.work;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.Portfolios;
import org.dues.TestAgents;
import org.dues.identity.Role;
import org.dues.identity.Teams;
import org.dues.payment.NewPayment;
import org.dues.payment.PaymentChannel;
import org.dues.payment.PaymentManagement;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.dues.shared.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queues' kept sizes stay exact, equal to a live count, through what work does:
 * accounts assigned and given back, leased by next account, worked to an outcome, parked
 * with an agency and brought back, and a queue's filters changed. What another module
 * changes (a payment closing an account) waits for the full count, which the page tells
 * the time of.
 */
@IntegrationTest
class QueueCountsTests {

	/** Monday 30 November 2026, 10:00 in New York: US accounts may be called. */
	static final Instant MONDAY = Instant.parse("2026-11-30T15:00:00Z");

	@Autowired
	Portfolios portfolios;

	@Autowired
	TestAgents agents;

	@Autowired
	Teams teams;

	@Autowired
	Queues queues;

	@Autowired
	QueueSizes sizes;

	@Autowired
	NextAccount next;

	@Autowired
	Desk desk;

	@Autowired
	ExternalWork external;

	@Autowired
	PaymentManagement payments;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@AfterEach
	void reset() {
		this.jdbc.sql("DELETE FROM work_locks").update();
		this.clock.set(IntegrationTest.START);
	}

	@Test
	void keptSizesStayExactThroughEnqueueLeaseAndComplete() {
		this.clock.set(MONDAY.minus(Duration.ofDays(1)));
		CreditorView issuer = this.portfolios.usIssuer();
		this.agents.named("qc-agent", "Counted Agent", "counts-secret", Role.AGENT);
		Teams.TeamView team = this.agents.team("Counted " + issuer.code(), "qc-agent");
		Queues.QueueView all = this.agents.queue(team, "All of " + issuer.code(), TestAgents.everyAccountOf(issuer), 1,
				"qc-manager");
		Queues.QueueView old = this.agents.queue(team, "Over 60 of " + issuer.code(),
				new QueueFilters(List.of(issuer.code()), List.of(), 61, null, null, null, List.of(), List.of(),
						List.of(), List.of()),
				2, "qc-manager");
		List<UUID> ours = List.of(team.id());
		assertThat(kept(ours)).containsEntry(all.id(), new Queues.Size(0, null));

		// placed one by one (portfolio's change), accounts join the pool: counted by the
		// five-minute pass
		AccountView a = this.portfolios.overdue(issuer, 30, "1000.00");
		AccountView b = this.portfolios.overdue(issuer, 90, "2000.00");
		AccountView c = this.portfolios.overdue(issuer, 45, "3000.00");
		assertThat(kept(ours)).containsEntry(all.id(), new Queues.Size(0, null));
		this.sizes.recountAll();
		assertThat(kept(ours)).containsEntry(all.id(), new Queues.Size(3, 90));
		assertExact(ours);
		assertThat(kept(ours)).containsEntry(old.id(), new Queues.Size(1, 90));

		// assigned: it leaves the pool at once; given back, it returns
		this.next.assign(b.id(), "qc-agent", "qc-lead");
		assertExact(ours);
		assertThat(kept(ours).get(all.id()).accounts()).isEqualTo(2);
		assertThat(kept(ours).get(old.id()).accounts()).isZero();
		this.next.assign(b.id(), null, "qc-lead");
		assertExact(ours);
		assertThat(kept(ours).get(all.id())).isEqualTo(new Queues.Size(3, 90));

		// leased and worked to an outcome: still pooled, still counted
		this.clock.set(MONDAY);
		// the five-minute pass lists the queue's accounts for next account
		this.queues.refreshMembers();
		NextAccount.Next leased = this.next.next("qc-agent").orElseThrow();
		assertThat(leased.reason()).isEqualTo("QUEUE");
		assertExact(ours);
		AccountView worked = List.of(a, b, c)
			.stream()
			.filter((x) -> x.id().equals(leased.accountId()))
			.findFirst()
			.orElseThrow();
		this.desk.call(worked.id(), this.portfolios.firstPhone(worked), "qc-agent");
		this.desk.dispose(worked.id(), Dispositions.noAnswer(this.portfolios.firstPhone(worked)),
				Dispositions.agent("qc-agent"));
		assertExact(ours);
		assertThat(kept(ours).get(all.id()).accounts()).isEqualTo(3);

		// a lead gives every account of the agent back to the pool
		this.next.assignAll(List.of(a.id(), c.id()), "qc-agent", "qc-lead");
		assertThat(kept(ours).get(all.id()).accounts()).isEqualTo(1);
		assertThat(this.next.reassignFrom("qc-agent", null, "qc-lead")).isEqualTo(2);
		assertExact(ours);
		assertThat(kept(ours).get(all.id()).accounts()).isEqualTo(3);

		// parked with an agency: out of the in-house queues; brought back, in again
		this.external.park(List.of(b.id()), "qc-agency", "qc-manager");
		assertExact(ours);
		assertThat(kept(ours).get(old.id()).accounts()).isZero();
		this.external.unpark(List.of(b.id()), "qc-manager");
		assertExact(ours);

		// a queue's filters changed: counted again in full
		this.queues.change(old.id(), null,
				new Queues.QueueState(old.name(), new QueueFilters(List.of(issuer.code()), List.of(), 40, null, null,
						null, List.of(), List.of(), List.of(), List.of()), old.sort(), old.priority(), true),
				"qc-manager");
		assertExact(ours);
		assertThat(kept(ours).get(old.id()).accounts()).isEqualTo(2);

		// paid in full (portfolio's change): the kept size waits for the full count
		Instant before = this.sizes.counted(ours).countedAt();
		this.payments.post(c.id(), new NewPayment(Money.of(new BigDecimal("3000.00"), issuer.currency()),
				PaymentChannel.ACH, "QC-1", null), "bank");
		assertThat(this.sizes.live(ours).get(this.queues.get(all.id())).accounts()).isEqualTo(2);
		assertThat(kept(ours).get(all.id()).accounts()).isEqualTo(3);
		this.clock.set(MONDAY.plus(Duration.ofMinutes(5)));
		this.sizes.recountAll();
		assertExact(ours);
		assertThat(this.sizes.counted(ours).countedAt()).isAfter(before);
	}

	private Map<UUID, Queues.Size> kept(List<UUID> teams) {
		Map<UUID, Queues.Size> kept = new java.util.HashMap<>();
		this.sizes.of(teams).forEach((q, s) -> kept.put(q.id(), s));
		return kept;
	}

	private void assertExact(List<UUID> teams) {
		Map<UUID, Long> live = new java.util.HashMap<>();
		this.sizes.live(teams).forEach((q, s) -> live.put(q.id(), s.accounts()));
		Map<UUID, Long> kept = new java.util.HashMap<>();
		this.sizes.of(teams).forEach((q, s) -> kept.put(q.id(), s.accounts()));
		assertThat(kept).isEqualTo(live);
		this.sizes.live(teams)
			.forEach((q, s) -> assertThat(this.queues.size(q.id()).accounts()).isEqualTo(s.accounts()));
	}

}
