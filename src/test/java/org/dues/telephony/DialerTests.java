package org.dues.telephony;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.Portfolios;
import org.dues.TestAgents;
import org.dues.compliance.ContactHolds;
import org.dues.compliance.HoldType;
import org.dues.customer.CustomerManagement;
import org.dues.identity.Role;
import org.dues.identity.Teams;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.dues.shared.InvalidInputException;
import org.dues.work.QueueFilters;
import org.dues.work.QueueSort;
import org.dues.work.Queues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The dialer loop against the simulated carrier, fifty times faster than real time, its
 * ticks driven by the test: a call is placed only where the gate allows it (a customer
 * who asked us to cease is never dialled, a US number without consent to an autodialer is
 * left to preview), a person who answers is connected to the ready agent and the account
 * pops on their desk, a person answering while no agent is free is abandoned after two
 * seconds (counted in the history, on the account's timeline and in the lead's figures),
 * and no account is dialled twice.
 */
@IntegrationTest
@TestPropertySource(properties = { "dues.telephony.simulated.time-scale=0.02", "dues.telephony.dialer.tick=0s" })
@ExtendWith(MutableClock.BackToStart.class)
class DialerTests {

	@Autowired
	Dialer dialer;

	@Autowired
	Campaigns campaigns;

	@Autowired
	CampaignFigures figures;

	@Autowired
	AgentStates states;

	@Autowired
	Portfolios portfolios;

	@Autowired
	TestAgents agents;

	@Autowired
	Teams teams;

	@Autowired
	Queues queues;

	@Autowired
	CustomerManagement customers;

	@Autowired
	ContactHolds holds;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	private final List<Long> started = new ArrayList<>();

	@AfterEach
	void stopCampaigns() throws Exception {
		for (long id : this.started) {
			this.campaigns.run(id, false);
		}
		this.dialer.tick();
	}

	@Test
	void dialsOnlyWhatTheGateAllowsConnectsAnswersToTheAgentAndAbandonsWhenNoneIsFree() throws Exception {
		// 11:00 in New York: within the customers' calling hours
		this.clock.set(Instant.parse("2026-11-26T16:00:00Z"));
		CreditorView issuer = this.portfolios.usIssuer();
		String agent = this.agents.named("dial-agent", "Dial Agent", "secret-dial-agent", Role.AGENT);
		Teams.TeamView team = this.teams.create("Dialer team", null);
		this.teams.addMember(team.id(), agent);
		List<AccountView> consented = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			AccountView account = this.portfolios.overdue(issuer, 40 + i, "900.00");
			this.customers.consentToAutodial(account.customerId(), this.portfolios.firstPhone(account), true);
			consented.add(account);
		}
		AccountView ceased = this.portfolios.overdue(issuer, 200, "900.00");
		this.customers.consentToAutodial(ceased.customerId(), this.portfolios.firstPhone(ceased), true);
		this.holds.place(ceased.customerId(), List.of(), HoldType.CEASE, null, null, "wrote to us", "tester");
		AccountView unconsented = this.portfolios.overdue(issuer, 300, "900.00");
		Queues.QueueView queue = this.queues.define(team.id(), "Dialled " + issuer.code(),
				new QueueFilters(List.of(issuer.code()), List.of(), 1, null, null, null, List.of(), List.of(),
						List.of(), List.of()),
				QueueSort.DPD_DESC, 50, "tester");
		CampaignView.Retry never = new CampaignView.Retry(10000, 1);
		CampaignView campaign = this.campaigns.create(new NewCampaign("Dialer test " + issuer.code(), queue.id(),
				"PROGRESSIVE", "00:00", "23:59", "America/New_York", BigDecimal.valueOf(2), 30,
				new CampaignView.Retries(never, never, never), List.of(), List.of(agent)), "tester");
		this.started.add(campaign.id());
		this.campaigns.run(campaign.id(), true);

		MockHttpServletResponse desk = this.mvc.perform(get("/desk/phone/stream").with(user(agent).roles("AGENT")))
			.andReturn()
			.getResponse();

