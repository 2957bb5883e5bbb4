package org.dues.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import org.dues.Portfolios;
import org.dues.customer.CustomerManagement;
import org.dues.messaging.Templates;
import org.dues.identity.NewUser;
import org.dues.identity.Role;
import org.dues.identity.Teams;
import org.dues.identity.UserManagement;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.portfolio.Placements;
import org.dues.work.NextAccount;
import org.dues.work.QueueFilters;
import org.dues.work.QueueSort;
import org.dues.work.Queues;

import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Two teams of one lead and one agent each, and one account of each agent with a record
 * of every kind a path can name: a settlement waiting for approval (an arrangement and an
 * approval), a payment, an interaction, a hold, a consent, an inconvenient time, a banned
 * medium, the account's customer and one of their phones, a message and a bulk send; a
 * queue per team and one import. "Inside" is what the first team reaches, "outside" the
 * second's.
 */
final class ScopeFixture {

	static final String PASSWORD = "matrix-password-1";

	private static final AtomicInteger PREFIXES = new AtomicInteger();

	final String prefix;

	final String agent;

	final String lead;

	final String otherAgent;

	final String officer;

	final String spare;

	final String manager;

	final String admin;

	/** A field agent with a visit on the inside account (none on the outside one). */
	final String field;

	final CreditorView creditor;

	final Side inside;

	final Side outside;

	final UUID importId;

	/** A template (one of those Dues ships). */
	final UUID template;

	/** A bank statement of the creditor, one of its entries, and money in suspense. */
	UUID statement;

	UUID statementEntry;

	UUID unapplied;

	String bankAccount = "";

	private final MockMvc mvc;

	private final Clock clock;

	private final CustomerManagement customers;

	private final JdbcClient jdbc;

	private ScopeFixture(String prefix, MockMvc mvc, UserManagement users, Teams teams, Queues queues, NextAccount work,
			Portfolios portfolios, Clock clock, CustomerManagement customers, Templates templates, JdbcClient jdbc)
			throws Exception {
		this.prefix = prefix;
		this.jdbc = jdbc;
		this.mvc = mvc;
		this.clock = clock;
		this.customers = customers;
		this.agent = prefix + "-agent";
		this.lead = prefix + "-lead";
		this.otherAgent = prefix + "-other";
		this.officer = prefix + "-officer";
		this.spare = prefix + "-spare";
		this.manager = prefix + "-manager";
		this.admin = prefix + "-admin";
		this.field = prefix + "-field";
		users.createIfAbsent(new NewUser(this.manager, "Manager", PASSWORD, Set.of(Role.MANAGER), List.of("en")));
		users.createIfAbsent(new NewUser(this.admin, "Admin", PASSWORD, Set.of(Role.ADMIN), List.of("en")));
		String otherLead = prefix + "-other-lead";
		LocalDate year = LocalDate.now(clock).plusYears(1);
		for (String name : List.of(this.agent, this.otherAgent, this.spare)) {
			users.createIfAbsent(new NewUser(name, name, PASSWORD, Set.of(Role.AGENT), List.of("en", "ml", "hi"),
					List.of(), "IIBF-" + name, year));
		}
		for (String name : List.of(this.lead, otherLead)) {
			users.createIfAbsent(new NewUser(name, name, PASSWORD, Set.of(Role.TEAM_LEAD), List.of("en")));
		}
		users.createIfAbsent(new NewUser(this.officer, "Officer", PASSWORD, Set.of(Role.COMPLIANCE), List.of("en")));
		users.createIfAbsent(new NewUser(this.field, "Field", PASSWORD, Set.of(Role.FIELD_AGENT), List.of("ml", "en"),
				List.of("KL"), "IIBF-" + this.field, year));
		this.creditor = portfolios.indianNbfc();
		Teams.TeamView team = teams.create(prefix + " team", this.lead);
		teams.addMember(team.id(), this.agent);
		teams.addMember(team.id(), this.spare);
		Teams.TeamView other = teams.create(prefix + " other team", otherLead);
		teams.addMember(other.id(), this.otherAgent);
		QueueFilters nothing = new QueueFilters(List.of(this.creditor.code()), List.of(), 9999, null, null, null,
				List.of(), List.of(), List.of(), List.of());
		UUID queue = queues.define(team.id(), prefix + " queue", nothing, QueueSort.DPD_DESC, 500, "test").id();
		UUID otherQueue = queues.define(other.id(), prefix + " queue", nothing, QueueSort.DPD_DESC, 500, "test").id();
		this.inside = side(portfolios, work, this.agent, team.id(), queue, this.field);
		this.outside = side(portfolios, work, this.otherAgent, other.id(), otherQueue, null);
		String csv = "account_ref,customer_ref,customer_name,currency,principal_outstanding,overdue_amount,oldest_due_date\n"
				+ prefix + "-IMP-1,C-" + prefix + ",Asha,INR,1000.00,0,\n";
		String imported = this.mvc
			.perform(multipart("/api/v1/imports")
				.file(new MockMultipartFile("file", "a.csv", "text/csv", csv.getBytes()))
				.param("creditor", this.creditor.code())
				.with(user("admin").roles("ADMIN")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		this.importId = UUID.fromString(JsonPath.read(imported, "$.id"));
		// the import runs on: let it end here, so that no test after the fixture finds an
		// import of the fixture's still running
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(60))
			.until(() -> !"RUNNING".equals(JsonPath
				.read(this.mvc.perform(get("/api/v1/imports/{id}", this.importId).with(user("admin").roles("ADMIN")))
					.andReturn()
					.getResponse()
					.getContentAsString(), "$.status")));
		this.template = templates.list(null, null, null, null).get(0).id();
	}

	/**
	 * A fixture whose users and teams are named with a new prefix starting {@code tag}.
	 */
	static ScopeFixture create(String tag, ApplicationContext context) throws Exception {
		ScopeFixture fixture = created(tag, context);
		fixture.reconciliation(context);
		return fixture;
	}

	/** A statement of one unmatched credit, and an unapplied item, of the creditor. */
	private void reconciliation(ApplicationContext context) {
		this.bankAccount = "IN00MATRIX" + this.prefix.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "");
		context.getBean(org.dues.payment.CreditorBankAccounts.class)
			.add(this.creditor.id(), this.bankAccount, null, "matrix");
		context.getBean(org.dues.payment.StatementMappings.class)
			.save(new org.dues.payment.StatementMapping("matrix", "date", "amount", null, null, null, null, null,
					"yyyy-MM-dd"));
		org.dues.system.Actor admin = org.dues.system.Actor.of("admin", "ROLE_ADMIN");
		org.dues.payment.BankStatements statements = context.getBean(org.dues.payment.BankStatements.class);
		this.statement = statements
			.importStatement(org.dues.payment.CamtFiles.credits(this.bankAccount, "M" + this.prefix,
					java.util.List.of("NOMATCH-" + this.prefix), 1, 1), null, null, null, "matrix.xml", admin)
			.report()
			.id();
		this.statementEntry = statements.entries(this.statement, false).get(0).id();
		this.unapplied = context.getBean(org.dues.payment.UnappliedCash.class)
			.receive(new org.dues.payment.NewUnapplied(this.creditor.id(),
					org.dues.shared.Money.of("100.00", this.creditor.currency().getCurrencyCode()),
					LocalDate.now(this.clock), null, null, null, null, null, null, "matrix"), "matrix")
			.id();
	}

