package org.dues.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.Portfolios;
import org.dues.identity.NewUser;
import org.dues.identity.Role;
import org.dues.identity.Teams;
import org.dues.identity.UserManagement;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.dues.work.QueueFilters;
import org.dues.work.QueueSort;
import org.dues.work.Queues;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 19, bulk sends: the accounts chosen by a queue, the browser's selection, an
 * uploaded list or ids, never beyond the starter's scope; previewed once and queued from
 * the preview; counted from their messages; cancelled.
 */
@IntegrationTest
class BulkSendsTests {

	private static int run;

	@Autowired
	MockMvc mvc;

	@Autowired
	Portfolios portfolios;

	@Autowired
	UserManagement users;

	@Autowired
	Teams teams;

	@Autowired
	Queues queues;

	@Autowired
	Dispatcher dispatcher;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	String p;

	CreditorView ours;

	CreditorView theirs;

	/** Our creditor's five accounts with a phone, 31 to 35 days past due. */
	List<AccountView> accounts = new ArrayList<>();

	/** Our creditor's account whose customer has no phone, 40 days past due. */
	AccountView noPhone;

	List<AccountView> others = new ArrayList<>();

	String leadA;

	String agentA;

	String leadB;

	Queues.QueueView queueA;

	Queues.QueueView queueB;

	@BeforeEach
	void setUp() {
		this.clock.set(IntegrationTest.START);
		this.p = "bk" + (++run);
		this.ours = this.portfolios.indianNbfc();
		this.theirs = this.portfolios.indianNbfc();
		this.leadA = person(this.p + "-lead-a", Role.TEAM_LEAD);
		this.agentA = person(this.p + "-agent-a", Role.AGENT);
		this.leadB = person(this.p + "-lead-b", Role.TEAM_LEAD);
		String agentB = person(this.p + "-agent-b", Role.AGENT);
		this.queueA = team(this.p + " team A", this.leadA, this.ours, this.agentA);
		this.queueB = team(this.p + " team B", this.leadB, this.theirs, agentB);
		for (int i = 0; i < 5; i++) {
			this.accounts.add(this.portfolios.overdue(this.ours, 31 + i, "10000.00"));
		}
		Map<String, String> row = Portfolios.row(this.ours, "5000.00");
		row.remove("phone_1");
		row.put("overdue_amount", "5000.00");
		row.put("oldest_due_date", LocalDate.now(this.clock.withZone(this.ours.timeZone())).minusDays(40).toString());
		this.noPhone = this.portfolios.place(this.ours, row);
		for (int i = 0; i < 3; i++) {
			this.others.add(this.portfolios.overdue(this.theirs, 40 + i, "20000.00"));
		}
	}

	@AfterEach
	void reset() {
		this.clock.set(IntegrationTest.START);
	}

