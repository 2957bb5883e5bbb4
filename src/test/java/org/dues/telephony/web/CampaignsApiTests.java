package org.dues.telephony.web;

import java.util.List;
import java.util.UUID;

import org.dues.IntegrationTest;
import org.dues.TestAgents;
import org.dues.identity.Role;
import org.dues.identity.Teams;
import org.dues.telephony.Campaigns;
import org.dues.work.QueueFilters;
import org.dues.work.QueueSort;
import org.dues.work.Queues;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The campaigns API: a good campaign is made stopped and started; bad input answers 400
 * naming each field, a name taken 409, an unknown campaign 404, and none of them changes
 * anything.
 */
@IntegrationTest
class CampaignsApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAgents agents;

	@Autowired
	Teams teams;

	@Autowired
	Queues queues;

	@Autowired
	Campaigns campaigns;

	@Test
	void makesStartsAndRefusesBadCampaignsChangingNothing() throws Exception {
		String lead = this.agents.named("camp-lead", "Camp Lead", "camp-lead-secret", Role.TEAM_LEAD);
		String agent = this.agents.named("camp-agent", "Camp Agent", "camp-agent-secret", Role.AGENT);
		Teams.TeamView team = this.teams.create("Campaign API team", lead);
		UUID queue = this.queues
			.define(team.id(), "Campaign API queue",
					new QueueFilters(List.of(), List.of(), null, null, null, null, List.of(), List.of(), List.of(),
							List.of()),
					QueueSort.DPD_DESC, 90, "tester")
			.id();
		int before = this.campaigns.all().size();

		this.mvc
			.perform(post("/api/v1/campaigns").with(httpBasic(lead, "camp-lead-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"name": "", "queueId": "%s", "mode": "TURBO", "hoursFrom": "25:00", "maxDialRatio": 7,
						 "wrapSeconds": 9999, "retries": {"busy": {"minutes": 0, "maxTries": 1},
						 "noAnswer": {"minutes": 60, "maxTries": 3}, "machine": {"minutes": 60, "maxTries": 99}},
						 "callerIds": [{"creditor": "NOBODY", "prefix": "1", "callerId": "555"}],
						 "members": ["no-such-agent"]}""".formatted(UUID.randomUUID())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItems("name", "queueId", "mode", "hoursFrom", "maxDialRatio",
					"wrapSeconds", "retries.busy", "retries.machine", "callerIds[0].callerId", "members")));
		assertThat(this.campaigns.all()).hasSize(before);

		String body = """
				{"name": "API campaign", "queueId": "%s", "mode": "PREDICTIVE", "hoursFrom": "08:00",
				 "hoursTo": "21:00", "zone": "America/New_York", "maxDialRatio": 2.5, "wrapSeconds": 20,
				 "callerIds": [{"creditor": "", "prefix": "+1", "callerId": "+15550100099"}],
				 "members": ["%s"]}""".formatted(queue, agent);
		String location = this.mvc
			.perform(post("/api/v1/campaigns").with(httpBasic(lead, "camp-lead-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated())
			.andExpect(header().exists("Location"))
			.andExpect(jsonPath("$.running").value(false))
			.andExpect(jsonPath("$.mode").value("PREDICTIVE"))
			.andExpect(jsonPath("$.members[0]").value(agent))
			.andReturn()
			.getResponse()
			.getHeader("Location");
		this.mvc
			.perform(post("/api/v1/campaigns").with(httpBasic(lead, "camp-lead-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isConflict());
		assertThat(this.campaigns.all()).hasSize(before + 1);
		this.mvc.perform(post(location + "/start").with(httpBasic(lead, "camp-lead-secret")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.running").value(true));
		this.mvc.perform(post(location + "/stop").with(httpBasic(lead, "camp-lead-secret")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.running").value(false));
		this.mvc.perform(get(location + "/figures").with(httpBasic(lead, "camp-lead-secret")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.dialsToday").value(0));
		this.mvc.perform(post("/api/v1/campaigns/987654321/start").with(httpBasic(lead, "camp-lead-secret")))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/campaigns").with(httpBasic(agent, "camp-agent-secret")))
			.andExpect(status().isForbidden());
	}

}
