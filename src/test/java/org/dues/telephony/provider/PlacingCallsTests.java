package org.dues.telephony.provider;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.Portfolios;
import org.dues.TestAgents;
import org.dues.compliance.Channel;
import org.dues.compliance.ContactGate;
import org.dues.contact.InteractionStatus;
import org.dues.compliance.PersonRole;
import org.dues.compliance.Purpose;
import org.dues.contact.ContactLog;
import org.dues.contact.InteractionView;
import org.dues.contact.OutboundContacts;
import org.dues.portfolio.AccountView;
import org.dues.telephony.CallEvent;
import org.dues.telephony.CallEvents;
import org.dues.telephony.CallRequest;
import org.dues.telephony.CallView;
import org.dues.telephony.TelephonyCalls;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Placing calls: the gate is asked at that moment and a refused dial is never placed (the
 * refusal on the timeline); with no provider configured the simulated carrier places it,
 * and its events (drawn from the carrier model with a seed) arrive through the same
 * intake as the real providers', ending the attempt with its result.
 */
@IntegrationTest
@ExtendWith(MutableClock.BackToStart.class)
class PlacingCallsTests {

	/** Monday 30 November 2026, 10:00 in New York. */
	static final Instant MONDAY = Instant.parse("2026-11-30T15:00:00Z");

	@Autowired
	Portfolios portfolios;

	@Autowired
	TestAgents agents;

	@Autowired
	TelephonyCalls calls;

	@Autowired
	OutboundContacts outbound;

	@Autowired
	ContactLog contacts;

	@Autowired
	CallEvents events;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void agent() {
		this.agents.pooledAgent("dialer-agent", "agent-secret");
	}

	int callsOf(AccountView account) {
		return this.jdbc.sql("SELECT count(*) FROM telephony_calls WHERE account_id = ?")
			.param(account.id().value())
			.query(Integer.class)
			.single();
	}

	/** The gate's clearance of a call to the number, as the dialer asks it. */
	OutboundContacts.Clearance clear(AccountView account, String number) {
		return this.outbound.clear(new ContactGate.Request(account.id(), Set.of(), Channel.CALL, number,
				PersonRole.CONSUMER, Purpose.COLLECTION), "call", "dialer-agent");
	}

