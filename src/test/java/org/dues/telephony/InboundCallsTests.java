package org.dues.telephony;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.Portfolios;
import org.dues.TestAgents;
import org.dues.arrangement.Asker;
import org.dues.compliance.Channel;
import org.dues.compliance.ContactGate;
import org.dues.compliance.PersonRole;
import org.dues.compliance.Purpose;
import org.dues.contact.ContactLog;
import org.dues.contact.InteractionView;
import org.dues.contact.OutboundContacts;
import org.dues.compliance.Direction;
import org.dues.identity.Role;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.dues.work.CallResult;
import org.dues.work.Desk;
import org.dues.work.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inbound calls: the caller found by the number (several matches offer the agent a
 * choice), routed to a ready agent who speaks the caller's language and may see the
 * account, the others queued with a place per language and connected longest-waiting
 * first when an agent becomes ready; the call on the timeline as inbound, not counted as
 * an attempt; a cease request taken on it acting at once.
 */
@IntegrationTest
@ExtendWith(MutableClock.BackToStart.class)
class InboundCallsTests {

	/** Monday 30 November 2026, 10:00 in New York, 20:30 in Kochi. */
	static final Instant MONDAY = Instant.parse("2026-11-30T15:00:00Z");

	static int numbers = 1000;

	@Autowired
	Portfolios portfolios;

	@Autowired
	TestAgents agents;

	@Autowired
	OutboundContacts outbound;

	@Autowired
	InboundCalls inbound;

	@Autowired
	AgentStates states;

	@Autowired
	ContactLog contacts;

	@Autowired
	CallEvents events;

	@Autowired
	Desk desk;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	Calling calling;

	@BeforeEach
	void set() {
		this.clock.set(MONDAY);
		this.calling = new Calling(this.portfolios, this.outbound, this.jdbc, this.clock);
		// nobody else's agent takes these calls (one wrapping up is ready by itself
		// later)
		for (AgentStateView state : this.states.all()) {
			if (state.state() != AgentState.OFFLINE) {
				this.states.change(state.username(), AgentState.OFFLINE, null);
			}
		}
	}

	/** An Indian mobile number nobody else in these tests has. */
	static synchronized String number() {
		return "+9194470" + (10000 + numbers++);
	}

	String ready(String agent) {
		this.states.change(agent, AgentState.READY, null);
		return agent;
	}

	@Test
	void aCallGoesToAReadyAgentWhoSpeaksTheCallersLanguageAndMaySeeTheAccount() {
		String phone = number();
		AccountView account = this.calling.speaking(this.portfolios.indianNbfc(), "ml", "KL", phone);
		this.agents.pooledAgent("in-hindi", "agent-secret", "hi", "en");
		// speaks Malayalam but may not see the account: in no team
		this.agents.user("in-stranger", "agent-secret", Role.AGENT, "ml");
		this.agents.pooledAgent("in-malayalam", "agent-secret", "ml", "en");
		ready("in-hindi");
		ready("in-stranger");
		ready("in-malayalam");

		assertThat(this.inbound.opensOneAccount(phone)).isTrue();
		InboundCalls.Arrival arrival = this.inbound.arrive("simulated", "SIMIN-" + UUID.randomUUID(), phone, null);

		assertThat(arrival.connected()).isTrue();
		assertThat(arrival.agent()).isEqualTo("in-malayalam");
		assertThat(arrival.language()).isEqualTo("ml");
		assertThat(arrival.accounts()).containsExactly(account.id().value());
		assertThat(arrival.disclosure()).contains("റെക്കോർഡ്");
		assertThat(this.states.current("in-malayalam").state()).isEqualTo(AgentState.ON_CALL);
		assertThat(this.states.current("in-stranger").state()).isEqualTo(AgentState.READY);
		// the account popped on the agent's desk, the call on its timeline as inbound
		AgentStates.Seat seat = this.states.seat("in-malayalam");
		assertThat(seat.accountId()).isEqualTo(account.id().value());
		assertThat(seat.callId()).isEqualTo(arrival.callId());
		assertThat(seat.direction()).isEqualTo("INBOUND");
		CallView call = this.events.find(arrival.callId());
		InteractionView logged = this.contacts.timeline(account.id(), 5)
			.stream()
			.filter((i) -> i.id().equals(call.interactionId()))
			.findFirst()
			.orElseThrow();
		assertThat(logged.direction()).isEqualTo(Direction.INBOUND);
		assertThat(logged.channel()).isEqualTo(Channel.CALL);
		assertThat(logged.address()).isEqualTo(phone);
		assertThat(logged.agent()).isEqualTo("in-malayalam");

		// the call ends: the agent wraps up
		this.events.take("simulated", arrival.callId(), null, arrival.callId() + ":ended",
				CallEvent.ended(CallEvent.EndCause.COMPLETED));
		assertThat(this.states.current("in-malayalam").state()).isEqualTo(AgentState.WRAP_UP);
	}

