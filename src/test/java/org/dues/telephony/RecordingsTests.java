package org.dues.telephony;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.Portfolios;
import org.dues.TestAgents;
import org.dues.contact.OutboundContacts;
import org.dues.portfolio.AccountView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Recordings: the disclosure the customer's jurisdiction needs, in their language; a
 * recording kept from its call's RECORDING event, linked to the attempt; leads and
 * compliance hear it and every play is logged, an agent only their own calls'; the
 * retention purge drops the media and logs that it did.
 */
@IntegrationTest
@ExtendWith(MutableClock.BackToStart.class)
class RecordingsTests {

	/** Monday 30 November 2026, 10:00 in New York, 20:30 in Kochi. */
	static final Instant MONDAY = Instant.parse("2026-11-30T15:00:00Z");

	@Autowired
	Portfolios portfolios;

	@Autowired
	TestAgents agents;

	@Autowired
	OutboundContacts outbound;

	@Autowired
	CallEvents events;

	@Autowired
	Recordings recordings;

	@Autowired
	TelephonyCalls calls;

	@Autowired
	RecordingDisclosures disclosures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	MockMvc mvc;

	Calling calling;

	@BeforeEach
	void set() {
		this.clock.set(MONDAY);
		this.calling = new Calling(this.portfolios, this.outbound, this.jdbc, this.clock);
		this.agents.pooledAgent("rec-agent", "agent-secret");
		this.agents.pooledAgent("rec-other", "agent-secret");
		this.agents.lead("rec-lead", "rec-agent", "rec-other");
		this.agents.officer("rec-officer", "officer-secret");
	}

	@Test
	void theDisclosureIsTheOneTheCustomersJurisdictionNeedsInTheirLanguage() {
		AccountView california = this.calling.speaking(this.portfolios.usIssuer(), "en", "CA", null);
		AccountView texas = this.calling.speaking(this.portfolios.usIssuer(), "en", "TX", null);
		AccountView unknownState = this.calling.speaking(this.portfolios.usIssuer(), "en", null, null);
		AccountView kerala = this.calling.speaking(this.portfolios.indianNbfc(), "ml", "KL", null);
		AccountView delhi = this.calling.speaking(this.portfolios.indianNbfc(), "hi", "DL", null);

		assertThat(this.disclosures.forAccount(california.id()).kind()).isEqualTo(RecordingDisclosures.Kind.CONSENT);
		assertThat(this.disclosures.forAccount(california.id()).text()).contains("tell the agent");
		assertThat(this.disclosures.forAccount(texas.id()).kind()).isEqualTo(RecordingDisclosures.Kind.NOTICE);
		assertThat(this.disclosures.forAccount(unknownState.id()).kind()).isEqualTo(RecordingDisclosures.Kind.CONSENT);
		RecordingDisclosures.Disclosure malayalam = this.disclosures.forAccount(kerala.id());
		assertThat(malayalam.kind()).isEqualTo(RecordingDisclosures.Kind.NOTICE);
		assertThat(malayalam.language()).isEqualTo("ml");
		assertThat(malayalam.text()).contains("റെക്കോർഡ്");
		assertThat(this.disclosures.forAccount(delhi.id()).text()).contains("रिकॉर्ड");
		assertThat(RecordingDisclosures.kind("GB", List.of())).isEqualTo(RecordingDisclosures.Kind.NOTICE);
		assertThat(RecordingDisclosures.kind("IN", List.of("US-MA"))).isEqualTo(RecordingDisclosures.Kind.CONSENT);
	}

	@Test
	void aCallPlacedWithoutADisclosureCarriesTheJurisdictionsAndIsRecorded() {
		AccountView florida = this.calling.speaking(this.portfolios.usIssuer(), "en", "FL", null);
		String number = this.portfolios.firstPhone(florida);

		TelephonyCalls.Placement placement = this.calls
			.place(new TelephonyCalls.Dial(florida.id(), number, "rec-agent", "+12025550199", null, null));

		assertThat(placement.placed()).isTrue();
		assertThat(placement.call().recorded()).isTrue();
		assertThat(placement.call().disclosure()).isEqualTo(this.disclosures.forAccount(florida.id()).text());
	}