		boolean connected = false;
		boolean abandoned = false;
		for (int round = 0; round < 60 && !(connected && abandoned); round++) {
			this.clock.advance(Duration.ofMinutes(1));
			this.states.change(agent, AgentState.READY, null);
			this.dialer.tick();
			DialerCalls.Dialled call = latest(campaign.id());
			assertThat(call).as("a ready agent gets a call placed (round %d)", round).isNotNull();
			if (connected) {
				// the agent steps away while it rings: nobody is free when it is answered
				this.states.change(agent, AgentState.BREAK, null);
			}
			UUID id = call.id();
			await(() -> ended(id), 20);
			DialerCalls.Dialled done = this.dialer.calls().find(id);
			if (!"HUMAN".equals(done.amd())) {
				continue;
			}
			if (!connected) {
				assertThat(done.claimedBy()).isEqualTo(agent);
				assertThat(done.bridgedAt()).isNotNull();
				await(() -> content(desk).contains(done.accountId().toString()), 5);
				assertThat(desk.getContentAsString()).contains("event:pop");
				// after the end is committed, the agent goes to wrap-up
				await(() -> this.states.current(agent).state() == AgentState.WRAP_UP, 5);
				assertThat(result(done.id())).isEqualTo("CONVERSATION");
				connected = true;
			}
			else {
				assertThat(done.claimedBy()).isNull();
				await(() -> this.dialer.calls().find(id).abandonedAt() != null, 5);
				assertThat(done.answeredAt()).isNotNull();
				assertThat(done.bridgedAt()).isNull();
				assertThat(result(done.id())).as("an attempt, answered and dropped").isEqualTo("ANSWERED_DROPPED");
				abandoned = true;
			}
		}
		assertThat(connected).as("a live answer was connected").isTrue();
		assertThat(abandoned).as("a live answer with no agent was abandoned").isTrue();
		this.dialer.tick();

		CampaignRun run = this.dialer.run(campaign.id());
		assertThat(run.history.abandons()).isEqualTo(1);
		assertThat(run.history.liveAnswers()).isEqualTo(2);
		CampaignFigures.Figures now = this.figures.of(campaign.id());
		assertThat(now.abandonsToday()).isEqualTo(1);
		assertThat(now.connectsToday()).isEqualTo(1);
		assertThat(now.liveAnswersToday()).isEqualTo(2);
		assertThat(now.abandonRateToday()).isEqualTo(0.5);