	@Test
	void aNumberSeveralAccountsShareOffersTheAgentAChoice() {
		String phone = number();
		AccountView first = this.calling.speaking(this.portfolios.indianNbfc(), "hi", "DL", phone);
		AccountView second = this.calling.speaking(this.portfolios.indianNbfc(), "hi", "DL", "0" + phone.substring(3));
		this.agents.pooledAgent("in-chooser", "agent-secret", "hi");
		ready("in-chooser");

		// the simulated carrier suggests no such number to call in as: no account would
		// open
		assertThat(this.inbound.opensOneAccount(phone)).isFalse();
		InboundCalls.Arrival arrival = this.inbound.arrive("simulated", "SIMIN-" + UUID.randomUUID(), phone, null);

		assertThat(arrival.accounts()).containsExactlyInAnyOrder(first.id().value(), second.id().value());
		assertThat(arrival.agent()).isEqualTo("in-chooser");
		CallView call = this.events.find(arrival.callId());
		assertThat(call.accountId()).isNull();
		assertThat(call.interactionId()).isNull();

		this.inbound.choose(arrival.callId(), second.id(), "in-chooser");

		CallView chosen = this.events.find(arrival.callId());
		assertThat(chosen.accountId()).isEqualTo(second.id().value());
		assertThat(this.contacts.timeline(second.id(), 5)).anySatisfy((i) -> {
			assertThat(i.id()).isEqualTo(chosen.interactionId());
			assertThat(i.direction()).isEqualTo(Direction.INBOUND);
		});
		assertThat(this.states.seat("in-chooser").accountId()).isEqualTo(second.id().value());
	}

	@Test
	void aNumberNobodyHasIsOfferedToAnyReadyAgentToSearch() {
		this.agents.pooledAgent("in-searcher", "agent-secret", "en");
		ready("in-searcher");

		InboundCalls.Arrival arrival = this.inbound.arrive("simulated", "SIMIN-" + UUID.randomUUID(), "+442079460999",
				null);

		assertThat(arrival.accounts()).isEmpty();
		assertThat(arrival.connected()).isTrue();
		assertThat(arrival.agent()).isEqualTo("in-searcher");
		assertThat(arrival.disclosure()).isNotNull();
		assertThat(this.events.find(arrival.callId()).accountId()).isNull();
	}

