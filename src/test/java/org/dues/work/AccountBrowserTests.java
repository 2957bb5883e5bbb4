package org.dues.work;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.Portfolios;
import org.dues.identity.NewUser;
import org.dues.identity.Role;
import org.dues.identity.Teams;
import org.dues.identity.UserManagement;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 18, for leads and managers: the accounts browser counts and pages the accounts a
 * queue's filters match (with the queue's own SQL), within what the reader reaches; its
 * bulk actions give the accounts chosen to an agent or add them to a queue, all or
 * nothing, checked account by account against the reader's scope, once per form, with who
 * moved what kept.
 */
@IntegrationTest
class AccountBrowserTests {

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
	AccountBrowser browser;

	@Autowired
	NextAccount next;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WorkAccess access;

	@Autowired
	MutableClock clock;

	CreditorView ours;

	CreditorView theirs;

	/** Our creditor's 30 accounts, 31 to 60 days past due, balances 1,00,000 up. */
	List<AccountView> accounts = new ArrayList<>();

	List<AccountView> others = new ArrayList<>();

	String leadA;

	String agentA1;

	String agentA2;

	String leadB;

	String agentB;

	Queues.QueueView queueA;

	Queues.QueueView queueB;

	@BeforeEach
	void setUp() {
		this.clock.set(IntegrationTest.START);
		String p = "br" + (++run);
		this.ours = this.portfolios.indianNbfc();
		this.theirs = this.portfolios.indianNbfc();
		this.leadA = person(p + "-lead-a", Role.TEAM_LEAD);
		this.agentA1 = person(p + "-agent-a1", Role.AGENT);
		this.agentA2 = person(p + "-agent-a2", Role.AGENT);
		this.leadB = person(p + "-lead-b", Role.TEAM_LEAD);
		this.agentB = person(p + "-agent-b", Role.AGENT);
		this.queueA = team(p + " team A", this.leadA, this.ours, this.agentA1, this.agentA2);
		this.queueB = team(p + " team B", this.leadB, this.theirs, this.agentB);
		for (int i = 0; i < 30; i++) {
			this.accounts.add(this.portfolios.overdue(this.ours, 31 + i, (100000 + 1000 * i) + ".00"));
		}
		for (int i = 0; i < 5; i++) {
			this.others.add(this.portfolios.overdue(this.theirs, 40 + i, "50000.00"));
		}
	}

	@Test
	void aManagerCountsPagesAndSortsWhatAQueuesFiltersMatch() {
		Authentication all = as("br-manager", "ROLE_MANAGER");
		AccountBrowser.Page first = this.browser.browse(criteria(filters(null, null, null, null)), BrowseSort.DPD_DESC,
				0, all);
		assertThat(first.total()).isEqualTo(30);
		assertThat(first.rows()).hasSize(25);
		assertThat(first.rows().get(0).account().daysPastDue()).isEqualTo(60);
		assertThat(first.rows().get(0).customerName()).isNotBlank();
		assertThat(first.hasNext()).isTrue();
		AccountBrowser.Page second = this.browser.browse(criteria(filters(null, null, null, null)), BrowseSort.DPD_DESC,
				1, all);
		assertThat(second.rows()).extracting((r) -> r.account().daysPastDue()).containsExactly(35, 34, 33, 32, 31);
		assertThat(second.hasNext()).isFalse();
		assertThat(second.from()).isEqualTo(26);
		assertThat(this.browser.browse(criteria(filters(null, null, null, null)), BrowseSort.BALANCE_ASC, 0, all)
			.rows()
			.get(0)
			.account()
			.id()).isEqualTo(this.accounts.get(0).id());

		// the filters of a queue, each narrowing the count
		assertThat(this.browser.browse(criteria(filters(40, 49, null, null)), BrowseSort.DPD_DESC, 0, all).total())
			.isEqualTo(10);
		assertThat(this.browser
			.browse(criteria(filters(null, null, new java.math.BigDecimal("120000"), null)), BrowseSort.DPD_DESC, 0,
					all)
			.total()).as("balances of 1,20,000 and more").isEqualTo(10);

		// whose they are
		this.next.assignAll(List.of(this.accounts.get(0).id(), this.accounts.get(1).id(), this.accounts.get(2).id()),
				this.agentA1, "tests");
		assertThat(count(AccountBrowser.Owned.OWNED, null, null, null, all)).isEqualTo(3);
		assertThat(count(AccountBrowser.Owned.POOLED, null, null, null, all)).isEqualTo(27);
		assertThat(count(AccountBrowser.Owned.BY_AGENT, this.agentA1, null, null, all)).isEqualTo(3);
		assertThat(count(AccountBrowser.Owned.ANY, null, teamOf(this.queueA), null, all)).isEqualTo(30);
		// a queue's accounts are counted as the queue counts them
		assertThat(count(AccountBrowser.Owned.ANY, null, null, this.queueA.id(), all)).isEqualTo(27)
			.isEqualTo(this.queues.size(this.queueA.id()).accounts());
	}