	private static ScopeFixture created(String tag, ApplicationContext context) throws Exception {
		Clock clock = context.getBean(Clock.class);
		return new ScopeFixture(tag + Integer.toHexString(PREFIXES.incrementAndGet()), context.getBean(MockMvc.class),
				context.getBean(UserManagement.class), context.getBean(Teams.class), context.getBean(Queues.class),
				context.getBean(NextAccount.class),
				new Portfolios(context.getBean(Creditors.class), context.getBean(Placements.class), clock,
						context.getBean(CustomerManagement.class)),
				clock, context.getBean(CustomerManagement.class), context.getBean(Templates.class),
				context.getBean(JdbcClient.class));
	}

	private Side side(Portfolios portfolios, NextAccount work, String owner, UUID team, UUID queue,
			@org.jspecify.annotations.Nullable String fieldAgent) throws Exception {
		AccountView account = portfolios.overdue(this.creditor, 45, "10000.00");
		work.assign(account.id(), owner, "test");
		UUID id = account.id().value();
		String today = LocalDate.now(this.clock).toString();
		String settlement = json(post("/api/v1/accounts/{id}/settlements", id), owner,
				"{\"amount\": \"8000.00\", \"offerExpiresOn\": \"2026-12-20\", \"reason\": \"job loss\"}");
		String approvals = this.mvc.perform(get("/api/v1/approvals").with(user("admin").roles("ADMIN")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String approval = JsonPath.<List<String>>read(approvals, "$[?(@.accountId == '%s')].id".formatted(id)).get(0);
		String payment = json(post("/api/v1/accounts/{id}/payments", id), owner,
				"{\"amount\": \"10.00\", \"channel\": \"UPI\", \"reference\": \"%s-%s\", \"receivedOn\": \"%s\"}"
					.formatted(this.prefix, id, today));
		String link = json(post("/api/v1/accounts/{id}/payment-links", id), owner, "{\"purpose\": \"BALANCE\"}");
		String contact = json(post("/api/v1/accounts/{id}/contacts", id), owner,
				"{\"channel\": \"LETTER\", \"result\": \"DELIVERED\", \"note\": \"reminder\"}");
		String hold = json(post("/api/v1/accounts/{id}/holds", id), this.officer,
				"{\"type\": \"COMPLAINT\", \"reason\": \"complained of tone\"}");
		String consent = json(post("/api/v1/accounts/{id}/consents", id), this.officer,
				"{\"kind\": \"INCONVENIENT_TIME\", \"reason\": \"asked to be called in the evening\"}");
		String blackout = json(post("/api/v1/accounts/{id}/blackouts", id), this.officer,
				"{\"daysOfWeek\": [\"SUNDAY\"], \"reason\": \"not on Sundays\"}");
		String message = json(post("/api/v1/accounts/{id}/messages", id), owner,
				"{\"channel\": \"SMS\", \"template\": \"reminder\"}");
		String bulk = json(post("/api/v1/messages/bulk"), owner,
				"{\"accountIds\": [\"%s\"], \"channel\": \"SMS\", \"template\": \"reminder\"}".formatted(id));
		String ban = json(post("/api/v1/accounts/{id}/channel-bans", id), this.officer,
				"{\"channel\": \"WHATSAPP\", \"reason\": \"no WhatsApp\"}");
		String complaint = json(post("/api/v1/accounts/{id}/complaints", id), owner,
				"{\"category\": \"SERVICE\", \"description\": \"slow to answer\"}");
		// a letter as the print provider keeps one (an Indian account gets no validation
		// notice)
		UUID letter = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO messaging_letters (id, account_id, customer_id, template, language, letter_date,
				    recipient_name, address_lines, pdf, pages, status, created_at, created_by)
				VALUES (:id, :account, :customer, 'letter', 'en', current_date, 'Asha', ARRAY['Kochi'],
				    CAST('%PDF-1.4' AS bytea), 1, 'HELD', now(), 'test')""")
			.param("id", letter)
			.param("account", id)
			.param("customer", account.customerId().value())
			.update();
		// a customer's reply waiting on the worklist, as work keeps one
		UUID reply = UUID.randomUUID();
		this.jdbc
			.sql("""
					INSERT INTO work_followups (id, account_id, due_at, cause, cause_ref, reason, channel, from_address,
					    created_at)
					VALUES (:id, :account, now(), 'REPLY', :ref, 'Can I pay half now?', 'WHATSAPP', '+919847012345', now())""")
			.param("id", reply)
			.param("account", id)
			.param("ref", reply + ":" + id)
			.update();
		// a field visit, as casework keeps one: the inside one given to the field agent
		UUID visit = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO casework_visits (id, account_id, customer_id, reason, source, due_on, address, postal_code,
				    agent, status, requested_at, requested_by)
				VALUES (:id, :account, :customer, 'no contact', 'DESK', current_date, '12 Temple Road, Kollam',
				    '691001', :agent, 'OPEN', now(), 'test')""")
			.param("id", visit)
			.param("account", id)
			.param("customer", account.customerId().value())
			.param("agent", fieldAgent)
			.update();
		return new Side(id, account.accountRef(), team, queue, Map.ofEntries(Map.entry("visit", visit.toString()),
				Map.entry("letter", letter.toString()), Map.entry("followup", reply.toString()),
				Map.entry("arrangement", JsonPath.read(settlement, "$.id")), Map.entry("approval", approval),
				Map.entry("payment", JsonPath.read(payment, "$.id")),
				Map.entry("payment-link", JsonPath.read(link, "$.id")),
				Map.entry("interaction", JsonPath.read(contact, "$.id")),
				Map.entry("hold", JsonPath.read(hold, "$.id")), Map.entry("consent", JsonPath.read(consent, "$.id")),
				Map.entry("blackout", JsonPath.read(blackout, "$.id")),
				Map.entry("channel-ban", JsonPath.read(ban, "$.id")),
				Map.entry("customer", account.customerId().toString()),
				Map.entry("message", JsonPath.read(message, "$.id")),
				Map.entry("bulk-send", JsonPath.read(bulk, "$.id")),
				Map.entry("case", JsonPath.read(complaint, "$.id")),
				Map.entry("contact-point", this.customers.get(account.customerId()).phones().get(0).id().toString())));
	}

	private String json(MockHttpServletRequestBuilder request, String as, String body) throws Exception {
		var response = this.mvc
			.perform(request.with(user(as).roles(as.equals(this.officer) ? "COMPLIANCE" : "AGENT"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andReturn()
			.getResponse();
		if (response.getStatus() >= 300) {
			throw new IllegalStateException("fixture: %s %s gave %d %s".formatted(request, body, response.getStatus(),
					response.getContentAsString()));
		}
		return response.getContentAsString();
	}

	/** One side: an account, its records by kind, its team and the team's queue. */
	record Side(UUID account, String accountRef, UUID team, UUID queue, Map<String, String> records) {

		AccountId accountId() {
			return new AccountId(this.account);
		}

	}

}
