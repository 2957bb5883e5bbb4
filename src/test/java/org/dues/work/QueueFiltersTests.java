package org.dues.work;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.Portfolios;
import org.dues.TestAgents;
import org.dues.identity.Teams;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A queue's filters select the pooled accounts they name, read through the faces the
 * other modules publish: where an account stands with arrangements (arrangement_facts),
 * its balance (portfolio_account_facts) and its customer's regions
 * (customer_region_facts).
 */
@IntegrationTest
class QueueFiltersTests {

	@Autowired
	Portfolios portfolios;

	@Autowired
	MutableClock clock;

	@Autowired
	TestAgents agents;

	@Autowired
	Queues queues;

	@Autowired
	JdbcClient jdbc;

	@Test
	void arrangementStatesReadWhetherAnArrangementIsOpenInForceOrBroken() {
		CreditorView issuer = this.portfolios.usIssuer();
		AccountView none = this.portfolios.overdue(issuer, 30, "100.00");
		AccountView promised = this.portfolios.overdue(issuer, 30, "100.00");
		arrangement(promised, "PROMISE", "ACTIVE", 1);
		AccountView awaitingApproval = this.portfolios.overdue(issuer, 30, "100.00");
		arrangement(awaitingApproval, "PROMISE", "PENDING_APPROVAL", 1);
		AccountView planned = this.portfolios.overdue(issuer, 30, "100.00");
		arrangement(planned, "SETTLEMENT", "ACTIVE", 1);
		AccountView broken = this.portfolios.overdue(issuer, 30, "100.00");
		arrangement(broken, "PROMISE", "KEPT", 3);
		arrangement(broken, "PLAN", "BROKEN", 2);
		AccountView keptSinceBroken = this.portfolios.overdue(issuer, 30, "100.00");
		arrangement(keptSinceBroken, "PROMISE", "BROKEN", 3);
		arrangement(keptSinceBroken, "PROMISE", "KEPT", 2);
		Teams.TeamView team = this.agents.team("Arrangements " + issuer.code());

		assertThat(pooled(team, issuer, List.of(ArrangementState.NONE), null, List.of()))
			.as("no open arrangement (a pending one is open)")
			.containsExactlyInAnyOrder(none.id().value(), broken.id().value(), keptSinceBroken.id().value());
		assertThat(pooled(team, issuer, List.of(ArrangementState.PROMISE), null, List.of()))
			.as("a promise in force, not one awaiting approval")
			.containsExactly(promised.id().value());
		assertThat(pooled(team, issuer, List.of(ArrangementState.PLAN), null, List.of()))
			.containsExactly(planned.id().value());
		assertThat(pooled(team, issuer, List.of(ArrangementState.BROKEN), null, List.of()))
			.as("the latest arrangement broken")
			.containsExactly(broken.id().value());
		assertThat(pooled(team, issuer, List.of(ArrangementState.PROMISE, ArrangementState.BROKEN), null, List.of()))
			.containsExactlyInAnyOrder(promised.id().value(), broken.id().value());
	}

	@Test
	void balancesAndRegionsFilterOnTheAccountsAndCustomersFaces() {
		CreditorView issuer = this.portfolios.usIssuer();
		AccountView small = this.portfolios.overdue(issuer, 30, "100.00");
		AccountView large = this.portfolios.placed(issuer, "900.00", "60.00", "40.00", "100.00",
				java.time.LocalDate.of(2026, 10, 1));
		Map<String, String> row = Portfolios.row(issuer, "500.00");
		row.putAll(Map.of("address_line1", "1 Main St", "city", "Albany", "state", "ny", "postal_code", "12207"));
		AccountView newYork = this.portfolios.place(issuer, row);
		Teams.TeamView team = this.agents.team("Balances " + issuer.code());

		assertThat(pooled(team, issuer, List.of(), new BigDecimal("1000.00"), List.of()))
			.as("the balance is principal, interest and fees")
			.containsExactly(large.id().value());
		assertThat(pooled(team, issuer, List.of(), null, List.of("NY"))).as("a region matches whatever its case")
			.containsExactly(newYork.id().value());
		assertThat(pooled(team, issuer, List.of(), null, List.of())).contains(small.id().value());
	}

	private List<UUID> pooled(Teams.TeamView team, CreditorView issuer, List<ArrangementState> arrangements,
			BigDecimal balanceMin, List<String> regions) {
		Queues.QueueView queue = this.queues.define(team.id(), "Queue " + UUID.randomUUID(),
				new QueueFilters(List.of(issuer.code()), List.of(), null, null, balanceMin, null, List.of(), regions,
						List.of(), arrangements),
				QueueSort.DPD_DESC, 1, "lead");
		return this.queues.preview(queue.id(), 100);
	}

	/** An arrangement as arrangement's tables hold it, made {@code daysAgo}. */
	private void arrangement(AccountView account, String kind, String status, int daysAgo) {
		this.jdbc.sql("""
				INSERT INTO arrangement_arrangements (id, account_id, creditor_id, kind, status, currency, amount,
				    balance_at_start, created_at, created_by)
				VALUES (:id, :account, :creditor, :kind, :status, 'USD', 50, 100, :at, 'tester')""")
			.param("id", UUID.randomUUID())
			.param("account", account.id().value())
			.param("creditor", account.creditorId().value())
			.param("kind", kind)
			.param("status", status)
			.param("at", Timestamp.from(this.clock.instant().minus(Duration.ofDays(daysAgo))))
			.update();
	}

}
