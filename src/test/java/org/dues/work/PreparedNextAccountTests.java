package org.dues.work;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.Portfolios;
import org.dues.TestAgents;
import org.dues.compliance.ContactHolds;
import org.dues.compliance.HoldType;
import org.dues.identity.NewUser;
import org.dues.identity.Role;
import org.dues.identity.UserManagement;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.event.LogoutSuccessEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Next account prepared ahead of the agent's ask: leased to them meanwhile so nobody else
 * takes it, handed out once, and not handed out when something that decides it changed
 * since it was prepared (a hold, the account changing hands, a follow-up come due) or its
 * lease ran out; the ask then walks as before. The background preparation is off in tests
 * ({@code dues.work.prepare-ahead=false}): each test prepares by hand.
 */
@IntegrationTest
class PreparedNextAccountTests {

	@Autowired
	Portfolios portfolios;

	@Autowired
	TestAgents agents;

	@Autowired
	NextAccount next;

	@Autowired
	ContactHolds holds;

	@Autowired
	MutableClock clock;

	@Autowired
	UserManagement users;

	@Autowired
	Queues queues;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@AfterEach
	void reset() {
		this.jdbc.sql("DELETE FROM work_locks").update();
		this.jdbc.sql("DELETE FROM work_assignments").update();
		this.clock.set(IntegrationTest.START);
	}

	@Test
	void aPreparedAccountIsLeasedToTheAgentSoNobodyElseTakesItAndIsHandedOutOnce() {
		this.clock.set(NextAccountTests.MONDAY);
		CreditorView issuer = this.portfolios.usIssuer();
		AccountView most = this.portfolios.overdue(issuer, 88, "1000.00");
		AccountView next = this.portfolios.overdue(issuer, 87, "1000.00");
		this.agents.pooledAgent("prep-a", "secret");
		this.agents.pooledAgent("prep-b", "secret");
		this.agents.queue(this.agents.team("Prepared " + issuer.code(), "prep-a", "prep-b"),
				"Prepared of " + issuer.code(), TestAgents.everyAccountOf(issuer), 1, "lead");
		this.queues.refreshMembers();

		this.next.prepare("prep-a");
		assertThat(prepared("prep-a")).as("the most overdue, leased to prep-a as prepared").containsExactly(most.id());
		assertThat(this.next.next("prep-b").orElseThrow().accountId()).as("not the one prepared for prep-a")
			.isEqualTo(next.id());
		// a newcomer more overdue than it: a walk would hand it out, the prepared one is
		// handed out instead
		AccountView newcomer = this.portfolios.overdue(issuer, 99, "1000.00");
		this.queues.refreshMembers();
		NextAccount.Next handed = this.next.next("prep-a").orElseThrow();
		assertThat(handed.accountId()).isEqualTo(most.id());
		assertThat(handed.reason()).isEqualTo("QUEUE");
		assertThat(handed.queue()).isEqualTo("Prepared of " + issuer.code());
		assertThat(handed.leasedUntil()).isEqualTo(NextAccountTests.MONDAY.plus(NextAccount.LEASE));
		assertThat(prepared("prep-a")).as("handed out: an ordinary lease now").isEmpty();
		assertThat(this.next.next("prep-a").map(NextAccount.Next::accountId)).as("never handed out twice")
			.contains(newcomer.id());
		this.next.prepare("prep-a");
		this.next.prepare("prep-a");
		assertThat(this.jdbc.sql("SELECT count(*) FROM work_locks WHERE agent = 'prep-a' AND prepared")
			.query(Integer.class)
			.single()).as("one prepared account an agent at most").isLessThanOrEqualTo(1);
	}