	@Test
	void callersWaitInAQueuePerLanguageAndTheLongestWaitingIsConnectedFirst() {
		CreditorView nbfc = this.portfolios.indianNbfc();
		String firstPhone = number();
		String secondPhone = number();
		String hindiPhone = number();
		this.calling.speaking(nbfc, "ml", "KL", firstPhone);
		this.calling.speaking(nbfc, "ml", "KL", secondPhone);
		this.calling.speaking(nbfc, "hi", "DL", hindiPhone);

		InboundCalls.Arrival first = this.inbound.arrive("simulated", "SIMIN-" + UUID.randomUUID(), firstPhone, null);
		this.clock.advance(java.time.Duration.ofSeconds(20));
		InboundCalls.Arrival second = this.inbound.arrive("simulated", "SIMIN-" + UUID.randomUUID(), secondPhone, null);
		InboundCalls.Arrival hindi = this.inbound.arrive("simulated", "SIMIN-" + UUID.randomUUID(), hindiPhone, null);
		this.clock.advance(java.time.Duration.ofSeconds(10));

		assertThat(this.inbound.arrival(first.callId()).position()).isEqualTo(1);
		assertThat(this.inbound.arrival(first.callId()).waited()).hasSeconds(30);
		assertThat(this.inbound.arrival(second.callId()).position()).isEqualTo(2);
		assertThat(this.inbound.arrival(hindi.callId()).position()).isEqualTo(1);
		// a provider asking again for the same call finds it, not a second one
		assertThat(this.inbound.arrive("simulated", this.events.find(first.callId()).providerCallId(), firstPhone, null)
			.callId()).isEqualTo(first.callId());

		this.agents.pooledAgent("in-queue-ml", "agent-secret", "ml");
		ready("in-queue-ml");
		assertThat(this.inbound.serveQueue()).isEqualTo(1);

		assertThat(this.inbound.arrival(first.callId()).agent()).isEqualTo("in-queue-ml");
		assertThat(this.inbound.arrival(second.callId()).status()).isEqualTo("WAITING");
		assertThat(this.inbound.arrival(second.callId()).position()).isEqualTo(1);
		assertThat(this.inbound.arrival(hindi.callId()).status()).isEqualTo("WAITING");

		// the second caller hangs up while waiting
		this.events.take("simulated", second.callId(), null, second.callId() + ":ended",
				CallEvent.ended(CallEvent.EndCause.COMPLETED));
		assertThat(this.inbound.arrival(second.callId()).status()).isEqualTo("ABANDONED");
	}

	@Test
	void anInboundCallIsNoAttemptForTheFrequencyRulesButACeaseTakenOnItActsAtOnce() {
		String phone = "+1212736" + (4000 + numbers++ % 5000);
		AccountView account = this.calling.speaking(this.portfolios.usIssuer(), "en", "NY", phone);
		this.agents.pooledAgent("in-us", "agent-secret", "en");
		ContactGate.Request call = new ContactGate.Request(account.id(), Set.of(), Channel.CALL, phone,
				PersonRole.CONSUMER, Purpose.COLLECTION);
		Map<String, Integer> none = this.contacts.check(call).callTally();
		// an outbound attempt counts
		this.contacts.attempt(call, org.dues.compliance.ContactResult.NO_ANSWER, null, "in-us");
		Map<String, Integer> before = this.contacts.check(call).callTally();
		assertThat(before).isNotEqualTo(none);
		ready("in-us");

		InboundCalls.Arrival arrival = this.inbound.arrive("simulated", "SIMIN-" + UUID.randomUUID(), phone, null);
		assertThat(arrival.agent()).isEqualTo("in-us");
		UUID interaction = this.events.find(arrival.callId()).interactionId();

		// the inbound call does not count against the calls the rules allow
		assertThat(this.contacts.check(call).callTally()).isEqualTo(before);
		assertThat(this.contacts.check(call).decision().allowed()).isTrue();

		// the customer asks to stop: recorded on the inbound call through the desk
		this.desk.dispose(
				account.id(), new Desk.Disposition(CallResult.RIGHT_PARTY, Outcome.CEASE_REQUESTED, interaction, null,
						null, null, null, null, null, "asked us to stop calling"),
				new Asker("in-us", Set.of(Role.AGENT)));

		// at once: the next outbound call is blocked
		ContactGate.Preview after = this.contacts.check(call);
		assertThat(after.decision().allowed()).isFalse();
		InteractionView logged = this.contacts.timeline(account.id(), 5)
			.stream()
			.filter((i) -> i.id().equals(interaction))
			.findFirst()
			.orElseThrow();
		assertThat(logged.result()).isNotNull();
		assertThat(List.of(logged.direction())).containsExactly(Direction.INBOUND);
	}

}