	@Test
	void aRecordingIsKeptLinkedToItsAttemptAndEveryPlayIsLogged() throws Exception {
		AccountView account = this.calling.speaking(this.portfolios.usIssuer(), "en", "TX", null);
		UUID call = this.calling.placed(account, "rec-agent");
		this.events.take("simulated", call, "SIM-" + call, "SIM-" + call + ":recording",
				CallEvent.recording("https://simulated.invalid/recordings/x.mp3", 42));

		List<Recordings.RecordingView> kept = this.recordings.ofAccount(account.id(), null);
		assertThat(kept).hasSize(1);
		Recordings.RecordingView recording = kept.get(0);
		assertThat(recording.callId()).isEqualTo(call);
		assertThat(recording.interactionId()).isEqualTo(this.events.find(call).interactionId());
		assertThat(recording.seconds()).isEqualTo(42);
		assertThat(recording.agent()).isEqualTo("rec-agent");

		// the lead lists and plays it: an audio element, a WAV, the play logged
		this.mvc
			.perform(get("/api/v1/accounts/{id}/recordings", account.id().value())
				.with(httpBasic("rec-officer", "officer-secret")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].media").value("/recordings/" + recording.id() + "/media"));
		this.mvc
			.perform(get("/accounts/{id}/recordings", account.id().value()).with(user("rec-lead").roles("TEAM_LEAD")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("<audio")));
		this.mvc.perform(get("/recordings/{id}/media", recording.id()).with(user("rec-lead").roles("TEAM_LEAD")))
			.andExpect(status().isOk())
			.andExpect(content().contentType("audio/wav"));
		// the agent who took the call hears it; another agent does not find it
		this.mvc.perform(get("/recordings/{id}/media", recording.id()).with(user("rec-agent").roles("AGENT")))
			.andExpect(status().isOk());
		this.mvc.perform(get("/recordings/{id}/media", recording.id()).with(user("rec-other").roles("AGENT")))
			.andExpect(status().isNotFound());
		// an administrator hears none
		this.mvc.perform(get("/recordings/{id}/media", recording.id()).with(user("admin").roles("ADMIN")))
			.andExpect(status().isForbidden());

		List<Recordings.Access> log = this.recordings.accessLog(50)
			.stream()
			.filter((a) -> a.recordingId().equals(recording.id()))
			.toList();
		assertThat(log).extracting(Recordings.Access::username).containsExactly("rec-agent", "rec-lead");
		assertThat(log).allSatisfy((a) -> {
			assertThat(a.action()).isEqualTo("PLAYED");
			assertThat(a.at()).isEqualTo(MONDAY);
		});
		// compliance reads the log; a lead does not
		this.mvc.perform(get("/api/v1/recordings/access-log").with(httpBasic("rec-officer", "officer-secret")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].username").exists());
		this.mvc.perform(get("/compliance/recordings").with(user("rec-officer").roles("COMPLIANCE")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(recording.id().toString())));
	}

	@Test
	void theRetentionPurgeDropsExpiredRecordingsAndLogsIt() {
		AccountView account = this.calling.speaking(this.portfolios.usIssuer(), "en", "TX", null);
		UUID old = this.calling.placed(account, "rec-agent");
		this.events.take("simulated", old, "SIM-" + old, "SIM-" + old + ":recording",
				CallEvent.recording("https://simulated.invalid/recordings/old.mp3", 30));
		this.clock.advance(Duration.ofDays(100));
		UUID recent = this.calling.placed(account, "rec-agent");
		this.events.take("simulated", recent, "SIM-" + recent, "SIM-" + recent + ":recording",
				CallEvent.recording("https://simulated.invalid/recordings/recent.mp3", 30));

		this.clock.advance(Duration.ofDays(81));
		assertThat(this.recordings.purgeExpired()).isGreaterThanOrEqualTo(1);

		List<Recordings.RecordingView> kept = this.recordings.ofAccount(account.id(), null);
		Recordings.RecordingView purged = kept.stream().filter((r) -> r.callId().equals(old)).findFirst().orElseThrow();
		Recordings.RecordingView still = kept.stream()
			.filter((r) -> r.callId().equals(recent))
			.findFirst()
			.orElseThrow();
		assertThat(purged.url()).isNull();
		assertThat(purged.purgedAt()).isNotNull();
		assertThat(this.events.find(old).recordingUrl()).isNull();
		assertThat(still.url()).endsWith("recent.mp3");
		assertThat(this.recordings.accessLog(500)).anySatisfy((a) -> {
			assertThat(a.recordingId()).isEqualTo(purged.id());
			assertThat(a.action()).isEqualTo("PURGED");
			assertThat(a.username()).isEqualTo(Recordings.RETENTION);
		});
		// a purged recording plays no more
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> this.recordings.play(purged.id(), "rec-officer"))
			.isInstanceOf(org.dues.shared.NotFoundException.class);
		// a second run finds nothing more to purge
		assertThat(this.recordings.purgeExpired()).isZero();
	}

}
