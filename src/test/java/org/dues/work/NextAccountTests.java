package org.dues.work;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.Portfolios;
import org.dues.TestAgents;
import org.dues.compliance.ContactHolds;
import org.dues.compliance.HoldType;
import org.dues.identity.NewUser;
import org.dues.identity.Role;
import org.dues.identity.Teams;
import org.dues.identity.UserManagement;
import org.dues.payment.NewPayment;
import org.dues.payment.PaymentChannel;
import org.dues.payment.PaymentManagement;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.dues.shared.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Next account: due follow-ups first, then the most overdue; accounts the gate would
 * block are passed over with the reason; two agents asking at once never get the same
 * account.
 */
@IntegrationTest
class NextAccountTests {

	/** Monday 30 November 2026, 10:00 in New York. */
	static final Instant MONDAY = Instant.parse("2026-11-30T15:00:00Z");

	@Autowired
	TestAgents agents;

	@Autowired
	Portfolios portfolios;

	@Autowired
	NextAccount next;

	@Autowired
	FollowUps followUps;

	@Autowired
	ContactHolds holds;

	@Autowired
	MutableClock clock;

	@Autowired
	UserManagement users;

	@Autowired
	Teams teams;

	@Autowired
	Queues queues;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WorkOrder order;

	@Autowired
	PaymentManagement payments;

	@AfterEach
	void reset() {
		this.jdbc.sql("DELETE FROM work_locks").update();
		this.jdbc.sql("DELETE FROM work_assignments").update();
		this.clock.set(IntegrationTest.START);
	}

	@Test
	void followUpsFirstThenTheMostOverdueSkippingWhatTheGateBlocksAndNeverTwice() throws Exception {
		this.clock.set(MONDAY.minus(Duration.ofDays(1)));
		CreditorView issuer = this.portfolios.usIssuer();
		List<AccountView> pool = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			pool.add(this.portfolios.overdue(issuer, 20 + i, "1000.00"));
		}
		AccountView ceased = pool.get(11);
		AccountView brokenPromise = pool.get(0);
		this.holds.place(ceased.customerId(), List.of(ceased.id().value()), HoldType.CEASE, null, null,
				"Asked us to stop", "tester");
		this.followUps.raiseForNextDay(brokenPromise.id(), "PROMISE_BROKEN", "test-" + brokenPromise.id(),
				"Promise of 200.00 broken");
		for (AccountView account : pool) {
			this.next.assign(account.id(), null, "lead");
		}
		Teams.TeamView team = this.teams.create("Pool " + issuer.code(), null);
		for (char c = 'a'; c <= 'l'; c++) {
			this.users.createIfAbsent(new NewUser("agent-" + c, "Agent " + c, "secret", Set.of(Role.AGENT), List.of()));
			this.teams.addMember(team.id(), "agent-" + c);
		}
		this.agents.queue(team, "Everything of " + issuer.code(), TestAgents.everyAccountOf(issuer), 1, "lead");
		this.clock.set(MONDAY);
		// the 5-minute pass lists the queue again: the broken promise's follow-up, still
		// to
		// come when the queue was defined, is due now
		this.queues.refreshMembers();

		NextAccount.Next first = this.next.next("agent-a").orElseThrow();
		assertThat(first.accountId()).isEqualTo(brokenPromise.id());
		assertThat(first.reason()).isEqualTo("PROMISE_BROKEN");
		assertThat(first.passedOver()).isEmpty();
		NextAccount.Next second = this.next.next("agent-b").orElseThrow();
		assertThat(second.accountId()).as("the most overdue that may be called").isEqualTo(pool.get(10).id());
		assertThat(second.passedOver()).singleElement().asString().startsWith(ceased.accountRef()).contains("holds");
		NextAccount.Next again = this.next.next("agent-a").orElseThrow();
		assertThat(again.accountId()).as("asking again moves on").isNotIn(first.accountId(), second.accountId());
		assertThat(again.reason()).isEqualTo("QUEUE");
		assertThat(again.queue()).isEqualTo("Everything of " + issuer.code());

