package org.dues.telephony;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.Portfolios;
import org.dues.TestAgents;
import org.dues.identity.Role;
import org.dues.identity.Teams;
import org.dues.messaging.chat.ChatStatus;
import org.dues.messaging.chat.Chats;
import org.dues.payment.LinkPurpose;
import org.dues.payment.NewPaymentLink;
import org.dues.payment.PaymentLinkView;
import org.dues.payment.PaymentLinks;
import org.dues.portfolio.AccountView;
import org.dues.work.QueueFilters;
import org.dues.work.QueueSort;
import org.dues.work.Queues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Blended work: live chats move the agent's telephony state through messaging's events
 * (messaging never writes telephony's tables). A chat given to a ready agent puts them on
 * a chat, which the dialer and the inbound router do not offer calls to; a call takes
 * precedence and its wrap-up ends on the chat; the last chat closed takes them back to
 * what they chose; the time on chats is recorded like every state's and the lead sees it
 * on the campaign's figures.
 */
@IntegrationTest
@ExtendWith(MutableClock.BackToStart.class)
class ChatStatesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Portfolios portfolios;

	@Autowired
	TestAgents agents;

	@Autowired
	PaymentLinks links;

	@Autowired
	Chats chats;

	@Autowired
	AgentStates states;

	@Autowired
	MutableClock clock;

	@Autowired
	Teams teams;

	@Autowired
	Queues queues;

	@Test
	void chatsPutAnAgentOnAChatACallTakesPrecedenceAndTheTimeIsRecordedAndShownToTheLead() throws Exception {
		Instant start = Instant.parse("2026-11-26T11:00:00Z");
		this.clock.set(start);
		// Tamil: no other test's agent speaks it, so the chats come to this one
		String agent = this.agents.pooledAgent("blend-agent", "blend-secret", "ta", "en");
		String lead = this.agents.named("blend-lead", "Blend Lead", "blend-lead-secret", Role.TEAM_LEAD);
		long campaign = campaign(lead, agent);
		AccountView account = this.portfolios.overdue(this.portfolios.usIssuer(), 45, "2500.00");
		PaymentLinkView link = this.links.create(account.id(), NewPaymentLink.of(LinkPurpose.OVERDUE), "tester");

		this.states.change(agent, AgentState.READY, null);
		this.mvc
			.perform(post("/desk/chats/ready").param("ready", "true")
				.with(SecurityMockMvcRequestPostProcessors.user(agent).roles("AGENT"))
				.with(csrf()))
			.andExpect(status().isOk());
		this.clock.advance(Duration.ofSeconds(60));
		UUID first = this.chats.start(link.token(), "ta", "வணக்கம்").chat().id();
		assertThat(this.chats.get(first).agent()).isEqualTo(agent);
		awaitState(agent, AgentState.ON_CHAT);
		assertThat(this.states.current(agent).since()).isEqualTo(start.plusSeconds(60));
		// on a chat: the dialer's and the inbound router's claim does not take them
		assertThat(this.states.claimLongestReady(List.of(agent), AgentState.ON_CALL, campaign)).isEmpty();

		this.clock.advance(Duration.ofSeconds(30));
		UUID second = this.chats.start(link.token(), "ta", "இன்னொரு கேள்வி").chat().id();
		assertThat(this.chats.get(second).status()).isEqualTo(ChatStatus.ACTIVE);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.states.openChats(agent) == 2);
		this.clock.advance(Duration.ofSeconds(30));

		// the lead sees the agent on a chat, for how long, and the time on chats today
		this.mvc.perform(get("/api/v1/campaigns/{id}/figures", campaign).with(httpBasic(lead, "blend-lead-secret")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.agents[0].username").value(agent))
			.andExpect(jsonPath("$.agents[0].state").value("ON_CHAT"))
			.andExpect(jsonPath("$.agents[0].seconds").value(60));
		this.mvc
			.perform(get("/campaigns/{id}/figures", campaign)
				.with(SecurityMockMvcRequestPostProcessors.user(lead).roles("TEAM_LEAD")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-state=\"ON_CHAT\"")))
			.andExpect(content().string(containsString("On a chat")));

		// a call takes precedence; its wrap-up ends on the chats still open
		this.states.change(agent, AgentState.ON_CALL, null);
		this.clock.advance(Duration.ofSeconds(120));
		this.states.wrapUp(agent, Duration.ofSeconds(20));
		this.clock.advance(Duration.ofSeconds(25));
		assertThat(this.states.current(agent).state()).isEqualTo(AgentState.ON_CHAT);
		assertThat(this.states.current(agent).since()).isEqualTo(start.plusSeconds(60 + 60 + 120 + 20));

		// Break chosen while chatting waits for the last chat
		this.mvc
			.perform(post("/desk/phone/state").param("state", "BREAK")
				.with(SecurityMockMvcRequestPostProcessors.user(agent).roles("AGENT"))
				.with(csrf()))
			.andExpect(status().isOk());
		assertThat(this.states.current(agent).state()).isEqualTo(AgentState.ON_CHAT);
		this.mvc.perform(get("/desk/phone").with(SecurityMockMvcRequestPostProcessors.user(agent).roles("AGENT")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-after-chat=\"BREAK\"")))
			.andExpect(content().string(containsString("When your last chat closes: On a break.")));
		this.chats.close(first, agent, "closed");
		this.clock.advance(Duration.ofSeconds(15));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.states.openChats(agent) == 1);
		assertThat(this.states.current(agent).state()).isEqualTo(AgentState.ON_CHAT);
		// Ready instead, and the last chat closes: ready, and offered calls again
		this.states.change(agent, AgentState.READY, null);
		this.chats.close(second, agent, "closed");
		awaitState(agent, AgentState.READY);
		Instant readyAgain = start.plusSeconds(60 + 60 + 120 + 20 + 5 + 15);
		assertThat(this.states.current(agent).since()).isEqualTo(readyAgain);
		this.clock.advance(Duration.ofSeconds(10));

		Map<AgentState, Duration> day = this.states.timeIn(LocalDate.of(2026, 11, 26), ZoneOffset.UTC).get(agent);
		assertThat(day).containsEntry(AgentState.ON_CHAT, Duration.ofSeconds(60 + 5 + 15))
			.containsEntry(AgentState.ON_CALL, Duration.ofSeconds(120))
			.containsEntry(AgentState.WRAP_UP, Duration.ofSeconds(20))
			.containsEntry(AgentState.READY, Duration.ofSeconds(60 + 10));
		assertThat(this.states.claimLongestReady(List.of(agent), AgentState.ON_CALL, campaign)).contains(agent);
		this.mvc
			.perform(post("/desk/chats/ready").param("ready", "false")
				.with(SecurityMockMvcRequestPostProcessors.user(agent).roles("AGENT"))
				.with(csrf()))
			.andExpect(status().isOk());
	}

	@Test
	void eventsTwiceOrOutOfOrderLeaveTheRightState() {
		String agent = "blend-order";
		this.states.change(agent, AgentState.OFFLINE, null);
		UUID chat = UUID.randomUUID();
		// the closing arrived before the taking: the chat stays closed
		this.states.chatClosed(agent, chat);
		this.states.chatTaken(agent, chat);
		assertThat(this.states.current(agent).state()).isEqualTo(AgentState.OFFLINE);
		assertThat(this.states.openChats(agent)).isZero();

		// an agent working chats without the phone is on a chat, then offline again
		UUID other = UUID.randomUUID();
		this.states.chatTaken(agent, other);
		this.states.chatTaken(agent, other);
		assertThat(this.states.current(agent).state()).isEqualTo(AgentState.ON_CHAT);
		assertThat(this.states.openChats(agent)).isOne();
		this.clock.advance(Duration.ofSeconds(40));
		this.states.chatClosed(agent, other);
		this.states.chatClosed(agent, other);
		assertThat(this.states.current(agent).state()).isEqualTo(AgentState.OFFLINE);
		assertThat(this.states.timeIn(LocalDate.of(2026, 11, 26), ZoneOffset.UTC).get(agent))
			.containsEntry(AgentState.ON_CHAT, Duration.ofSeconds(40));
	}

	private void awaitState(String agent, AgentState state) {
		await().atMost(Duration.ofSeconds(10)).until(() -> this.states.current(agent).state() == state);
	}

	private long campaign(String lead, String agent) throws Exception {
		Teams.TeamView team = this.teams.create("Blended team", lead);
		UUID queue = this.queues
			.define(team.id(), "Blended queue",
					new QueueFilters(List.of(), List.of(), null, null, null, null, List.of(), List.of(), List.of(),
							List.of()),
					QueueSort.DPD_DESC, 90, "tester")
			.id();
		String location = this.mvc
			.perform(post("/api/v1/campaigns").with(httpBasic(lead, "blend-lead-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"name": "Blended campaign", "queueId": "%s", "mode": "PROGRESSIVE", "members": ["%s"]}"""
					.formatted(queue, agent)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

}