	@Test
	void aQueuesAccountsArePreviewedOnceThenQueuedFromThatPreview() throws Exception {
		String previewed = this.mvc
			.perform(post("/api/v1/messages/bulk").with(lead(this.leadA))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"queueId": "%s", "channel": "SMS", "template": "reminder", "preview": true}"""
					.formatted(this.queueA.id())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PREVIEWED"))
			.andExpect(jsonPath("$.selector").value("QUEUE"))
			.andExpect(jsonPath("$.selected").value(6))
			.andExpect(jsonPath("$.accounts").value(6))
			.andExpect(jsonPath("$.wouldGoNow").value(5))
			.andExpect(jsonPath("$.heldBackNow").value(0))
			.andExpect(jsonPath("$.unaddressable").value(1))
			.andExpect(jsonPath("$.skipped[0].accountId").value(this.noPhone.id().value().toString()))
			.andExpect(jsonPath("$.queued").value(0))
			.andReturn()
			.getResponse()
			.getContentAsString();
		UUID bulk = UUID.fromString(JsonPath.read(previewed, "$.id"));
		assertThat(messagesOf(bulk)).isZero();
		// an account that joins the queue after the preview is not in this bulk send:
		// what was previewed is what is queued
		this.portfolios.overdue(this.ours, 36, "10000.00");
		this.mvc.perform(post("/api/v1/messages/bulk/{id}/queue", bulk).with(lead(this.leadA)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("QUEUED"))
			.andExpect(jsonPath("$.queued").value(5))
			.andExpect(jsonPath("$.progress.waiting").value(5));
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM messaging_messages
				WHERE bulk_id = :b AND status = 'QUEUED' AND address IS NOT NULL AND length(body) > 0
				  AND next_attempt_at = :now AND account_id = ANY(:ours)""")
			.param("b", bulk)
			.param("now", java.sql.Timestamp.from(IntegrationTest.START))
			.param("ours", this.accounts.stream().map((a) -> a.id().value()).toArray(UUID[]::new))
			.query(Long.class)
			.single()).isEqualTo(5);
		// queued again, nothing more
		this.mvc.perform(post("/api/v1/messages/bulk/{id}/queue", bulk).with(lead(this.leadA)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.queued").value(5));
		assertThat(messagesOf(bulk)).isEqualTo(5);
		// another team's lead does not find it, nor may a lead send to another team's
		// queue
		this.mvc.perform(get("/api/v1/messages/bulk/{id}", bulk).with(lead(this.leadB)))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/api/v1/messages/bulk/{id}/cancel", bulk).with(lead(this.leadB)))
			.andExpect(status().isNotFound());
		this.mvc.perform(
				post("/api/v1/messages/bulk").with(lead(this.leadA)).contentType(MediaType.APPLICATION_JSON).content("""
						{"queueId": "%s", "channel": "SMS", "template": "reminder"}""".formatted(this.queueB.id())))
			.andExpect(status().isNotFound());
	}

	@Test
	void theBrowsersSelectionIsReadAsTheBrowserReadsItAndNeverReachesBeyondTheStarter() throws Exception {
		this.mvc.perform(
				post("/api/v1/messages/bulk").with(lead(this.leadA)).contentType(MediaType.APPLICATION_JSON).content("""
						{"selection": {"creditors": ["%s"], "dpdMin": 33}, "channel": "SMS", "template": "reminder",
						 "preview": true}""".formatted(this.ours.code())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.selector").value("SELECTION"))
			.andExpect(jsonPath("$.selected").value(4))
			.andExpect(jsonPath("$.selection.dpdMin").value("33"))
			.andExpect(jsonPath("$.selection.creditors[0]").value(this.ours.code()));
		// every account the lead reaches, and not one more
		String all = this.mvc.perform(
				post("/api/v1/messages/bulk").with(lead(this.leadA)).contentType(MediaType.APPLICATION_JSON).content("""
						{"selection": {}, "channel": "SMS", "template": "reminder", "preview": true}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.selected").value(6))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<UUID> chosen = this.jdbc.sql("SELECT account_id FROM messaging_bulk_accounts WHERE bulk_id = :b")
			.param("b", UUID.fromString(JsonPath.read(all, "$.id")))
			.query(UUID.class)
			.list();
		List<UUID> ours = new ArrayList<>(this.accounts.stream().map((a) -> a.id().value()).toList());
		ours.add(this.noPhone.id().value());
		assertThat(chosen).containsExactlyInAnyOrderElementsOf(ours);
		// another team's accounts are not there to choose
		this.mvc
			.perform(post("/api/v1/messages/bulk").with(lead(this.leadA))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"selection": {"creditors": ["%s"]}, "channel": "SMS", "template": "reminder"}"""
					.formatted(this.theirs.code())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("no account within your scope")));
		this.mvc
			.perform(post("/api/v1/messages/bulk").with(lead(this.leadA))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"accountIds": ["%s"], "channel": "SMS", "template": "reminder"}"""
					.formatted(this.others.get(0).id().value())))
			.andExpect(status().isNotFound());
		// a manager without a recovery-agent certificate may make no contact on Indian
		// accounts: the preview says so before anything is queued
		String uncertified = this.p + "-lead-c";
		this.users.createIfAbsent(
				new NewUser(uncertified, "Uncertified", "bulk-secret-1", Set.of(Role.TEAM_LEAD), List.of("en")));
		this.mvc
			.perform(post("/api/v1/messages/bulk").with(manager())
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"accountIds": ["%s"], "channel": "SMS", "template": "reminder", "preview": true}"""
					.formatted(this.accounts.get(0).id().value())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.wouldGoNow").value(1));
		this.mvc
			.perform(post("/api/v1/messages/bulk").with(user(uncertified).roles("MANAGER"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"accountIds": ["%s"], "channel": "SMS", "template": "reminder", "preview": true}"""
					.formatted(this.accounts.get(0).id().value())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.wouldGoNow").value(0))
			.andExpect(jsonPath("$.heldBackByRule.sender").value(1));
		// a manager reaches them
		this.mvc
			.perform(post("/api/v1/messages/bulk").with(manager())
				.contentType(MediaType.APPLICATION_JSON)
				.content(
						"""
								{"selection": {"creditors": ["%s"]}, "channel": "SMS", "template": "reminder", "preview": true}"""
							.formatted(this.theirs.code())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.selected").value(3));
		// one selector, not two
		this.mvc
			.perform(post("/api/v1/messages/bulk").with(manager())
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"queueId": "%s", "selection": {}, "channel": "SMS", "template": "reminder"}"""
					.formatted(this.queueA.id())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("accountIds"));
	}

	@Test
	void anUploadedListWithABadLineIsRefusedWholeNamingEachLineAndQueuesNothing() throws Exception {
		String csv = "account_id,account_ref,creditor\n" //
				+ "," + this.accounts.get(0).accountRef() + "," + this.ours.code() + "\n" // 2
				+ ",NOPE-" + this.p + ",\n" // 3: no such account
				+ "," + this.others.get(0).accountRef() + "," + this.theirs.code() + "\n" // 4:
																							// not
																							// ours
				+ "123,,\n" // 5
				+ ",,\n" // 6
				+ this.accounts.get(1).id().value() + ",,\n"; // 7
		long before = bulksOf(this.leadA);
		this.mvc.perform(upload(csv).param("channel", "SMS").param("template", "reminder").with(lead(this.leadA)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(4))
			.andExpect(jsonPath("$.errors[0].line").value(3))
			.andExpect(jsonPath("$.errors[0].reason").value("no such account"))
			.andExpect(jsonPath("$.errors[1].line").value(4))
			.andExpect(jsonPath("$.errors[1].reason").value("no such account"))
			.andExpect(jsonPath("$.errors[2].line").value(5))
			.andExpect(jsonPath("$.errors[2].reason").value("'123' is not an account id"))
			.andExpect(jsonPath("$.errors[3].line").value(6))
			.andExpect(jsonPath("$.errors[3].reason").value("neither an account id nor a reference"));
		assertThat(bulksOf(this.leadA)).isEqualTo(before);
		this.mvc.perform(upload("name\nAsha\n").param("channel", "SMS").param("template", "reminder").with(manager()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].line").value(1));
		// the good lines alone go
		String good = "\uFEFFAccount Ref,Creditor\r\n" + this.accounts.get(0).accountRef() + "," + this.ours.code()
				+ "\r\n" + this.accounts.get(1).accountRef() + "," + this.ours.code() + "\r\n";
		this.mvc.perform(upload(good).param("channel", "SMS").param("template", "reminder").with(lead(this.leadA)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.selector").value("UPLOAD"))
			.andExpect(jsonPath("$.queued").value(2));
		// a reference two creditors share needs its creditor
		String shared = "DUP-" + this.p;
		for (CreditorView creditor : List.of(this.ours, this.theirs)) {
			Map<String, String> row = Portfolios.row(creditor, "1000.00");
			row.put("account_ref", shared);
			this.portfolios.place(creditor, row);
		}
		this.mvc
			.perform(upload("account_ref\n" + shared + "\n").param("channel", "SMS")
				.param("template", "reminder")
				.with(manager()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].line").value(2))
			.andExpect(jsonPath("$.errors[0].reason").value(containsString("name the creditor")));
		this.mvc
			.perform(upload("account_ref\n" + shared + "\n").param("channel", "SMS")
				.param("template", "reminder")
				.param("creditor", this.theirs.code())
				.param("preview", "true")
				.with(manager()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.selected").value(1));
	}

	@Test
	void theCountsFollowTheMessagesAndACancelCancelsWhatIsStillQueued() throws Exception {
		CreditorView card = this.portfolios.usIssuer();
		List<AccountView> us = List.of(this.portfolios.overdue(card, 40, "100.00"),
				this.portfolios.overdue(card, 41, "100.00"), this.portfolios.overdue(card, 42, "100.00"));
		// 10:00 in New York
		this.clock.set(Instant.parse("2026-11-26T15:00:00Z"));
		String made = this.mvc
			.perform(post("/api/v1/messages/bulk").with(manager())
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"accountIds": ["%s", "%s", "%s"], "channel": "SMS", "template": "reminder"}"""
					.formatted(us.get(0).id().value(), us.get(1).id().value(), us.get(2).id().value())))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.wouldGoNow").value(3))
			.andExpect(jsonPath("$.queued").value(3))
			.andReturn()
			.getResponse()
			.getContentAsString();
		UUID bulk = UUID.fromString(JsonPath.read(made, "$.id"));
		UUID first = this.jdbc.sql("SELECT id FROM messaging_messages WHERE bulk_id = :b AND account_id = :a")
			.param("b", bulk)
			.param("a", us.get(0).id().value())
			.query(UUID.class)
			.single();
		assertThat(this.dispatcher.dispatch(first)).isIn(MessageStatus.SENT, MessageStatus.DELIVERED);
		this.mvc.perform(get("/api/v1/messages/bulk/{id}", bulk).with(manager()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.progress.waiting").value(2))
			.andExpect(jsonPath("$.progress.percent").value(33));
		this.mvc.perform(post("/api/v1/messages/bulk/{id}/cancel", bulk).with(manager()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CANCELLED"))
			.andExpect(jsonPath("$.progress.cancelled").value(2))
			.andExpect(jsonPath("$.progress.waiting").value(0))
			.andExpect(jsonPath("$.progress.percent").value(100));
		assertThat(this.jdbc.sql("SELECT status FROM messaging_messages WHERE id = :id")
			.param("id", first)
			.query(String.class)
			.single()).isIn("SENT", "DELIVERED");
		// again: nothing changes; a cancelled bulk send is not queued
		this.mvc.perform(post("/api/v1/messages/bulk/{id}/cancel", bulk).with(manager()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.progress.cancelled").value(2));
		this.mvc.perform(post("/api/v1/messages/bulk/{id}/queue", bulk).with(manager()))
			.andExpect(status().isConflict());
	}

	@Test
	void aScheduledTimeIsEachCreditorsLocalTime() throws Exception {
		CreditorView card = this.portfolios.usIssuer();
		AccountView american = this.portfolios.overdue(card, 40, "100.00");
		String made = this.mvc
			.perform(post("/api/v1/messages/bulk").with(manager())
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"accountIds": ["%s", "%s"], "channel": "SMS", "template": "reminder",
						 "scheduledAt": "2026-11-27T09:30:00"}""".formatted(american.id().value(),
						this.accounts.get(0).id().value())))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		UUID bulk = UUID.fromString(JsonPath.read(made, "$.id"));
		assertThat(nextAttempt(bulk, american)).isEqualTo(Instant.parse("2026-11-27T14:30:00Z"));
		assertThat(nextAttempt(bulk, this.accounts.get(0))).isEqualTo(Instant.parse("2026-11-27T04:00:00Z"));
	}

	@Test
	void aLeadPreviewsConfirmsAndWatchesABulkMessageOnItsPageInTheirLanguage() throws Exception {
		Document form = page(get("/supervisor/messages/bulk").param("source", "selection")
			.param("creditors", this.ours.code())
			.param("lang", "ml"));
		assertThat(form.getElementById("bulk-form")).isNotNull();
		assertThat(form.selectFirst("label[for=source-selection]").text()).contains("6");
		assertThat(form.selectFirst("h1").text()).isEqualTo("കൂട്ട സന്ദേശം");
		String location = this.mvc
			.perform(post("/supervisor/messages/bulk").with(csrf())
				.with(lead(this.leadA))
				.param("source", "queue")
				.param("queueId", this.queueA.id().toString())
				.param("channel", "SMS")
				.param("template", "reminder")
				.param("language", "ml"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).startsWith("/supervisor/messages/bulk/");
		Document preview = page(get(location));
		assertThat(preview.getElementById("count-selected").text()).isEqualTo("6");
		assertThat(preview.getElementById("count-now").text()).isEqualTo("5");
		assertThat(preview.getElementById("count-none").text()).isEqualTo("1");
		assertThat(preview.getElementById("bulk-confirm")).isNotNull();
		this.mvc.perform(post(location + "/queue").with(csrf()).with(lead(this.leadA)))
			.andExpect(status().is3xxRedirection());
		Document progress = page(get(location + "/progress"));
		assertThat(progress.getElementById("bulk-progress").attr("hx-trigger")).isEqualTo("every 2s");
		assertThat(progress.selectFirst("[data-count=waiting]").text()).isEqualTo("5");
		UUID bulk = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
		assertThat(this.jdbc.sql("SELECT DISTINCT language FROM messaging_messages WHERE bulk_id = :b")
			.param("b", bulk)
			.query(String.class)
			.list()).containsExactly("ml");
		// a bad list names its lines on the page
		Document refused = Jsoup.parse(this.mvc
			.perform(multipart("/supervisor/messages/bulk")
				.file(new MockMultipartFile("file", "list.csv", "text/csv", "account_ref\nNOPE\n".getBytes()))
				.with(csrf())
				.with(lead(this.leadA))
				.param("source", "upload")
				.param("channel", "SMS")
				.param("template", "reminder"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(refused.getElementById("bulk-problem").text()).contains("1 line of the list is refused");
		assertThat(refused.selectFirst("#bulk-bad-lines tr[data-line=2]")).isNotNull();
		// agents have no such page
		this.mvc.perform(get("/supervisor/messages/bulk").with(user(this.agentA).roles("AGENT")))
			.andExpect(status().isForbidden());
	}

	private Instant nextAttempt(UUID bulk, AccountView account) {
		return this.jdbc.sql("SELECT next_attempt_at FROM messaging_messages WHERE bulk_id = :b AND account_id = :a")
			.param("b", bulk)
			.param("a", account.id().value())
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
	}

	private org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder upload(String csv) {
		return multipart("/api/v1/messages/bulk").file(new MockMultipartFile("file", "list.csv", "text/csv",
				csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
	}

	private long messagesOf(UUID bulk) {
		return this.jdbc.sql("SELECT count(*) FROM messaging_messages WHERE bulk_id = :b")
			.param("b", bulk)
			.query(Long.class)
			.single();
	}

	private long bulksOf(String user) {
		return this.jdbc.sql("SELECT count(*) FROM messaging_bulk_sends WHERE started_by = :u")
			.param("u", user)
			.query(Long.class)
			.single();
	}

	private Document page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
			throws Exception {
		return Jsoup.parse(this.mvc.perform(request.with(lead(this.leadA)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private String person(String name, Role role) {
		// leads too hold a recovery-agent certificate: without one they may make no
		// contact
		// on an Indian account
		this.users.createIfAbsent(new NewUser(name, "Name of " + name, "bulk-secret-1", Set.of(role),
				List.of("ml", "en"), List.of(), "RA-" + name, LocalDate.of(2027, 6, 30)));
		return name;
	}

	private Queues.QueueView team(String name, String lead, CreditorView creditor, String... agents) {
		Teams.TeamView team = this.teams.create(name, lead);
		for (String agent : agents) {
			this.teams.addMember(team.id(), agent);
		}
		return this.queues.define(
				team.id(), "All of " + creditor.code(), new QueueFilters(List.of(creditor.code()), List.of(), null,
						null, null, null, List.of(), List.of(), List.of(), List.of()),
				QueueSort.DPD_DESC, 100, "tests");
	}

	private static RequestPostProcessor lead(String name) {
		return user(name).roles("TEAM_LEAD");
	}

	private static RequestPostProcessor manager() {
		return user("bulk-manager").roles("MANAGER");
	}

}
