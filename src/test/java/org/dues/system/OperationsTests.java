package org.dues.system;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.Portfolios;
import org.dues.TestAgents;
import org.dues.identity.Role;
import org.dues.portfolio.AccountView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What an operator reaches: the Prometheus scrape behind an administrator's or the scrape
 * credential's HTTP Basic, with the business figures in it; health and its probes open to
 * anyone with the status alone; nothing else of the actuator.
 */
@IntegrationTest
@ExtendWith(MutableClock.BackToStart.class)
class OperationsTests {

	static final RequestPostProcessor ADMIN = basic("admin", "admin-secret");

	static final RequestPostProcessor SCRAPER = basic("metrics", "scrape-secret-of-tests");

	/**
	 * HTTP Basic from an address of these tests' own, whose login buckets other tests'
	 * failures do not empty.
	 */
	static RequestPostProcessor basic(String username, String password) {
		return (request) -> {
			request.setRemoteAddr("192.0.2.161");
			return httpBasic(username, password).postProcessRequest(request);
		};
	}

	/** Monday 30 November 2026, 10:00 in New York. */
	static final Instant MONDAY = Instant.parse("2026-11-30T15:00:00Z");

	@Autowired
	TestAgents agents;

	@Autowired
	Portfolios portfolios;

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OutboxMetrics outbox;

	@BeforeEach
	void agent() {
		this.agents.pooledAgent("ops-agent", "ops-agent-secret");
	}