	@Test
	void aLeadSeesAndCountsOnlyTheirTeamsAccounts() throws Exception {
		this.next.assignAll(List.of(this.others.get(0).id()), this.agentB, "tests");
		assertThat(count(AccountBrowser.Owned.ANY, null, null, null, as(this.leadA, "ROLE_TEAM_LEAD"), this.theirs))
			.isZero();
		Document mine = page(get("/supervisor/accounts"), this.leadA);
		assertThat(mine.getElementById("browse-count").text()).contains("30 accounts match");
		Document theirs = page(get("/supervisor/accounts").param("creditors", this.theirs.code()), this.leadA);
		assertThat(theirs.getElementById("browse-count").text()).contains("No accounts match");
		assertThat(page(get("/supervisor/accounts"), this.leadB).getElementById("browse-count").text())
			.contains("5 accounts match");
		// another team's or agent's accounts are not there to ask for
		this.mvc
			.perform(get("/supervisor/accounts").param("team", teamOf(this.queueB).toString())
				.with(user(this.leadA).roles("TEAM_LEAD")))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(get("/supervisor/accounts").param("owner", this.agentB).with(user(this.leadA).roles("TEAM_LEAD")))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(get("/supervisor/accounts").param("queue", this.queueB.id().toString())
				.with(user(this.leadA).roles("TEAM_LEAD")))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/supervisor/accounts").with(user(this.agentA1).roles("AGENT")))
			.andExpect(status().isForbidden());
	}