	@Test
	void aHoldPlacedAfterPreparingStopsTheHandOutAndTheAskMovesOn() {
		this.clock.set(NextAccountTests.MONDAY);
		CreditorView issuer = this.portfolios.usIssuer();
		AccountView first = this.portfolios.overdue(issuer, 70, "1000.00");
		AccountView second = this.portfolios.overdue(issuer, 60, "1000.00");
		owner("prep-hold", first, second);

		this.next.prepare("prep-hold");
		assertThat(prepared("prep-hold")).containsExactly(first.id());
		this.clock.set(NextAccountTests.MONDAY.plusSeconds(30));
		this.holds.place(first.customerId(), List.of(first.id().value()), HoldType.CEASE, null, null,
				"Asked us to stop", "tester");
		NextAccount.Next handed = this.next.next("prep-hold").orElseThrow();
		assertThat(handed.accountId()).as("the gate is asked again, and it stops the held one").isEqualTo(second.id());
		assertThat(handed.passedOver()).singleElement().asString().startsWith(first.accountRef()).contains("holds");
		assertThat(prepared("prep-hold")).isEmpty();
	}

	@Test
	void aPreparedAccountNamesTheAccountsTheGatePassedOverOnTheWayToIt() {
		this.clock.set(NextAccountTests.MONDAY);
		CreditorView issuer = this.portfolios.usIssuer();
		AccountView held = this.portfolios.overdue(issuer, 70, "1000.00");
		AccountView second = this.portfolios.overdue(issuer, 60, "1000.00");
		owner("prep-passed", held, second);
		this.holds.place(held.customerId(), List.of(held.id().value()), HoldType.CEASE, null, null, "Asked us to stop",
				"tester");
		this.clock.set(NextAccountTests.MONDAY.plusSeconds(10));

		this.next.prepare("prep-passed");
		assertThat(prepared("prep-passed")).containsExactly(second.id());
		NextAccount.Next handed = this.next.next("prep-passed").orElseThrow();
		assertThat(handed.accountId()).isEqualTo(second.id());
		assertThat(handed.passedOver()).singleElement().asString().startsWith(held.accountRef()).contains("holds");
	}

	@Test
	void anAccountThatChangesHandsAfterPreparingIsNotHandedOut() {
		this.clock.set(NextAccountTests.MONDAY);
		CreditorView issuer = this.portfolios.usIssuer();
		AccountView first = this.portfolios.overdue(issuer, 70, "1000.00");
		AccountView second = this.portfolios.overdue(issuer, 60, "1000.00");
		owner("prep-move", first, second);
		this.users.createIfAbsent(new NewUser("prep-other", "Other", "secret", Set.of(Role.AGENT), List.of()));

		this.next.prepare("prep-move");
		assertThat(prepared("prep-move")).containsExactly(first.id());
		this.next.assign(first.id(), "prep-other", "lead");
		assertThat(prepared("prep-move")).as("let go as it changed hands").isEmpty();
		assertThat(this.next.next("prep-move").orElseThrow().accountId()).isEqualTo(second.id());
		assertThat(this.next.next("prep-other").orElseThrow().accountId()).as("its new owner gets it at once")
			.isEqualTo(first.id());

		// changed hands behind next account's back (another node's reassignment racing
		// the
		// preparation): the hand-out checks the owner itself
		this.jdbc.sql("DELETE FROM work_locks").update();
		this.next.assign(first.id(), "prep-move", "lead");
		this.next.prepare("prep-move");
		assertThat(prepared("prep-move")).containsExactly(first.id());
		this.jdbc.sql("UPDATE work_assignments SET agent = 'prep-other' WHERE account_id = :id")
			.param("id", first.id().value())
			.update();
		assertThat(this.next.next("prep-move").orElseThrow().accountId()).isEqualTo(second.id());
	}

	@Test
	void aPreparedLeaseRunsOutAndAnotherAgentThenTakesTheAccount() {
		this.clock.set(NextAccountTests.MONDAY);
		CreditorView issuer = this.portfolios.usIssuer();
		AccountView most = this.portfolios.overdue(issuer, 89, "1000.00");
		this.agents.pooledAgent("prep-x", "secret");
		this.agents.pooledAgent("prep-y", "secret");
		this.agents.queue(this.agents.team("Expiring " + issuer.code(), "prep-x", "prep-y"),
				"Expiring of " + issuer.code(), TestAgents.everyAccountOf(issuer), 1, "lead");
		this.queues.refreshMembers();

		this.next.prepare("prep-x");
		assertThat(prepared("prep-x")).containsExactly(most.id());
		this.clock.set(NextAccountTests.MONDAY.plus(PreparedLeases.PREPARED_FOR).plusSeconds(1));
		this.queues.refreshMembers();
		assertThat(this.next.next("prep-y").orElseThrow().accountId()).as("prep-x's prepared lease ran out")
			.isEqualTo(most.id());
		assertThat(this.next.next("prep-x").map(NextAccount.Next::accountId))
			.isNotEqualTo(java.util.Optional.of(most.id()));
	}