	@Test
	void theScrapeWantsAnAdministratorOrTheScrapeCredential() throws Exception {
		this.mvc.perform(get("/actuator/prometheus"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", "Basic realm=\"Dues\""));
		this.mvc.perform(get("/actuator/prometheus").with(basic("metrics", "not-the-scrape-secret")))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/actuator/prometheus").with(basic("ops-agent", "ops-agent-secret")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/actuator/prometheus").with(ADMIN))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("jvm_memory_used_bytes")));
		this.mvc.perform(get("/actuator/prometheus").with(SCRAPER))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("dues_outbox_incomplete")));
		// the scrape credential is no user: it reaches neither the API nor the pages
		this.mvc.perform(get("/api/v1/creditors").with(SCRAPER)).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/actuator/info").with(SCRAPER)).andExpect(status().isOk());
	}

	@Test
	void aScraperIsNotRefusedForOthersFailuresBehindItsAddress() throws Exception {
		RequestPostProcessor behindNat = (request) -> {
			request.setRemoteAddr("192.0.2.163");
			return request;
		};
		// a user whose password no test has used yet, so that no node remembers it
		this.agents.user("ops-bystander", "ops-bystander-secret", Role.AGENT);
		this.mvc.perform(get("/actuator/prometheus").with(SCRAPER)).andExpect(status().isOk());
		for (int i = 0; i < 20; i++) {
			this.mvc.perform(get("/api/v1/creditors").with(httpBasic("ops-nobody-" + i, "guess")).with(behindNat));
		}
		// the address is throttled now: a user's right password is refused unchecked
		this.mvc
			.perform(get("/api/v1/creditors").with(httpBasic("ops-bystander", "ops-bystander-secret")).with(behindNat))
			.andExpect(status().isTooManyRequests());
		// the scrape credential, right a moment ago, is still taken; a wrong one is not
		this.mvc
			.perform(get("/actuator/prometheus").with(httpBasic("metrics", "scrape-secret-of-tests")).with(behindNat))
			.andExpect(status().isOk());
		this.mvc
			.perform(get("/actuator/prometheus").with(httpBasic("metrics", "not-the-scrape-secret")).with(behindNat))
			.andExpect(status().isTooManyRequests());
	}

	@Test
	void healthAndItsProbesAnswerAnyoneWithTheStatusAlone() throws Exception {
		for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
			this.mvc.perform(get(path))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("UP"))
				.andExpect(jsonPath("$.components").doesNotExist())
				.andExpect(jsonPath("$.details").doesNotExist());
		}
		// an administrator sees what readiness is made of: the database among it
		this.mvc.perform(get("/actuator/health/readiness").with(ADMIN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components.db.status").value("UP"))
			.andExpect(jsonPath("$.components.readinessState.status").value("UP"));
		this.mvc.perform(get("/actuator/health/liveness").with(ADMIN))
			.andExpect(jsonPath("$.components.db").doesNotExist());
	}

	@Test
	void nothingElseOfTheActuatorIsExposed() throws Exception {
		for (String path : List.of("/actuator/env", "/actuator/heapdump", "/actuator/beans", "/actuator/loggers",
				"/actuator/metrics", "/actuator/threaddump", "/actuator/configprops")) {
			this.mvc.perform(get(path).with(ADMIN)).andExpect(status().isNotFound());
		}
	}

	@Test
	void gateDecisionsAreCountedByOutcomeChannelAndRule() throws Exception {
		this.clock.set(MONDAY);
		AccountView account = this.portfolios.overdue(this.portfolios.usIssuer(), 45, "900.00");
		String[] blocked = { "outcome=\"blocked\"", "channel=\"call\"", "rule=\"contact-hours\"" };
		String[] allowed = { "outcome=\"allowed\"", "channel=\"call\"", "rule=\"none\"" };
		String before = scrape();
		// 03:00 in New York: outside the hours for calls
		this.clock.set(MONDAY.minusSeconds(7 * 3600));
		attempt(account).andExpect(status().isConflict());
		this.clock.set(MONDAY);
		attempt(account).andExpect(status().isCreated());
		String after = scrape();
		assertThat(value(after, "dues_gate_decisions_total", blocked)
				- value(before, "dues_gate_decisions_total", blocked))
			.isEqualTo(1.0);
		assertThat(value(after, "dues_gate_decisions_total", allowed)
				- value(before, "dues_gate_decisions_total", allowed))
			.isEqualTo(1.0);
	}

	@Test
	void nextAccountIsTimedAndLoginFailuresCounted() throws Exception {
		String before = scrape();
		this.mvc.perform(get("/api/v1/work/next").with(basic("ops-agent", "ops-agent-secret")));
		this.mvc.perform(get("/api/v1/creditors").with(basic("ops-agent", "not-my-password")))
			.andExpect(status().isUnauthorized());
		String after = scrape();
		assertThat(value(after, "dues_desk_next_seconds_count", "exception=\"none\"")
				- value(before, "dues_desk_next_seconds_count", "exception=\"none\""))
			.isEqualTo(1.0);
		assertThat(after).contains("dues_desk_next_seconds_bucket");
		assertThat(value(after, "dues_logins_failed_total", "factor=\"password\"")
				- value(before, "dues_logins_failed_total", "factor=\"password\""))
			.isGreaterThanOrEqualTo(1.0);
		assertThat(after).contains("dues_logins_refused_total", "dues_logins_lockouts_total", "dues_imports_running",
				"dues_imports_waiting");
	}

	@Test
	void theOutboxDepthIsTheRegistrysIncompletePublications() throws Exception {
		this.outbox.forget();
		long incomplete = this.jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
			.query(Long.class)
			.single();
		assertThat(value(scrape(), "dues_outbox_incomplete")).isEqualTo((double) incomplete);
		assertThat(scrape()).contains("dues_outbox_oldest_age_seconds");
	}

	private org.springframework.test.web.servlet.ResultActions attempt(AccountView account) throws Exception {
		String phone = "(212) 736-" + (1000 + Integer.parseInt(account.accountRef().substring(4)) % 8999);
		return this.mvc.perform(post("/api/v1/accounts/{id}/contacts", account.id().value())
			.with(basic("ops-agent", "ops-agent-secret"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"channel": "CALL", "address": "%s", "result": "NO_ANSWER"}""".formatted(phone)));
	}

	private String scrape() throws Exception {
		return this.mvc.perform(get("/actuator/prometheus").with(SCRAPER))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/**
	 * The sum of the samples of a metric whose labels include all those given; 0 if none.
	 */
	static double value(String scrape, String name, String... labels) {
		return Arrays.stream(scrape.split("\n"))
			.filter((line) -> line.startsWith(name + "{") || line.startsWith(name + " "))
			.filter((line) -> Arrays.stream(labels).allMatch(line::contains))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

}