	@Test
	void theBrowsersReachReadFromTheRowIsTheScopeChecksReach() {
		// owned, followed (a note, a recent outcome, an open lease) and pooled accounts
		// of
		// both teams
		this.next.assignAll(List.of(this.accounts.get(0).id()), this.agentA1, "tests");
		this.next.assignAll(List.of(this.others.get(0).id(), this.others.get(1).id()), this.agentB, "tests");
		java.sql.Timestamp now = java.sql.Timestamp.from(this.clock.instant());
		this.jdbc.sql("""
				INSERT INTO work_notes (id, account_id, body, written_by, written_at)
				VALUES (gen_random_uuid(), :account, 'asked for the statement', :agent, :now)""")
			.param("account", this.others.get(1).id().value())
			.param("agent", this.agentA1)
			.param("now", now)
			.update();
		this.jdbc.sql("""
				INSERT INTO work_dispositions (id, account_id, result, agent, recorded_at)
				VALUES (gen_random_uuid(), :account, 'NO_ANSWER', :agent, :now)""")
			.param("account", this.accounts.get(5).id().value())
			.param("agent", this.agentB)
			.param("now", now)
			.update();
		this.jdbc
			.sql("""
					INSERT INTO work_locks (account_id, agent, locked_at, expires_at) VALUES (:account, :agent, :now, :until)
					ON CONFLICT (account_id) DO NOTHING""")
			.param("account", this.others.get(2).id().value())
			.param("agent", this.leadA)
			.param("now", now)
			.param("until", java.sql.Timestamp.from(this.clock.instant().plusSeconds(900)))
			.update();
		for (Authentication reader : List.of(as(this.leadA, "ROLE_TEAM_LEAD"), as(this.leadB, "ROLE_TEAM_LEAD"),
				as(this.agentA1, "ROLE_AGENT"), as(this.agentB, "ROLE_AGENT"), as("br-manager", "ROLE_MANAGER"))) {
			java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
			row.put("creditors", new UUID[] { this.ours.id().value(), this.theirs.id().value() });
			String reach = this.access.rowCondition(reader, row);
			List<UUID> byRow = this.jdbc
				.sql("""
						SELECT a.id FROM portfolio_account_facts a JOIN customer_routing_facts cu ON cu.customer_id = a.customer_id
						LEFT JOIN work_assignments w ON w.account_id = a.id
						WHERE a.creditor_id = ANY(:creditors) AND (%s)"""
					.formatted(reach))
				.params(row)
				.query(UUID.class)
				.list();
			java.util.Map<String, Object> each = new java.util.LinkedHashMap<>();
			each.put("creditors", row.get("creditors"));
			List<UUID> byAccount = this.jdbc
				.sql("SELECT acct.id FROM portfolio_account_facts acct WHERE acct.creditor_id = ANY(:creditors) AND "
						+ this.access.accountCondition(reader, "acct.id", each))
				.params(each)
				.query(UUID.class)
				.list();
			assertThat(byRow).as(reader.getName()).isNotEmpty().containsExactlyInAnyOrderElementsOf(byAccount);
		}
		// the lead of team A reaches team B's account their agent wrote a note on, and
		// the one they have open, and no other of team B's
		assertThat(this.browser
			.browse(new AccountBrowser.Criteria(filters(this.theirs, null, null, null, null), AccountBrowser.Owned.ANY,
					null, null, null), BrowseSort.DPD_DESC, 0, as(this.leadA, "ROLE_TEAM_LEAD"))
			.rows()).extracting((r) -> r.account().id())
			.containsExactlyInAnyOrder(this.others.get(1).id(), this.others.get(2).id());
	}

	@Test
	void aBulkAssignmentWithOneAccountOutsideTheLeadsTeamsChangesNothing() throws Exception {
		UUID token = UUID.randomUUID();
		AccountView a1 = this.accounts.get(0);
		AccountView a2 = this.accounts.get(1);
		// a forged form: another team's account among ours, and one that does not exist
		Sent refused = send(bulk("/supervisor/accounts/assign", this.leadA, token,
				List.of(a1.id().value(), a2.id().value(), this.others.get(0).id().value(), UUID.randomUUID()))
			.param("agent", this.agentA1));
		assertThat(refused.redirect()).startsWith("/supervisor/accounts");
		assertThat(flash(refused, "problem"))
			.isEqualTo("2 of the 4 accounts chosen do not exist or are not within your teams. Nothing was changed.");
		assertThat(owners(a1, a2)).containsOnlyNulls();
		assertThat(historyOf(a1)).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM work_bulk_actions WHERE id = :id")
			.param("id", token)
			.query(Long.class)
			.single()).isZero();

		// nor may a lead give accounts to another team's agent
		assertThat(flash(send(bulk("/supervisor/accounts/assign", this.leadA, token, List.of(a1.id().value()))
			.param("agent", this.agentB)), "problem")).startsWith(this.agentB + " is not an agent of a team you lead.");

