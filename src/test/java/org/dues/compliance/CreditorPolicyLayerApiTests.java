package org.dues.compliance;

import org.dues.IntegrationTest;
import org.dues.Portfolios;
import org.dues.TestAgents;
import org.dues.portfolio.CreditorView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThatException;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A creditor's contact-policy layer is never replaced by accident: a misspelt key is
 * refused with its JSON Pointer instead of silently dropping the rule it meant; a change
 * is a merge patch of the current version or a whole layer under If-Match; every version
 * is kept with who, when and why.
 */
@IntegrationTest
class CreditorPolicyLayerApiTests {

	private static final String MERGE_PATCH = "application/merge-patch+json";

	@Autowired
	Portfolios portfolios;

	@Autowired
	TestAgents agents;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	CreditorView creditor;

	@BeforeEach
	void creditor() {
		this.agents.officer("layer-officer", "officer-secret");
		this.creditor = this.portfolios.usIssuer();
	}

	@Test
	void aMisspeltKeyIsRefusedByItsPathAndTheTighteningOfCallHoursStays() throws Exception {
		send(put(layer()).header("If-None-Match", "*"), """
				{"rules": {"hours": {"CALL": {"from": "10:00", "to": "18:00"}}},
				 "reason": "Client contract: calls 10 to 6 only"}""").andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"1\""))
			.andExpect(jsonPath("$.hours.CALL.from").value("10:00:00"));
		// the layer given whole again, to add a call limit, with "hours" misspelt
		send(put(layer()).header("If-Match", "\"1\""),
				"""
						{"rules": {"hour": {"CALL": {"from": "10:00", "to": "18:00"}},
						           "callFrequency": {"maxCalls": 3, "days": 7, "conversationCooldownDays": 7, "consentDays": 7}},
						 "reason": "Three calls a week"}""")
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("/rules/hour"))
			.andExpect(jsonPath("$.errors[0].message").value("is not a field of a policy layer"));
		// a misspelt key deep inside a patch, and a wrong type
		send(patch(layer()), MERGE_PATCH, """
				{"rules": {"hours": {"CALL": {"form": "11:00"}}, "inconvenientTimeConsent": "no"},
				 "reason": "Later start"}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers
				.containsInAnyOrder("/rules/hours/CALL/form", "/rules/inconvenientTimeConsent")));
		expectCallHours("10:00:00", "18:00:00", "\"1\"");
		// the call limit as a patch: the hours stay as they were
		send(patch(layer()).header("If-Match", "\"1\""), MERGE_PATCH,
				"""
						{"rules": {"callFrequency": {"maxCalls": 3, "days": 7, "conversationCooldownDays": 7, "consentDays": 7}},
						 "reason": "Three calls a week"}""")
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"2\""))
			.andExpect(jsonPath("$.callFrequency.maxCalls").value(3));
		expectCallHours("10:00:00", "18:00:00", "\"2\"");
		this.mvc.perform(get(layer() + "/versions").with(officer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(jsonPath("$[0].version").value(2))
			.andExpect(jsonPath("$[0].basedOn").value(1))
			.andExpect(jsonPath("$[0].change.callFrequency.maxCalls").value(3))
			.andExpect(jsonPath("$[0].rules.hours.CALL.from").value("10:00"))
			.andExpect(jsonPath("$[0].reason").value("Three calls a week"))
			.andExpect(jsonPath("$[0].createdBy").value("layer-officer"))
			.andExpect(jsonPath("$[1].version").value(1))
			.andExpect(jsonPath("$[1].basedOn").doesNotExist())
			.andExpect(jsonPath("$[1].rules.callFrequency").doesNotExist());
		// a patch may remove a rule on purpose, but never loosen the jurisdiction's
		send(patch(layer()), MERGE_PATCH, """
				{"rules": {"hours": {"CALL": {"from": "07:00"}}}, "reason": "Earlier"}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value(containsString("wider than US's 08:00–21:00")));
		send(patch(layer()), MERGE_PATCH, """
				{"rules": {"hours": {"CALL": {"to": "17:00"}}}}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		send(patch(layer()), MediaType.APPLICATION_JSON_VALUE, """
				{"rules": {"hours": null}, "reason": "Whole layer?"}""").andExpect(status().isUnsupportedMediaType());
		expectCallHours("10:00:00", "18:00:00", "\"2\"");
	}

	@Test
	void aPutWithoutIfMatchOrOnAStaleVersionIsRefused() throws Exception {
		send(put(layer()), """
				{"rules": {"hours": {"CALL": {"from": "10:00", "to": "18:00"}}}, "reason": "Contract"}""")
			.andExpect(status().isPreconditionRequired())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("If-Match")));
		send(put(layer()).header("If-None-Match", "*"), """
				{"rules": {"hours": {"CALL": {"from": "10:00", "to": "18:00"}}}, "reason": "Contract"}""")
			.andExpect(status().isOk());
		// two officers read version 1; the first saves, the second's save is stale
		send(put(layer()).header("If-Match", "\"1\""), """
				{"rules": {"hours": {"CALL": {"from": "10:00", "to": "17:00"}}}, "reason": "Calls end at 5"}""")
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"2\""));
		send(put(layer()).header("If-Match", "\"1\""), """
				{"rules": {"hours": {"CALL": {"from": "09:00", "to": "18:00"}}}, "reason": "Calls from 9"}""")
			.andExpect(status().isPreconditionFailed())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(header().string("ETag", "\"2\""))
			.andExpect(jsonPath("$.detail").value(containsString("is at version 2, not 1")));
		send(put(layer()).header("If-None-Match", "*"), """
				{"rules": {}, "reason": "Start again"}""").andExpect(status().isPreconditionFailed());
		send(patch(layer()).header("If-Match", "\"1\""), MERGE_PATCH, """
				{"rules": {"hours": {"SMS": {"from": "09:00", "to": "18:00"}}}, "reason": "Texts too"}""")
			.andExpect(status().isPreconditionFailed());
		expectCallHours("10:00:00", "17:00:00", "\"2\"");
		this.mvc.perform(get(layer() + "/versions").with(officer()))
			.andExpect(jsonPath("$[*].reason").value(hasItem("Calls end at 5")))
			.andExpect(jsonPath("$.length()").value(2));
		// the versions are kept as written
		assertThatException()
			.isThrownBy(
					() -> this.jdbc.sql("UPDATE compliance_creditor_policies SET reason = 'x' WHERE creditor_id = :c")
						.param("c", this.creditor.id().value())
						.update())
			.withMessageContaining("append-only");
	}

	@Test
	void rulesNestedDeeperThanTheParserTakesAreRefusedWithoutNamingItsInternals() throws Exception {
		String deep = "{\"a\": ".repeat(600) + "1" + "}".repeat(600);
		send(put(layer()).header("If-None-Match", "*"), "{\"rules\": " + deep + ", \"reason\": \"Deep\"}")
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("rules"))
			.andExpect(jsonPath("$.errors[0].message").value("cannot be read"))
			.andExpect(content().string(not(containsString("StreamReadConstraints"))));
	}

	private void expectCallHours(String from, String to, String etag) throws Exception {
		this.mvc.perform(get(layer()).with(officer()))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", etag))
			.andExpect(jsonPath("$.hours.CALL.from").value(from))
			.andExpect(jsonPath("$.hours.CALL.to").value(to));
	}

	private String layer() {
		return "/api/v1/creditors/" + this.creditor.code() + "/contact-policy";
	}

	private ResultActions send(MockHttpServletRequestBuilder request, String body) throws Exception {
		return send(request, MediaType.APPLICATION_JSON_VALUE, body);
	}

	private ResultActions send(MockHttpServletRequestBuilder request, String type, String body) throws Exception {
		return this.mvc.perform(request.with(officer()).contentType(type).content(body));
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor officer() {
		return httpBasic("layer-officer", "officer-secret");
	}

}