		List<UUID> dialled = this.jdbc.sql("SELECT account_id FROM telephony_calls WHERE campaign_id = ?")
			.param(campaign.id())
			.query(UUID.class)
			.list();
		assertThat(dialled).as("no account dialled twice").doesNotHaveDuplicates();
		assertThat(dialled).as("the ceased customer is never dialled").doesNotContain(ceased.id().value());
		assertThat(dialled).as("a number without autodialer consent is left to preview")
			.doesNotContain(unconsented.id().value());
		assertThat(this.jdbc.sql("""
				SELECT last_outcome FROM telephony_campaign_accounts WHERE campaign_id = ? AND account_id = ?""")
			.params(campaign.id(), unconsented.id().value())
			.query(String.class)
			.single()).isEqualTo("PREVIEW");
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM telephony_calls c JOIN contact_interactions i ON i.id = c.interaction_id
				WHERE c.campaign_id = ?""").param(campaign.id()).query(Integer.class).single())
			.as("every call placed is an attempt the gate logged")
			.isEqualTo(dialled.size());
		// the abandoned number waits 72 hours unless an agent is guaranteed
		assertThat(run.pacer.guaranteesAgent()).isTrue();

		// taken up again (as another node would), the campaign's history is replayed
		this.campaigns.run(campaign.id(), false);
		this.dialer.tick();
		assertThat(this.dialer.run(campaign.id())).isNull();
		this.states.change(agent, AgentState.OFFLINE, null);
		this.campaigns.run(campaign.id(), true);
		this.dialer.tick();
		CampaignRun replayed = this.dialer.run(campaign.id());
		assertThat(replayed).isNotSameAs(run);
		assertThat(replayed.history.liveAnswers()).isEqualTo(2);
		assertThat(replayed.history.abandons()).isEqualTo(1);
		assertThat(replayed.history.lastThirtyDays(this.clock.instant()).abandons()).isEqualTo(1);
	}

	@Test
	void aRunningCampaignThatCannotDialSaysWhyAndUntilWhen() throws Exception {
		CreditorView issuer = this.portfolios.usIssuer();
		String agent = this.agents.named("wait-agent", "Wait Agent", "secret-wait-agent", Role.AGENT);
		this.agents.lead("wait-lead");
		Teams.TeamView team = this.teams.create("Waiting team", null);
		this.teams.addMember(team.id(), agent);
		for (int i = 0; i < 3; i++) {
			AccountView account = this.portfolios.overdue(issuer, 40 + i, "900.00");
			this.customers.consentToAutodial(account.customerId(), this.portfolios.firstPhone(account), true);
		}
		Queues.QueueView queue = this.queues.define(team.id(), "Waiting " + issuer.code(),
				new QueueFilters(List.of(issuer.code()), List.of(), 1, null, null, null, List.of(), List.of(),
						List.of(), List.of()),
				QueueSort.DPD_DESC, 50, "tester");
		CampaignView.Retry never = new CampaignView.Retry(10000, 1);
		CampaignView late = this.campaigns.create(new NewCampaign("Afternoon " + issuer.code(), queue.id(),
				"PROGRESSIVE", "13:00", "20:00", "America/New_York", BigDecimal.valueOf(2), 30,
				new CampaignView.Retries(never, never, never), List.of(), List.of(agent)), "tester");
		this.started.add(late.id());
		this.campaigns.run(late.id(), true);

		// 10:00 in New York: the campaign dials from 13:00
		this.clock.set(Instant.parse("2026-11-26T15:00:00Z"));
		this.states.change(agent, AgentState.READY, null);
		this.dialer.tick();
		CampaignFigures.Figures before = this.figures.of(late.id());
		assertThat(before.dialsToday()).isZero();
		assertThat(before.waiting()).isEqualTo(
				new CampaignWaiting(CampaignWaiting.Reason.CAMPAIGN_HOURS, Instant.parse("2026-11-26T18:00:00Z")));
		String english = figuresText(late.id(), "en");
		assertThat(english).contains("Waiting: outside the campaign's hours until ");
		assertThat(figuresText(late.id(), "hi")).contains("प्रतीक्षा में: अभियान के समय से बाहर");
		assertThat(figuresText(late.id(), "ml")).contains("കാത്തിരിക്കുന്നു: കാമ്പെയ്‌നിന്റെ സമയത്തിന് പുറത്ത്");
		this.campaigns.run(late.id(), false);
		this.dialer.tick();
		assertThat(this.figures.of(late.id()).waiting()).as("a stopped campaign waits for nothing").isNull();

		CampaignView night = this.campaigns.create(new NewCampaign("All day " + issuer.code(), queue.id(),
				"PROGRESSIVE", "00:00", "23:59", "America/New_York", BigDecimal.valueOf(2), 30,
				new CampaignView.Retries(never, never, never), List.of(), List.of(agent)), "tester");
		this.started.add(night.id());
		this.campaigns.run(night.id(), true);
		// 02:00 in New York: inside the campaign's hours, outside every customer's
		this.clock.set(Instant.parse("2026-11-26T07:00:00Z"));
		this.states.change(agent, AgentState.READY, null);
		this.dialer.tick();
		CampaignFigures.Figures now = this.figures.of(night.id());
		assertThat(now.dialsToday()).isZero();
		assertThat(now.waiting()).isNotNull();
		assertThat(now.waiting().reason()).isEqualTo(CampaignWaiting.Reason.CALLING_HOURS);
		assertThat(now.waiting().until()).as("the first customer's calling hours open")
			.isAfter(Instant.parse("2026-11-26T12:00:00Z"))
			.isBefore(Instant.parse("2026-11-26T20:00:00Z"));
		assertThat(figuresText(night.id(), "en"))
			.contains("Waiting: no customer of the queue is inside their calling hours now; the next opening is ");
		assertThat(figuresText(night.id(), "hi")).contains("अगला अवसर");
		assertThat(figuresText(night.id(), "ml")).contains("അടുത്ത അവസരം");

		// nobody ready: nothing to say
		this.states.change(agent, AgentState.BREAK, null);
		this.dialer.tick();
		assertThat(this.figures.of(night.id()).waiting()).isNull();
	}

	private String figuresText(long campaign, String language) throws Exception {
		return org.jsoup.Jsoup
			.parse(this.mvc.perform(get("/campaigns/" + campaign + "/figures").param("lang", language)
				.with(user("wait-lead").roles("TEAM_LEAD"))).andReturn().getResponse().getContentAsString())
			.select("[data-campaign-waiting]")
			.text();
	}

	@Test
	void aBadCampaignIsRefusedFieldByFieldAndNothingIsMade() {
		int before = this.campaigns.all().size();
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> this.campaigns.create(
				new NewCampaign("", UUID.randomUUID(), "TURBO", "20:00", "09:00", "Mars/Olympus", BigDecimal.valueOf(9),
						-1, null, List.of(new CampaignView.CallerIdRule("", "", "12345")), List.of("nobody-at-all")),
				"tester"))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
				.contains("name", "queueId", "mode", "hoursTo", "zone", "maxDialRatio", "wrapSeconds",
						"callerIds[0].callerId", "members"));
		assertThat(this.campaigns.all()).hasSize(before);
	}

	private DialerCalls.Dialled latest(long campaign) {
		List<DialerCalls.Dialled> open = this.dialer.calls().open(campaign);
		return open.isEmpty() ? null : open.get(open.size() - 1);
	}

	private boolean ended(UUID call) {
		DialerCalls.Dialled found = this.dialer.calls().find(call);
		return found != null && found.endedAt() != null;
	}

	private String result(UUID call) {
		return this.jdbc.sql("""
				SELECT i.result FROM telephony_calls c JOIN contact_interactions i ON i.id = c.interaction_id
				WHERE c.id = ?""").param(call).query(String.class).single();
	}

	private static String content(MockHttpServletResponse response) {
		try {
			return response.getContentAsString();
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void await(BooleanSupplier condition, int seconds) throws InterruptedException {
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited %d s", seconds).isLessThan(until);
			Thread.sleep(20);
		}
	}

}
