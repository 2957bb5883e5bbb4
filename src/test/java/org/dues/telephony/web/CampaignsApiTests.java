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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
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

	@Test
	void changesACampaignAsAWholeAndRefusesStaleBadOrTakenChanges() throws Exception {
		String lead = this.agents.named("camp-edit-lead", "Camp Edit Lead", "camp-edit-secret", Role.TEAM_LEAD);
		String agent = this.agents.named("camp-edit-agent", "Camp Edit Agent", "camp-edit-agent-secret", Role.AGENT);
		Teams.TeamView team = this.teams.create("Campaign edit team", lead);
		UUID queue = this.queues
			.define(team.id(), "Campaign edit queue",
					new QueueFilters(List.of(), List.of(), null, null, null, null, List.of(), List.of(), List.of(),
							List.of()),
					QueueSort.DPD_DESC, 90, "tester")
			.id();
		long id = this.campaigns
			.create(new org.dues.telephony.NewCampaign("Edit me", queue, "PREDICTIVE", "09:00", "20:00", "Asia/Kolkata",
					null, null, null, List.of(), List.of(agent)), lead)
			.id();
		this.campaigns.create(new org.dues.telephony.NewCampaign("Taken name", queue, null, null, null, null, null,
				null, null, null, null), lead);
		String etag = this.mvc.perform(get("/api/v1/campaigns/" + id).with(httpBasic(lead, "camp-edit-secret")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getHeader("ETag");
		assertThat(etag).isEqualTo("\"0\"");

		String change = """
				{"name": "Edited", "queueId": "%s", "mode": "PREVIEW", "hoursFrom": "10:00", "hoursTo": "18:30",
				 "zone": "Asia/Kolkata", "maxDialRatio": 1.5, "wrapSeconds": 45,
				 "retries": {"busy": {"minutes": 15, "maxTries": 4}, "noAnswer": {"minutes": 90, "maxTries": 2},
				  "machine": {"minutes": 300, "maxTries": 1}},
				 "callerIds": [{"creditor": "", "prefix": "+91", "callerId": "+914471234567"},
				  {"creditor": "", "prefix": "", "callerId": "+918041234567"}],
				 "members": []}""".formatted(queue);
		this.mvc
			.perform(put("/api/v1/campaigns/" + id).with(httpBasic(lead, "camp-edit-secret"))
				.header("If-Match", etag)
				.contentType(MediaType.APPLICATION_JSON)
				.content(change))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"1\""))
			.andExpect(jsonPath("$.name").value("Edited"))
			.andExpect(jsonPath("$.mode").value("PREVIEW"))
			.andExpect(jsonPath("$.wrapSeconds").value(45))
			.andExpect(jsonPath("$.retries.busy.minutes").value(15))
			.andExpect(jsonPath("$.retries.machine.maxTries").value(1))
			.andExpect(jsonPath("$.callerIds.length()").value(2))
			.andExpect(jsonPath("$.members.length()").value(0));
		org.dues.telephony.CampaignView edited = this.campaigns.get(id);
		assertThat(edited.callerIdFor("ANY", "+919847012345")).isEqualTo("+914471234567");
		assertThat(edited.callerIdFor("ANY", "+12125550100")).isEqualTo("+918041234567");

		// a change made over the one above (the old ETag), a bad one, a taken name and a
		// bad If-Match change nothing
		this.mvc
			.perform(put("/api/v1/campaigns/" + id).with(httpBasic(lead, "camp-edit-secret"))
				.header("If-Match", etag)
				.contentType(MediaType.APPLICATION_JSON)
				.content(change.replace("\"wrapSeconds\": 45", "\"wrapSeconds\": 10")))
			.andExpect(status().isConflict());
		this.mvc
			.perform(put("/api/v1/campaigns/" + id).with(httpBasic(lead, "camp-edit-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(change.replace("\"Edited\"", "\"\"").replace("\"wrapSeconds\": 45", "\"wrapSeconds\": 99999")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItems("name", "wrapSeconds")));
		this.mvc
			.perform(put("/api/v1/campaigns/" + id).with(httpBasic(lead, "camp-edit-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(change.replace("\"Edited\"", "\"Taken name\"")))
			.andExpect(status().isConflict());
		this.mvc
			.perform(put("/api/v1/campaigns/" + id).with(httpBasic(lead, "camp-edit-secret"))
				.header("If-Match", "yesterday")
				.contentType(MediaType.APPLICATION_JSON)
				.content(change))
			.andExpect(status().isBadRequest());
		assertThat(this.campaigns.get(id)).isEqualTo(edited);

		this.mvc
			.perform(put("/api/v1/campaigns/987654321").with(httpBasic(lead, "camp-edit-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(change))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(put("/api/v1/campaigns/" + id).with(httpBasic(agent, "camp-edit-agent-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(change))
			.andExpect(status().isForbidden());
	}

	@Test
	void theCampaignPageChangesACampaignAndRefusesAChangeOverSomeoneElses() throws Exception {
		String lead = this.agents.named("camp-page-lead", "Camp Page Lead", "camp-page-secret", Role.TEAM_LEAD);
		Teams.TeamView team = this.teams.create("Campaign page team", lead);
		UUID queue = this.queues
			.define(team.id(), "Campaign page queue",
					new QueueFilters(List.of(), List.of(), null, null, null, null, List.of(), List.of(), List.of(),
							List.of()),
					QueueSort.DPD_DESC, 90, "tester")
			.id();
		long id = this.campaigns
			.create(new org.dues.telephony.NewCampaign("Page campaign", queue, "PROGRESSIVE", null, null, "UTC", null,
					null, null, List.of(new org.dues.telephony.CampaignView.CallerIdRule("", "+1", "+15550100042")),
					List.of()), lead)
			.id();
		String page = this.mvc.perform(get("/campaigns/" + id).with(user(lead).roles("TEAM_LEAD")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"campaign-edit\"").contains("+1 +15550100042");

		this.mvc
			.perform(post("/campaigns/" + id).with(user(lead).roles("TEAM_LEAD"))
				.with(csrf())
				.param("version", "0")
				.param("name", "Page campaign")
				.param("queueId", queue.toString())
				.param("mode", "PREDICTIVE")
				.param("hoursFrom", "08:00")
				.param("hoursTo", "19:00")
				.param("zone", "Europe/London")
				.param("maxDialRatio", "3")
				.param("wrapSeconds", "20")
				.param("busyMinutes", "5")
				.param("busyTries", "6")
				.param("noAnswerMinutes", "")
				.param("callerIds", "+1 +15550100042\n* +44 +442071234567\n")
				.param("members", ""))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", "/campaigns/" + id + "?changed"));
		org.dues.telephony.CampaignView changed = this.campaigns.get(id);
		assertThat(changed.mode()).isEqualTo(org.dues.telephony.DialMode.PREDICTIVE);
		assertThat(changed.zone()).isEqualTo("Europe/London");
		assertThat(changed.retries().busy()).isEqualTo(new org.dues.telephony.CampaignView.Retry(5, 6));
		// a number left empty takes its default
		assertThat(changed.retries().noAnswer()).isEqualTo(org.dues.telephony.CampaignView.Retries.DEFAULTS.noAnswer());
		assertThat(changed.callerIdFor("X", "+447700900123")).isEqualTo("+442071234567");
		assertThat(changed.version()).isEqualTo(1);

		// the same form again, read before the change: refused, the page as it stands
		String refused = this.mvc
			.perform(post("/campaigns/" + id).with(user(lead).roles("TEAM_LEAD"))
				.with(csrf())
				.param("version", "0")
				.param("name", "Page campaign")
				.param("queueId", queue.toString())
				.param("wrapSeconds", "99"))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("data-campaign-conflict");
		assertThat(this.campaigns.get(id)).isEqualTo(changed);
		// a bad caller id is named and changes nothing
		this.mvc
			.perform(post("/campaigns/" + id).with(user(lead).roles("TEAM_LEAD"))
				.with(csrf())
				.param("version", "1")
				.param("name", "Page campaign")
				.param("queueId", queue.toString())
				.param("callerIds", "+44 not-a-number"))
			.andExpect(status().isBadRequest())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("Caller ids"),
						org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("callerIds[0]")))));
		assertThat(this.campaigns.get(id)).isEqualTo(changed);
		// a bad zone is named by its label in the reader's language
		this.mvc
			.perform(post("/campaigns/" + id).with(user(lead).roles("TEAM_LEAD"))
				.with(csrf())
				.param("lang", "hi")
				.param("version", "1")
				.param("name", "Page campaign")
				.param("queueId", queue.toString())
				.param("zone", "Mars/Olympus"))
			.andExpect(status().isBadRequest())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("समय क्षेत्र")));
	}

}