	/**
	 * A call of the simulated carrier's placed at {@link #MONDAY}, in the given status,
	 * recorded (with its disclosure) or not.
	 */
	UUID simulatedCall(AccountView account, String number, OutboundContacts.Clearance clearance, String status,
			@Nullable String providerCallId, boolean recorded) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO telephony_calls (id, provider, provider_call_id, account_id, interaction_id,
				    customer_number, agent, agent_number, caller_id, direction, status, recorded, disclosure,
				    callback_token, created_at)
				VALUES (?, 'simulated', ?, ?, ?, ?, 'dialer-agent', '+12025550199', '+15550100000', 'OUTBOUND',
				    ?, ?, ?, 'x', ?)""")
			.params(id, providerCallId, account.id().value(), clearance.attempt().interaction().id(), number, status,
					recorded, recorded ? "Recorded." : null, java.sql.Timestamp.from(MONDAY))
			.update();
		return id;
	}

	@Test
	void aDialTheGateRefusesIsNeverPlacedAndTheRefusalIsOnTheTimeline() {
		// 05:00 in New York: outside the hours a US debt collector may call
		AccountView account = this.portfolios.overdue(this.portfolios.usIssuer(), 45, "2500.00");
		String number = this.portfolios.firstPhone(account);

		TelephonyCalls.Placement placement = this.calls
			.place(new TelephonyCalls.Dial(account.id(), number, "dialer-agent", "+12025550199", null, null));

		assertThat(placement.placed()).isFalse();
		assertThat(placement.attempt().allowed()).isFalse();
		assertThat(callsOf(account)).isZero();
		InteractionView refused = this.contacts.timeline(account.id(), 5).get(0);
		assertThat(refused.status()).isEqualTo(InteractionStatus.BLOCKED);
		assertThat(refused.blockedReason()).isNotBlank();
	}

	@Test
	void anAllowedDialIsPlacedThroughTheSimulatedCarrierWhenNoProviderIsConfigured() {
		this.clock.set(MONDAY);
		AccountView account = this.portfolios.overdue(this.portfolios.usIssuer(), 45, "2500.00");
		String number = this.portfolios.firstPhone(account);

		TelephonyCalls.Placement placement = this.calls.place(new TelephonyCalls.Dial(account.id(), number,
				"dialer-agent", "+12025550199", null, "This call is recorded."));

		assertThat(placement.placed()).isTrue();
		CallView call = placement.call();
		assertThat(call.provider()).isEqualTo("simulated");
		assertThat(call.providerCallId()).startsWith("SIM");
		assertThat(call.customerNumber()).isEqualTo(number);
		assertThat(call.interactionId()).isEqualTo(placement.attempt().interaction().id());
		assertThat(callsOf(account)).isEqualTo(1);
	}

	@Test
	void theSimulatedCarriersEventsGoThroughTheIntakeAndEndEveryCall() {
		this.clock.set(MONDAY);
		List<Runnable> due = new ArrayList<>();
		List<Double> when = new ArrayList<>();
		SimulatedTelephony carrier = new SimulatedTelephony(TwilioVoiceTests.properties("http://127.0.0.1:9"),
				this.events, (seconds, task) -> {
					when.add(seconds);
					due.add(task);
				});
		List<CallView> placed = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			AccountView account = this.portfolios.overdue(this.portfolios.usIssuer(), 45, "2500.00");
			String number = this.portfolios.firstPhone(account);
			OutboundContacts.Clearance clearance = clear(account, number);
			UUID id = simulatedCall(account, number, clearance, "PLACED", null, true);
			carrier.originate(clearance.contact(),
					new CallRequest(id, "x", number, "+12025550199", "+15550100000", true, "Recorded.", 30, 3600));
			placed.add(this.events.find(id));
		}
		assertThat(placed).allSatisfy((call) -> assertThat(call.status()).isEqualTo("PLACED"));

		// the carrier's clock: each event at its time, in order
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < due.size(); i++) {
			order.add(i);
		}
		order.sort(Comparator.comparing(when::get));
		order.forEach((i) -> due.get(i).run());

		List<String> results = new ArrayList<>();
		for (CallView call : placed) {
			CallView ended = this.events.find(call.id());
			assertThat(ended.status()).isEqualTo("ENDED");
			assertThat(ended.endCause()).isNotNull();
			List<String> kinds = this.jdbc
				.sql("SELECT kind FROM telephony_call_events WHERE call_id = ? AND outcome = 'TAKEN' ORDER BY id")
				.param(call.id())
				.query(String.class)
				.list();
			assertThat(kinds.get(0)).isEqualTo("RINGING");
			assertThat(kinds).contains("ENDED");
			InteractionView attempt = this.contacts.timeline(new org.dues.portfolio.AccountId(call.accountId()), 5)
				.stream()
				.filter((i) -> i.id().equals(call.interactionId()))
				.findFirst()
				.orElseThrow();
			assertThat(attempt.result()).isNotNull();
			results.add(attempt.result().name());
			if ("CONVERSATION".equals(attempt.result().name())) {
				assertThat(kinds).containsSubsequence("RINGING", "ANSWERED_HUMAN", "BRIDGED", "ENDED", "RECORDING");
				assertThat(ended.recordingUrl()).startsWith("https://simulated.invalid/recordings/SIM");
			}
		}
		// issue 23's model: a quarter live, a fifth machines, the rest failing or
		// unanswered
		assertThat(results).contains("CONVERSATION", "NO_ANSWER");
	}

	@Test
	void callsAnEarlierRunOfTheSimulatedCarrierLeftUnendedEndWhenItStartsAgain() {
		this.clock.set(MONDAY);
		List<CallView> lost = new ArrayList<>();
		for (String status : List.of("BRIDGED", "RINGING")) {
			AccountView account = this.portfolios.overdue(this.portfolios.usIssuer(), 45, "2500.00");
			String number = this.portfolios.firstPhone(account);
			UUID id = simulatedCall(account, number, clear(account, number), status, "SIM-lost-" + account.id(), false);
			lost.add(this.events.find(id));
		}
		// a call placed after the carrier started again is its own, and goes on
		this.clock.set(MONDAY.plusSeconds(60));
		AccountView current = this.portfolios.overdue(this.portfolios.usIssuer(), 45, "2500.00");
		TelephonyCalls.Placement placement = this.calls.place(new TelephonyCalls.Dial(current.id(),
				this.portfolios.firstPhone(current), "dialer-agent", "+12025550199", null, null));
		SimulatedTelephony restarted = new SimulatedTelephony(TwilioVoiceTests.properties("http://127.0.0.1:9"),
				this.events, (seconds, task) -> {
				});

		// (with the two, any simulated call an earlier test of this database left
		// unended)
		assertThat(restarted.endCallsPlacedBefore(MONDAY.plusSeconds(30))).isGreaterThanOrEqualTo(2);

		CallView talking = this.events.find(lost.get(0).id());
		assertThat(talking.status()).isEqualTo("ENDED");
		assertThat(talking.endCause()).isEqualTo(CallEvent.EndCause.COMPLETED);
		CallView ringing = this.events.find(lost.get(1).id());
		assertThat(ringing.status()).isEqualTo("ENDED");
		assertThat(ringing.endCause()).isEqualTo(CallEvent.EndCause.FAILED);
		for (CallView call : lost) {
			InteractionView attempt = this.contacts.timeline(new org.dues.portfolio.AccountId(call.accountId()), 5)
				.stream()
				.filter((i) -> i.id().equals(call.interactionId()))
				.findFirst()
				.orElseThrow();
			assertThat(attempt.result()).as("the attempt of a lost call has its result").isNotNull();
		}
		assertThat(this.events.find(placement.call().id()).status()).isNotEqualTo("ENDED");
		// once ended, nothing is left for another start
		assertThat(restarted.endCallsPlacedBefore(MONDAY.plusSeconds(30))).isZero();
	}

}
