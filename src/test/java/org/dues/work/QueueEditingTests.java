package org.dues.work;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.Portfolios;
import org.dues.TestAgents;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 18, item 8: a manager edits and deletes a queue (its listing follows at once, its
 * history says who changed what), a lead may only pause it; a bucket no creditor's scheme
 * has is refused naming the field; the queues page writes the balance filter as rupees in
 * lakh grouping and the oldest debt in days past due.
 */
@IntegrationTest
class QueueEditingTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAgents agents;

	@Autowired
	Portfolios portfolios;

	@Autowired
	Queues queues;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	CreditorView nbfc;

	UUID team;

	@BeforeEach
	void setUp() {
		this.clock.set(IntegrationTest.START);
		this.nbfc = this.portfolios.indianNbfc();
		this.agents.manager("qe-manager", "manager-secret-of-tests");
		this.agents.lead("qe-lead");
		this.team = this.agents.teamLedBy("qe-lead").id();
	}

	@Test
	void aManagerEditsAQueueAndItsAccountsFollowAtOnce() throws Exception {
		AccountView sma1 = this.portfolios.overdue(this.nbfc, 45, "50000.00");
		AccountView sma2 = this.portfolios.overdue(this.nbfc, 75, "60000.00");
		Queues.QueueView queue = define("SMA-1 of " + this.nbfc.code(), List.of("SMA-1"), null);
		assertThat(members(queue.id())).containsExactly(sma1.id().value());

		this.mvc
			.perform(put("/api/v1/queues/{id}", queue.id()).with(as("qe-manager", "MANAGER"))
				.header("If-Match", "\"1\"")
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"name": "SMA-2 of %1$s", "filters": {"creditors": ["%1$s"], "buckets": ["SMA-2"]}}"""
					.formatted(this.nbfc.code())))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"2\""))
			.andExpect(jsonPath("$.queue.name").value("SMA-2 of " + this.nbfc.code()))
			.andExpect(jsonPath("$.size.accounts").value(1));
		assertThat(members(queue.id())).containsExactly(sma2.id().value());

		this.mvc.perform(get("/api/v1/queues/{id}/history", queue.id()).with(as("qe-lead", "TEAM_LEAD")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].action").value("CHANGED"))
			.andExpect(jsonPath("$[0].changed").value(org.hamcrest.Matchers.contains("name", "buckets")))
			.andExpect(jsonPath("$[0].by").value("qe-manager"))
			.andExpect(jsonPath("$[0].before.filters.buckets[0]").value("SMA-1"))
			.andExpect(jsonPath("$[0].after.filters.buckets[0]").value("SMA-2"))
			.andExpect(jsonPath("$[1].action").value("DEFINED"));
	}

	@Test
	void aManagerChangesAQueueOnItsPageAndTheHistoryShowsWhoAndWhat() throws Exception {
		this.portfolios.overdue(this.nbfc, 45, "50000.00");
		Queues.QueueView queue = define("Page edit " + this.nbfc.code(), List.of("SMA-1"), null);
		this.mvc
			.perform(post("/queues/{id}", queue.id()).with(as("qe-manager", "MANAGER"))
				.with(csrf())
				.param("version", "1")
				.param("name", "Page edited " + this.nbfc.code())
				.param("creditors", this.nbfc.code())
				.param("buckets", "SMA-1, SMA-2")
				.param("sort", "BALANCE_DESC")
				.param("priority", "40"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("done", "queues.edited"));
		Queues.QueueView edited = this.queues.get(queue.id());
		assertThat(edited.name()).isEqualTo("Page edited " + this.nbfc.code());
		assertThat(edited.filters().buckets()).containsExactly("SMA-1", "SMA-2");
		assertThat(edited.sort()).isEqualTo(QueueSort.BALANCE_DESC);
		assertThat(edited.priority()).isEqualTo(40);

		String page = this.mvc.perform(get("/queues/{id}", queue.id()).with(as("qe-lead", "TEAM_LEAD")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Element history = Jsoup.parse(page).getElementById("queue-history");
		assertThat(history).isNotNull();
		assertThat(history.select("tbody tr").first().text()).contains("qe-manager", "Changed", "Queue", "Buckets",
				"Order", "Priority");
		assertThat(Jsoup.parse(page).getElementById("edit-queue")).as("a lead sees no edit form").isNull();
	}

	@Test
	void aManagerDeletesAQueueNamingTheVersionTheySaw() throws Exception {
		this.portfolios.overdue(this.nbfc, 45, "50000.00");
		Queues.QueueView queue = define("Doomed " + this.nbfc.code(), List.of(), null);
		assertThat(members(queue.id())).hasSize(1);
		this.mvc.perform(delete("/api/v1/queues/{id}", queue.id()).with(as("qe-manager", "MANAGER")))
			.andExpect(status().isPreconditionRequired());
		this.queues.change(queue.id(), 1, Queues.QueueState.of(queue).active(false), "another-manager");
		this.mvc
			.perform(delete("/api/v1/queues/{id}", queue.id()).with(as("qe-manager", "MANAGER"))
				.header("If-Match", "\"1\""))
			.andExpect(status().isPreconditionFailed())
			.andExpect(header().string("ETag", "\"2\""));
		assertThat(this.queues.all()).extracting(Queues.QueueView::id).contains(queue.id());

		this.mvc
			.perform(delete("/api/v1/queues/{id}", queue.id()).with(as("qe-manager", "MANAGER"))
				.header("If-Match", "\"2\""))
			.andExpect(status().isNoContent());
		assertThat(this.queues.all()).extracting(Queues.QueueView::id).doesNotContain(queue.id());
		assertThat(members(queue.id())).isEmpty();
		assertThat(this.queues.history(queue.id())).extracting(Queues.QueueChange::action, Queues.QueueChange::by)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("DELETED", "qe-manager"),
					org.assertj.core.groups.Tuple.tuple("PAUSED", "another-manager"),
					org.assertj.core.groups.Tuple.tuple("DEFINED", "qe-manager"));
	}

	@Test
	void aManagerDeletesAQueueFromItsPage() throws Exception {
		Queues.QueueView queue = define("Page doomed " + this.nbfc.code(), List.of(), null);
		this.mvc
			.perform(post("/queues/{id}/delete", queue.id()).with(as("qe-manager", "MANAGER"))
				.with(csrf())
				.param("version", "1"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("done", "queues.deleted"));
		assertThat(this.queues.all()).extracting(Queues.QueueView::id).doesNotContain(queue.id());
	}

	@Test
	void aMadeUpBucketIsRefusedNamingTheField() throws Exception {
		this.mvc
			.perform(post("/api/v1/queues").with(as("qe-manager", "MANAGER"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"teamId": "%s", "name": "Made up", "filters": {"creditors": ["%s"], "buckets": ["SMA-9"]}}"""
					.formatted(this.team, this.nbfc.code())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("buckets"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("SMA-9")))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("SMA-2")));
		assertThat(this.queues.all()).extracting(Queues.QueueView::name).doesNotContain("Made up");

		this.mvc
			.perform(post("/queues").with(as("qe-manager", "MANAGER"))
				.with(csrf())
				.param("teamId", this.team.toString())
				.param("name", "Made up on the page")
				.param("creditors", this.nbfc.code())
				.param("buckets", "sma-9"))
			.andExpect(flash().attribute("problem", containsString("buckets: 'SMA-9' is not a bucket")));

		Queues.QueueView queue = define("Real " + this.nbfc.code(), List.of("SMA-1"), null);
		this.mvc
			.perform(put("/api/v1/queues/{id}", queue.id()).with(as("qe-manager", "MANAGER"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"filters": {"creditors": ["%s"], "buckets": ["SMA-9"], "languages": ["xx"]}}"""
					.formatted(this.nbfc.code())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("buckets", "languages")));
		assertThat(this.queues.get(queue.id()).filters().buckets()).containsExactly("SMA-1");
	}

	@Test
	void theQueuesPageWritesTheBalanceAsRupeesInLakhsAndTheOldestDebtInDaysPastDue() throws Exception {
		this.portfolios.overdue(this.nbfc, 187, "150000.00");
		this.portfolios.overdue(this.nbfc, 20, "250000.00");
		this.portfolios.overdue(this.nbfc, 300, "90000.00");
		Queues.QueueView queue = define("Lakh and more " + this.nbfc.code(), List.of(), new BigDecimal("100000"));

		String page = this.mvc.perform(get("/queues").with(as("qe-manager", "MANAGER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Element row = Jsoup.parse(page).selectFirst("tr[data-queue=\"" + queue.name() + "\"]");
		assertThat(row).isNotNull();
		assertThat(row.selectFirst("[data-balance]").text()).isEqualTo("Balance ₹1,00,000 or more");
		assertThat(row.selectFirst("[data-oldest]").text()).isEqualTo("187 days past due");
		assertThat(row.text()).doesNotContain("∞", "100000");

		this.mvc.perform(get("/supervisor").param("zone", "Asia/Kolkata").with(as("qe-manager", "MANAGER")))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString("oldest: 187 days past due")));
		assertThat(this.queues.size(queue.id())).isEqualTo(new Queues.Size(2, 187));
	}

	@Test
	void aLeadMayPauseButNotEditOrDeleteAQueueOfTheirTeam() throws Exception {
		Queues.QueueView queue = define("Lead's " + this.nbfc.code(), List.of("SMA-1"), null);
		RequestPostProcessor lead = as("qe-lead", "TEAM_LEAD");
		this.mvc
			.perform(put("/api/v1/queues/{id}", queue.id()).with(lead)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"Mine now\"}"))
			.andExpect(status().isForbidden());
		this.mvc.perform(delete("/api/v1/queues/{id}", queue.id()).with(lead).header("If-Match", "\"1\""))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/queues/{id}", queue.id()).with(lead)
				.with(csrf())
				.param("version", "1")
				.param("name", "Mine now"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/queues/{id}/delete", queue.id()).with(lead).with(csrf()).param("version", "1"))
			.andExpect(status().isForbidden());
		assertThat(this.queues.get(queue.id()).name()).isEqualTo(queue.name());
		assertThat(this.queues.get(queue.id()).version()).isEqualTo(1);

		this.mvc.perform(post("/queues/{id}/active", queue.id()).with(lead).with(csrf()).param("active", "false"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.queues.get(queue.id()).active()).isFalse();
		this.mvc.perform(get("/queues").with(lead))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(not(containsString("id=\"new-queue\""))));

		this.mvc
			.perform(put("/api/v1/queues/{id}", queue.id()).with(as("qe-manager", "MANAGER"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"Renamed by the manager\", \"active\": true}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.queue.active").value(true));
		assertThat(this.queues.history(queue.id())).extracting(Queues.QueueChange::action)
			.containsExactly("CHANGED", "PAUSED", "DEFINED");
	}

	@Test
	void theQueuesPageWritesTheDaysPastDueFilterInWordsNotWithAnInfinity() throws Exception {
		Queues.QueueView open = this.queues.define(
				this.team, "Ninety and more " + this.nbfc.code(), new QueueFilters(List.of(this.nbfc.code()), List.of(),
						90, null, null, null, List.of(), List.of(), List.of(), List.of()),
				QueueSort.DPD_DESC, 300, "qe-manager");
		Queues.QueueView early = this.queues.define(
				this.team, "Up to thirty " + this.nbfc.code(), new QueueFilters(List.of(this.nbfc.code()), List.of(), 0,
						30, null, null, List.of(), List.of(), List.of(), List.of()),
				QueueSort.DPD_DESC, 300, "qe-manager");
		Queues.QueueView band = this.queues.define(
				this.team, "Thirty one to sixty " + this.nbfc.code(), new QueueFilters(List.of(this.nbfc.code()),
						List.of(), 31, 60, null, null, List.of(), List.of(), List.of(), List.of()),
				QueueSort.DPD_DESC, 300, "qe-manager");
		for (String language : List.of("en", "hi")) {
			Document page = Jsoup
				.parse(this.mvc.perform(get("/queues").param("lang", language).with(as("qe-manager", "MANAGER")))
					.andReturn()
					.getResponse()
					.getContentAsString());
			String first = page.selectFirst("tr[data-queue=\"" + open.name() + "\"] [data-dpd]").text();
			String second = page.selectFirst("tr[data-queue=\"" + early.name() + "\"] [data-dpd]").text();
			String third = page.selectFirst("tr[data-queue=\"" + band.name() + "\"] [data-dpd]").text();
			if (language.equals("en")) {
				assertThat(first).isEqualTo("DPD 90 or more");
				assertThat(second).isEqualTo("DPD up to 30");
				assertThat(third).isEqualTo("DPD 31 to 60");
			}
			else {
				assertThat(first).isEqualTo("DPD 90 या अधिक");
				assertThat(third).isEqualTo("DPD 31 से 60");
			}
			assertThat(page.text()).doesNotContain("∞");
		}
	}

	private Queues.QueueView define(String name, List<String> buckets, BigDecimal balanceMin) {
		return this.queues.define(this.team, name, new QueueFilters(List.of(this.nbfc.code()), buckets, null, null,
				balanceMin, null, List.of(), List.of(), List.of(), List.of()), QueueSort.DPD_DESC, 300, "qe-manager");
	}

	private List<UUID> members(UUID queue) {
		return this.jdbc.sql("SELECT account_id FROM work_queue_members WHERE queue_id = :queue ORDER BY position")
			.param("queue", queue)
			.query(UUID.class)
			.list();
	}

	private static RequestPostProcessor as(String name, String role) {
		return user(name).roles(role);
	}

}