	@Test
	void loggingOutLetsThePreparedAccountGo() {
		this.clock.set(NextAccountTests.MONDAY);
		CreditorView issuer = this.portfolios.usIssuer();
		AccountView first = this.portfolios.overdue(issuer, 70, "1000.00");
		owner("prep-out", first);
		this.next.prepare("prep-out");
		assertThat(prepared("prep-out")).containsExactly(first.id());
		this.events.publishEvent(new LogoutSuccessEvent(new TestingAuthenticationToken("prep-out", null)));
		assertThat(prepared("prep-out")).isEmpty();
	}

	@Test
	void aCallbackComeDueSincePreparingGoesFirstAndAContactSincePreparingAsksTheGateAgain() {
		this.clock.set(NextAccountTests.MONDAY);
		CreditorView issuer = this.portfolios.usIssuer();
		AccountView first = this.portfolios.overdue(issuer, 70, "1000.00");
		AccountView second = this.portfolios.overdue(issuer, 60, "1000.00");
		AccountView third = this.portfolios.overdue(issuer, 50, "1000.00");
		owner("prep-due", first, second, third);
		this.jdbc.sql("""
				INSERT INTO work_followups (id, account_id, due_at, cause, cause_ref, reason, assigned_to, created_at)
				VALUES (:id, :account, :due, 'CALLBACK', :ref, 'Call back at 10:01', 'prep-due', :now)""")
			.param("id", UUID.randomUUID())
			.param("account", third.id().value())
			.param("due", Timestamp.from(NextAccountTests.MONDAY.plusSeconds(60)))
			.param("ref", "prepared-" + third.id().value())
			.param("now", Timestamp.from(NextAccountTests.MONDAY.minusSeconds(60)))
			.update();

		this.next.prepare("prep-due");
		assertThat(prepared("prep-due")).containsExactly(first.id());
		this.clock.set(NextAccountTests.MONDAY.plusSeconds(120));
		NextAccount.Next handed = this.next.next("prep-due").orElseThrow();
		assertThat(handed.accountId()).as("the callback that came due since").isEqualTo(third.id());
		assertThat(handed.reason()).isEqualTo("CALLBACK");

		// prepared again, then the customer is contacted (here: an outcome recorded on
		// the
		// account by someone else): the prepared one is not handed out unseen
		this.jdbc.sql("DELETE FROM work_locks").update();
		this.next.prepare("prep-due");
		assertThat(prepared("prep-due")).containsExactly(first.id());
		this.clock.set(NextAccountTests.MONDAY.plusSeconds(180));
		this.jdbc.sql("""
				INSERT INTO work_dispositions (id, account_id, result, agent, recorded_at)
				VALUES (gen_random_uuid(), :account, 'NO_ANSWER', 'someone', :at)""")
			.param("account", first.id().value())
			.param("at", Timestamp.from(NextAccountTests.MONDAY.plusSeconds(170)))
			.update();
		assertThat(this.next.next("prep-due").orElseThrow().accountId()).as("the first rests now")
			.isEqualTo(second.id());
	}

	private void owner(String agent, AccountView... accounts) {
		this.users.createIfAbsent(new NewUser(agent, agent, "secret", Set.of(Role.AGENT), List.of()));
		this.next.assignAll(java.util.Arrays.stream(accounts).map(AccountView::id).toList(), agent, "lead");
	}

	private List<AccountId> prepared(String agent) {
		return this.jdbc.sql("SELECT account_id FROM work_locks WHERE agent = :agent AND prepared")
			.param("agent", agent)
			.query(UUID.class)
			.list()
			.stream()
			.map(AccountId::new)
			.toList();
	}

}