		// the same form without the forged account: given, and who gave them kept
		Sent done = send(
				bulk("/supervisor/accounts/assign", this.leadA, token, List.of(a1.id().value(), a2.id().value()))
					.param("agent", this.agentA1));
		assertThat(flash(done, "done")).isEqualTo("2 of the 2 accounts chosen given to " + this.agentA1 + ".");
		assertThat(owners(a1, a2)).containsOnly(this.agentA1);
		assertThat(this.jdbc.sql("""
				SELECT from_agent IS NULL AND to_agent = :agent AND assigned_by = :lead AND batch_id = :token
				FROM work_assignment_history WHERE account_id = :account""")
			.param("agent", this.agentA1)
			.param("lead", this.leadA)
			.param("token", token)
			.param("account", a1.id().value())
			.query(Boolean.class)
			.list()).containsExactly(true);
		// sent again (a double click): the first answer, nothing more written
		Sent again = send(
				bulk("/supervisor/accounts/assign", this.leadA, token, List.of(a1.id().value(), a2.id().value()))
					.param("agent", this.agentA2));
		assertThat(flash(again, "done")).contains("already been sent");
		assertThat(owners(a1, a2)).containsOnly(this.agentA1);
		assertThat(historyOf(a1)).isEqualTo(1);
		// the same again on a new form changes nothing: they are already theirs
		assertThat(flash(send(bulk("/supervisor/accounts/assign", this.leadA, UUID.randomUUID(),
				List.of(a1.id().value(), a2.id().value()))
			.param("agent", this.agentA1)), "done"))
			.isEqualTo("0 of the 2 accounts chosen given to " + this.agentA1 + "; 2 were already theirs.");
		assertThat(historyOf(a1)).isEqualTo(1);
		// and the other team's lead cannot reach them
		assertThat(
				flash(send(bulk("/supervisor/accounts/assign", this.leadB, UUID.randomUUID(), List.of(a1.id().value()))
					.param("agent", this.agentB)), "problem"))
			.startsWith("1 of the 1 accounts chosen does not exist");
		// the agent's own accounts come first when they ask for the next
		assertThat(this.next.next(this.agentA1).orElseThrow().reason()).isEqualTo("OWNED");
	}

	@Test
	void allMatchingAccountsAreMovedOnlyWhileTheyAreWhatWasCountedAndAddedToAQueueGoBackToThePool() throws Exception {
		String from = this.ours.code();
		Sent changed = send(
				bulk("/supervisor/accounts/assign", this.leadA, UUID.randomUUID(), List.of()).param("all", "true")
					.param("creditors", from)
					.param("dpdMin", "50")
					.param("expected", "12")
					.param("agent", this.agentA2));
		assertThat(flash(changed, "problem")).startsWith("The filters now match 11 accounts, not the 12 shown");
		assertThat(changed.redirect()).contains("creditors=" + from).contains("dpdMin=50");
		assertThat(count(AccountBrowser.Owned.BY_AGENT, this.agentA2, null, null, as("br-manager", "ROLE_MANAGER")))
			.isZero();
		Sent done = send(
				bulk("/supervisor/accounts/assign", this.leadA, UUID.randomUUID(), List.of()).param("all", "true")
					.param("creditors", from)
					.param("dpdMin", "50")
					.param("expected", "11")
					.param("agent", this.agentA2));
		assertThat(flash(done, "done")).startsWith("11 of the 11 accounts chosen given to " + this.agentA2);
		assertThat(count(AccountBrowser.Owned.BY_AGENT, this.agentA2, null, null, as("br-manager", "ROLE_MANAGER")))
			.isEqualTo(11);

		// a queue that matches nothing by its filters holds what a lead adds to it
		Queues.QueueView empty = this.queues.define(teamOf(this.queueA), "Hand-picked " + this.leadA,
				new QueueFilters(List.of(from), List.of(), 500, null, null, null, List.of(), List.of(), List.of(),
						List.of()),
				QueueSort.DPD_DESC, 50, "tests");
		AccountView owned = this.accounts.get(29);
		AccountView pooled = this.accounts.get(0);
		UUID token = UUID.randomUUID();
		Sent queued = send(
				bulk("/supervisor/accounts/queue", this.leadA, token, List.of(owned.id().value(), pooled.id().value()))
					.param("queueId", empty.id().toString()));
		assertThat(flash(queued, "done")).isEqualTo("2 of the 2 accounts chosen added to the queue " + empty.name()
				+ "; 1 that agents owned went back to the pool.");
		assertThat(this.queues.size(empty.id()).accounts()).isEqualTo(2);
		assertThat(this.queues.preview(empty.id(), 10)).containsExactlyInAnyOrder(owned.id().value(),
				pooled.id().value());
		assertThat(owners(owned)).containsOnlyNulls();
		assertThat(this.jdbc.sql("""
				SELECT from_agent FROM work_assignment_history WHERE account_id = :account AND queue_id = :queue""")
			.param("account", owned.id().value())
			.param("queue", empty.id())
			.query(String.class)
			.list()).containsExactly(this.agentA2);
		// the browser finds them in the queue
		assertThat(count(AccountBrowser.Owned.ANY, null, null, empty.id(), as("br-manager", "ROLE_MANAGER")))
			.isEqualTo(2);
		// another team's queue is not there to add to
		this.mvc
			.perform(post("/supervisor/accounts/queue").with(csrf())
				.with(user(this.leadA).roles("TEAM_LEAD"))
				.param("token", UUID.randomUUID().toString())
				.param("ids", pooled.id().value().toString())
				.param("queueId", this.queueB.id().toString()))
			.andExpect(status().isNotFound());
	}

	@Test
	void theBrowserPageLabelsEveryFieldAndWritesRupeesInLakhs() throws Exception {
		Document page = page(
				get("/supervisor/accounts").param("creditors", this.ours.code()).param("sort", "BALANCE_DESC"),
				this.leadA);
		assertThat(page.getElementById("browse-count").text()).contains("30 accounts match", "showing 1–25",
				"page 1 of 2");
		assertThat(page.select("#browse-table tbody tr")).hasSize(25);
		assertThat(page.select("#browse-table tbody tr").first().text()).contains("₹1,29,000.00");
		assertThat(page.select("a[rel=next]").attr("href")).contains("creditors=" + this.ours.code())
			.contains("sort=BALANCE_DESC")
			.contains("page=2");
		assertThat(page.getElementById("sort-balance").parent().attr("aria-sort")).isEqualTo("descending");
		for (Element field : page
			.select("#browse-filters input, #browse-filters select, #bulk input:not([type=hidden]), #bulk select")) {
			boolean labelled = !field.attr("aria-label").isBlank() || field.parents().is("label")
					|| (!field.id().isBlank() && !page.select("label[for=" + field.id() + "]").isEmpty());
			assertThat(labelled).as("a label for %s", field.outerHtml()).isTrue();
		}
		assertThat(page.select("#bulk-agent option")).extracting(Element::val)
			.contains("", this.agentA1, this.agentA2)
			.doesNotContain(this.agentB);
		// in Hindi and Malayalam too
		assertThat(
				page(get("/supervisor/accounts").param("creditors", this.ours.code()).param("lang", "hi"), this.leadA)
					.getElementById("browse-count")
					.text())
			.contains("30 खाते मेल खाते हैं");
		assertThat(
				page(get("/supervisor/accounts").param("creditors", this.ours.code()).param("lang", "ml"), this.leadA)
					.getElementById("browse-count")
					.text())
			.contains("30 അക്കൗണ്ടുകൾ പൊരുത്തപ്പെടുന്നു");
		// the supervisor's floor links to the browser and the scorecard
		Document floor = page(get("/supervisor"), this.leadA);
		assertThat(floor.getElementById("to-browser").attr("href")).isEqualTo("/supervisor/accounts");
		assertThat(floor.getElementById("to-scorecard").attr("href")).isEqualTo("/scorecard");
	}

	private long count(AccountBrowser.Owned owned, String agent, UUID team, UUID queue, Authentication scope) {
		return count(owned, agent, team, queue, scope, this.ours);
	}

	private long count(AccountBrowser.Owned owned, String agent, UUID team, UUID queue, Authentication scope,
			CreditorView creditor) {
		return this.browser
			.browse(new AccountBrowser.Criteria(filters(creditor, null, null, null, null), owned, agent, team, queue),
					BrowseSort.DPD_DESC, 0, scope)
			.total();
	}

	private static Authentication as(String name, String role) {
		return UsernamePasswordAuthenticationToken.authenticated(name, "n/a",
				List.of(new SimpleGrantedAuthority(role)));
	}

	private AccountBrowser.Criteria criteria(QueueFilters filters) {
		return new AccountBrowser.Criteria(filters, AccountBrowser.Owned.ANY, null, null, null);
	}

	private QueueFilters filters(Integer dpdMin, Integer dpdMax, java.math.BigDecimal balanceMin,
			java.math.BigDecimal balanceMax) {
		return filters(this.ours, dpdMin, dpdMax, balanceMin, balanceMax);
	}

	private static QueueFilters filters(CreditorView creditor, Integer dpdMin, Integer dpdMax,
			java.math.BigDecimal balanceMin, java.math.BigDecimal balanceMax) {
		return new QueueFilters(List.of(creditor.code()), List.of(), dpdMin, dpdMax, balanceMin, balanceMax, List.of(),
				List.of(), List.of(), List.of());
	}

	private String person(String name, Role role) {
		this.users.createIfAbsent(new NewUser(name, "Name of " + name, "browser-secret-1", Set.of(role),
				List.of("ml", "en"), List.of(), (role == Role.AGENT) ? "RA-" + name : null,
				(role == Role.AGENT) ? LocalDate.of(2027, 6, 30) : null));
		return name;
	}

	/** A team of the lead and agents with one queue of the creditor's accounts. */
	private Queues.QueueView team(String name, String lead, CreditorView creditor, String... agents) {
		Teams.TeamView team = this.teams.create(name, lead);
		for (String agent : agents) {
			this.teams.addMember(team.id(), agent);
		}
		return this.queues.define(team.id(), "All of " + creditor.code(), filters(creditor, null, null, null, null),
				QueueSort.DPD_DESC, 100, "tests");
	}

	private static UUID teamOf(Queues.QueueView queue) {
		return queue.teamId();
	}

	private List<String> owners(AccountView... accounts) {
		List<String> owners = new ArrayList<>();
		for (AccountView account : accounts) {
			owners.add(this.jdbc.sql("SELECT agent FROM work_assignments WHERE account_id = :id")
				.param("id", account.id().value())
				.query(String.class)
				.optional()
				.orElse(null));
		}
		return owners;
	}

	private long historyOf(AccountView account) {
		return this.jdbc.sql("SELECT count(*) FROM work_assignment_history WHERE account_id = :id")
			.param("id", account.id().value())
			.query(Long.class)
			.single();
	}

	private MockHttpServletRequestBuilder bulk(String path, String lead, UUID token, List<UUID> ids) {
		MockHttpServletRequestBuilder request = post(path).with(csrf())
			.with(user(lead).roles("TEAM_LEAD"))
			.param("token", token.toString());
		for (UUID id : ids) {
			request = request.param("ids", id.toString());
		}
		return request;
	}

	private Sent send(MockHttpServletRequestBuilder request) throws Exception {
		org.springframework.test.web.servlet.MvcResult result = this.mvc.perform(request)
			.andExpect(status().is3xxRedirection())
			.andReturn();
		return new Sent(String.valueOf(result.getResponse().getRedirectedUrl()), result.getFlashMap());
	}

	private static String flash(Sent sent, String name) {
		return String.valueOf(sent.flash().get(name));
	}

	/** A form sent: where it led and what it said. */
	private record Sent(String redirect, java.util.Map<String, Object> flash) {
	}

	private Document page(MockHttpServletRequestBuilder request, String lead) throws Exception {
		return Jsoup.parse(this.mvc.perform(request.with(user(lead).roles("TEAM_LEAD")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

}