		// eight agents ask at the same moment: eight different accounts
		ExecutorService agents = Executors.newFixedThreadPool(8);
		List<AccountId> taken = Collections.synchronizedList(new ArrayList<>());
		try {
			List<Callable<Optional<NextAccount.Next>>> asks = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				String agent = "agent-" + (char) ('c' + i);
				asks.add(() -> this.next.next(agent));
			}
			for (Future<Optional<NextAccount.Next>> f : agents.invokeAll(asks)) {
				f.get().ifPresent((n) -> taken.add(n.accountId()));
			}
		}
		finally {
			agents.shutdownNow();
		}
		assertThat(new HashSet<>(taken)).as("no account handed to two agents at once").hasSize(taken.size());
		assertThat(taken).doesNotContain(ceased.id(), again.accountId(), second.accountId());
		// 12 pooled, 1 ceased, 2 held by agents a and b, so 9 for the others
		assertThat(taken).hasSize(8);
		assertThat(this.next.next("agent-k")).isPresent();
		assertThat(this.next.next("agent-l")).as("everything is taken or blocked").isEmpty();
		this.clock.set(MONDAY.plus(NextAccount.LEASE).plus(Duration.ofMinutes(1)));
		// handed out, the accounts left the queue's listing; the 5-minute pass lists them
		// again once their leases have run out
		this.queues.refreshMembers();
		assertThat(this.next.next("agent-l")).as("leases run out").isPresent();
	}

	@Test
	void ownedAccountsComeInTheOrderKeptOnTheirAssignmentsWhichPaymentsAndTheRefreshBringUpToDate() {
		this.clock.set(MONDAY);
		CreditorView issuer = this.portfolios.usIssuer();
		AccountView younger = this.portfolios.overdue(issuer, 30, "900.00");
		AccountView older = this.portfolios.overdue(issuer, 40, "1000.00");
		AccountView olderLarger = this.portfolios.overdue(issuer, 40, "3000.00");
		this.users.createIfAbsent(new NewUser("owner-x", "Owner X", "secret", Set.of(Role.AGENT), List.of()));
		this.next.assignAll(List.of(younger.id(), older.id(), olderLarger.id()), "owner-x", "lead");

		assertThat(this.next.next("owner-x").orElseThrow().accountId()).as("most overdue, then largest")
			.isEqualTo(olderLarger.id());
		this.payments.post(olderLarger.id(),
				new NewPayment(Money.of("2500.00", "USD"), PaymentChannel.UPI, "order-" + olderLarger.id(), null),
				"tester");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(orderOf(olderLarger.id())).isEqualTo("40 500.0000"));
		assertThat(this.next.next("owner-x").orElseThrow().accountId()).isEqualTo(older.id());
		assertThat(this.next.next("owner-x").orElseThrow().accountId()).as("its balance now below the other's")
			.isEqualTo(olderLarger.id());

		// the nightly aging (here by hand) moves days past due; the order follows at the
		// next refresh
		this.jdbc.sql("UPDATE portfolio_accounts SET days_past_due = 95 WHERE id = :id")
			.param("id", younger.id().value())
			.update();
		assertThat(this.next.next("owner-x").orElseThrow().accountId()).as("before the refresh").isEqualTo(older.id());
		assertThat(this.order.refresh()).isEqualTo(1);
		assertThat(orderOf(younger.id())).isEqualTo("95 900.0000");
		assertThat(this.next.next("owner-x").orElseThrow().accountId()).isEqualTo(younger.id());
	}

	@Test
	void whatIsLeftOfAListingIsCheckedAgainAsItIsHandedOutAndSkippingAnAccountBringsItBack() {
		this.clock.set(MONDAY);
		CreditorView issuer = this.portfolios.usIssuer();
		AccountView first = this.portfolios.overdue(issuer, 60, "1000.00");
		AccountView second = this.portfolios.overdue(issuer, 50, "1000.00");
		AccountView third = this.portfolios.overdue(issuer, 40, "1000.00");
		this.users.createIfAbsent(new NewUser("lister", "Lister", "secret", Set.of(Role.AGENT), List.of()));
		this.next.assignAll(List.of(first.id(), second.id(), third.id()), "lister", "lead");

		assertThat(this.next.next("lister").orElseThrow().accountId()).isEqualTo(first.id());
		// a call outcome rests the first, so the next ask goes on from the listing;
		// meanwhile
		// another user has the second open
		this.jdbc.sql("""
				INSERT INTO work_dispositions (id, account_id, result, agent, recorded_at)
				VALUES (gen_random_uuid(), :account, 'NO_ANSWER', 'lister', :at)""")
			.param("account", first.id().value())
			.param("at", java.sql.Timestamp.from(MONDAY))
			.update();
		this.jdbc.sql("""
				INSERT INTO work_locks (account_id, agent, locked_at, expires_at)
				VALUES (:account, 'someone-else', :at, :until)""")
			.param("account", second.id().value())
			.param("at", java.sql.Timestamp.from(MONDAY))
			.param("until", java.sql.Timestamp.from(MONDAY.plus(Duration.ofMinutes(15))))
			.update();
		assertThat(this.next.next("lister").orElseThrow().accountId()).as("the second is open with another")
			.isEqualTo(third.id());
		this.jdbc.sql("DELETE FROM work_locks WHERE agent = 'someone-else'").update();
		// the third let go without an outcome: it comes back after the second
		assertThat(this.next.next("lister").orElseThrow().accountId()).isEqualTo(second.id());
		assertThat(this.next.next("lister").orElseThrow().accountId()).as("skipped, so back in the list")
			.isEqualTo(third.id());
		assertThat(this.next.next("lister").orElseThrow().accountId()).isEqualTo(second.id());
	}

	@Test
	void aQueueHandsOutItsListingWhichARefreshBringsUpToDateWhileOwnershipIsReadLive() {
		this.clock.set(MONDAY);
		CreditorView issuer = this.portfolios.usIssuer();
		AccountView least = this.portfolios.overdue(issuer, 20, "500.00");
		AccountView middle = this.portfolios.overdue(issuer, 25, "500.00");
		this.users.createIfAbsent(new NewUser("pool-x", "Pool X", "secret", Set.of(Role.AGENT), List.of()));
		this.agents.queue(this.agents.team("List " + issuer.code(), "pool-x"), "All of " + issuer.code(),
				TestAgents.everyAccountOf(issuer), 1, "lead");
		AccountView newcomer = this.portfolios.overdue(issuer, 60, "500.00");

		assertThat(this.next.next("pool-x").orElseThrow().accountId()).as("the newcomer waits for the refresh")
			.isEqualTo(middle.id());
		assertThat(this.queues.refreshMembers()).isGreaterThanOrEqualTo(3);
		assertThat(this.next.next("pool-x").orElseThrow().accountId()).isEqualTo(newcomer.id());
		this.users.createIfAbsent(new NewUser("someone-else", "Someone", "secret", Set.of(Role.AGENT), List.of()));
		this.next.assignAll(List.of(least.id(), middle.id()), "someone-else", "lead");
		assertThat(this.next.next("pool-x"))
			.as("owned accounts leave the pool at once, and those handed out wait for the next listing")
			.isEmpty();
		this.next.assign(least.id(), null, "lead");
		assertThat(this.next.next("pool-x").map(NextAccount.Next::accountId))
			.as("an account given back to the pool is in its queue at once")
			.contains(least.id());
		this.queues.refreshMembers();
		assertThat(this.next.next("pool-x").map(NextAccount.Next::accountId))
			.as("and one handed out and let go is back at the next listing")
			.contains(newcomer.id());
	}

	private String orderOf(AccountId account) {
		return this.jdbc.sql("SELECT days_past_due || ' ' || balance FROM work_assignments WHERE account_id = :id")
			.param("id", account.value())
			.query(String.class)
			.single();
	}

}
