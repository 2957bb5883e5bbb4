package org.dues.arrangement;

import java.util.List;

import org.dues.IntegrationTest;
import org.dues.Portfolios;
import org.dues.TestAgents;
import org.dues.identity.Role;
import org.dues.portfolio.AccountView;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The arrangements panel and the approvals inbox as an agent and a lead use them: a
 * settlement beyond the agent's authority waits, a bad promise is refused with its
 * reason, the lead approves from the inbox and the panel shows it in force.
 */
@IntegrationTest
class ArrangementPagesTests {

	@Autowired
	TestAgents agents;

	@Autowired
	Portfolios portfolios;

	@Autowired
	org.dues.identity.Teams teams;

	@Autowired
	MockMvc mvc;

	@Test
	void anAgentAsksALeadApprovesAndThePanelShowsIt() throws Exception {
		this.agents.pooledAgent("page-agent", "x-secret-1");
		this.agents.lead("page-lead", "page-agent");
		AccountView account = this.portfolios.placed(this.portfolios.indianNbfc(), "10000", "0", "0", "10000",
				java.time.LocalDate.of(2026, 10, 1));
		String panel = "/accounts/" + account.id().value() + "/arrangements";
		Document refused = Jsoup.parse(this.mvc
			.perform(post(panel + "/promise").with(user("page-agent").roles("AGENT"))
				.with(csrf())
				.param("amount", "2500")
				.param("dueOn", "2026-11-20"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(refused.select("[data-flash]").text()).contains("Not saved", "The date 20 Nov 2026 is in the past");
		Document zero = Jsoup.parse(
				this.mvc
					.perform(post(panel + "/promise").with(user("page-agent").roles("AGENT"))
						.with(csrf())
						.param("amount", "0")
						.param("dueOn", "2026-12-20"))
					.andReturn()
					.getResponse()
					.getContentAsString());
		assertThat(zero.select("[data-flash]").text()).as("one error for the field, not also 'is required'")
			.isEqualTo("Not saved: Amount must be greater than zero");
		Document asked = Jsoup.parse(this.mvc
			.perform(post(panel + "/settlement").with(user("page-agent").roles("AGENT"))
				.with(csrf())
				.param("amount", "7000")
				.param("offerExpiresOn", "2026-12-10")
				.param("reason", "Lost her job in October; can pay 70% from a PF withdrawal"))
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(asked.select("[data-kind=SETTLEMENT]").attr("data-status")).isEqualTo("PENDING_APPROVAL");
		assertThat(asked.select("[data-kind=SETTLEMENT]").text()).contains("a discount of 30% (authority 10%)");

		Document inbox = Jsoup.parse(this.mvc.perform(get("/approvals").with(user("page-lead").roles("TEAM_LEAD")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		org.jsoup.nodes.Element request = inbox.select("[data-approval]")
			.stream()
			.filter((e) -> e.text().contains(account.accountRef()))
			.findFirst()
			.orElseThrow();
		// the lead reads why, when in the creditor's time (10:00Z is 15:30 in India), and
		// a lump sum as one due date
		assertThat(request.text()).contains("Lost her job in October", "3:30", "IST", "Due on")
			.doesNotContain("Instalments");
		assertThat(request.select("[data-beyond-mine]")).as("30% is within a lead's authority").isEmpty();
		assertThat(request.select("button:contains(Approve)").hasAttr("disabled")).isFalse();
		String approval = request.attr("data-approval");
		this.mvc.perform(get("/approvals").with(user("page-agent").roles("AGENT"))).andExpect(status().isForbidden());
		this.mvc
			.perform(post("/approvals/" + approval + "/approve").with(user("page-lead").roles("TEAM_LEAD"))
				.with(csrf())
				.param("reason", "Hardship confirmed"))
			.andExpect(status().is3xxRedirection());
		Document after = Jsoup.parse(this.mvc.perform(get(panel).with(user("page-agent").roles("AGENT")))
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(after.select("[data-kind=SETTLEMENT]").attr("data-status")).isEqualTo("ACTIVE");
		assertThat(after.select("[data-kind=SETTLEMENT]").text()).contains("page-lead", "Hardship confirmed");

		// 40% off is beyond a lead's 30% too: the inbox says so before the lead tries,
		// and a
		// manager (50%) may approve it
		AccountView deeper = this.portfolios.placed(this.portfolios.indianNbfc(), "10000", "0", "0", "10000",
				java.time.LocalDate.of(2026, 10, 1));
		this.mvc
			.perform(post("/accounts/" + deeper.id().value() + "/arrangements/settlement")
				.with(user("page-agent").roles("AGENT"))
				.with(csrf())
				.param("amount", "6000"))
			.andExpect(status().isOk());
		java.util.function.Function<String, org.jsoup.nodes.Element> inboxOf = (role) -> {
			try {
				return Jsoup
					.parse(this.mvc
						.perform(get("/approvals")
							.with(user(role.equals("TEAM_LEAD") ? "page-lead" : "page-" + role).roles(role)))
						.andReturn()
						.getResponse()
						.getContentAsString())
					.select("[data-approval]")
					.stream()
					.filter((e) -> e.text().contains(deeper.accountRef()))
					.findFirst()
					.orElseThrow();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		};
		org.jsoup.nodes.Element forLead = inboxOf.apply("TEAM_LEAD");
		assertThat(forLead.select("[data-beyond-mine]").text()).contains("a discount of 40% (authority 30%)");
		assertThat(forLead.select("button:contains(Approve)").hasAttr("disabled")).isTrue();
		org.jsoup.nodes.Element forManager = inboxOf.apply("MANAGER");
		assertThat(forManager.select("[data-beyond-mine]")).isEmpty();
		assertThat(forManager.select("button:contains(Approve)").hasAttr("disabled")).isFalse();

		Document offers = Jsoup.parse(
				this.mvc
					.perform(post(panel + "/affordability").with(user("page-agent").roles("AGENT"))
						.with(csrf())
						.param("income", "30000")
						.param("essentialSpending", "24000")
						.param("otherSpending", "2000"))
					.andReturn()
					.getResponse()
					.getContentAsString());
		assertThat(offers.select("[data-offers]").text()).contains("₹4,000.00");
		assertThat(offers.select("[data-offer]").eachAttr("data-offer")).containsExactly("settle-now", "short-plan",
				"long-plan");
	}

	@Test
	void aLeadsInboxHoldsTheRequestsOfTheTeamsTheyLeadAManagersEveryOne() throws Exception {
		for (String agent : List.of("scope-agent", "other-agent")) {
			this.agents.named(agent, "Agent", "x-secret-1", Role.AGENT, "en");
		}
		this.agents.user("scope-lead", "x-secret-1", Role.TEAM_LEAD);
		this.agents.manager("scope-manager-first", "x-secret-1");
		this.agents.mayWorkEveryPooledAccount("scope-agent", "other-agent");
		org.dues.identity.Teams.TeamView team = this.teams.create("Scoped " + System.nanoTime(), "scope-lead");
		this.teams.addMember(team.id(), "scope-agent");
		AccountView mine = this.portfolios.placed(this.portfolios.indianNbfc(), "10000", "0", "0", "10000",
				java.time.LocalDate.of(2026, 10, 1));
		AccountView theirs = this.portfolios.placed(this.portfolios.indianNbfc(), "10000", "0", "0", "10000",
				java.time.LocalDate.of(2026, 10, 1));
		for (var ask : List.of(java.util.Map.entry("scope-agent", mine), java.util.Map.entry("other-agent", theirs))) {
			this.mvc
				.perform(post("/accounts/" + ask.getValue().id().value() + "/arrangements/settlement")
					.with(user(ask.getKey()).roles("AGENT"))
					.with(csrf())
					.param("amount", "8000"))
				.andExpect(status().isOk());
		}
		java.util.function.Function<String, String> inbox = (who) -> {
			try {
				return this.mvc
					.perform(get("/api/v1/approvals")
						.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
							.httpBasic(who, "x-secret-1")))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse()
					.getContentAsString();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		};
		assertThat(inbox.apply("scope-lead")).contains(mine.id().value().toString())
			.doesNotContain(theirs.id().value().toString());
		// nor may the lead decide it, through the API or the page
		String theirRequest = com.jayway.jsonpath.JsonPath
			.<List<String>>read(inbox.apply("scope-manager-first"),
					"$[?(@.accountId == '%s')].id".formatted(theirs.id().value()))
			.get(0);
		this.mvc.perform(post("/api/v1/approvals/{id}/approve", theirRequest)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.httpBasic("scope-lead", "x-secret-1"))
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.content("{\"reason\": \"not mine to give\"}")).andExpect(status().isNotFound());
		this.mvc
			.perform(post("/approvals/{id}/reject", theirRequest).with(user("scope-lead").roles("TEAM_LEAD"))
				.with(csrf())
				.param("reason", "not mine to refuse"))
			.andExpect(status().isNotFound());
		this.agents.manager("scope-manager", "x-secret-1");
		assertThat(inbox.apply("scope-manager")).contains(mine.id().value().toString(), theirs.id().value().toString());
	}

}
