package org.dues.contact;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.jayway.jsonpath.JsonPath;
import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.Portfolios;
import org.dues.TestAgents;
import org.dues.customer.ContactPointChanges;
import org.dues.customer.ContactPointStatus;
import org.dues.customer.CustomerId;
import org.dues.customer.CustomerManagement;
import org.dues.customer.CustomerView;
import org.dues.identity.Role;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.dues.work.NextAccount;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The customer view: one person known to two creditors, whose account with one an agent
 * works; the other's is counted for the agent, not shown, and shown to a manager; the
 * related parties of the accounts shown; the contact points edited, each change kept with
 * who and when and audited; bad input refused naming its field with nothing written.
 */
@IntegrationTest
@ExtendWith(MutableClock.BackToStart.class)
class CustomerViewTests {

	static final RequestPostProcessor AGENT = user("cv-agent").roles("AGENT");

	static final RequestPostProcessor MANAGER = user("cv-manager").roles("MANAGER");

	static final RequestPostProcessor LEAD = user("cv-lead").roles("TEAM_LEAD");

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	Portfolios portfolios;

	@Autowired
	TestAgents agents;

	@Autowired
	NextAccount work;

	@Autowired
	CustomerManagement customers;

	@Autowired
	ContactPointChanges changes;

	@Autowired
	JdbcClient jdbc;

	CreditorView lender;

	CreditorView otherLender;

	/** The person's national id, the same with both lenders. */
	String pan;

	/** The person's account with the lender, worked by cv-agent. */
	AccountView mine;

	/** The same person's account with the other lender, worked by cv-other. */
	AccountView theirs;

	@BeforeEach
	void onePersonKnownToTwoLenders() {
		this.clock.set(IntegrationTest.START);
		this.agents.user("cv-agent", "agent-password-1", Role.AGENT, "ml", "en");
		this.agents.user("cv-other", "agent-password-1", Role.AGENT, "ml", "en");
		this.agents.manager("cv-manager", "manager-password-1");
		this.agents.lead("cv-lead", "cv-agent");
		this.lender = this.portfolios.indianNbfc();
		this.otherLender = this.portfolios.indianNbfc();
		this.pan = "CVPAN" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
		this.mine = place(this.lender, this.pan, "25000.00", 45);
		this.theirs = place(this.otherLender, this.pan, "91000.00", 120);
		this.work.assign(this.mine.id(), "cv-agent", "test");
		this.work.assign(this.theirs.id(), "cv-other", "test");
	}

	@Test
	void anAgentSeesTheAccountTheyWorkAndTheOtherCreditorsAccountOnlyCounted() throws Exception {
		api(get("/api/v1/customers/{id}", customer(this.mine)), AGENT).andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("ലക്ഷ്മി മേനോൻ"))
			.andExpect(jsonPath("$.language").value("ml"))
			.andExpect(jsonPath("$.regions[0]").value("IN-KL"))
			.andExpect(jsonPath("$.timeZones[0]").value("Asia/Kolkata"))
			.andExpect(jsonPath("$.accounts.length()").value(1))
			.andExpect(jsonPath("$.accounts[0].accountRef").value(this.mine.accountRef()))
			.andExpect(jsonPath("$.accounts[0].role").value("BORROWER"))
			.andExpect(jsonPath("$.accounts[0].balance.amount").value("25000.00"))
			.andExpect(jsonPath("$.accounts[0].balance.currency").value("INR"))
			.andExpect(jsonPath("$.accounts[0].daysPastDue").value(45))
			.andExpect(jsonPath("$.accounts[0].bucket").value("SMA-1"))
			.andExpect(jsonPath("$.accounts[0].status").value("ACTIVE"))
			.andExpect(jsonPath("$.otherAccounts").value(1))
			.andExpect(jsonPath("$.alsoKnownAs.length()").value(0))
			.andExpect(content().string(not(containsString(this.theirs.accountRef()))))
			.andExpect(content().string(not(containsString(this.otherLender.code()))))
			.andExpect(content().string(not(containsString("91000"))));
		// the other creditor's customer record does not exist for the agent
		api(get("/api/v1/customers/{id}", customer(this.theirs)), AGENT).andExpect(status().isNotFound());
		// the lead answers for the agent's account only
		api(get("/api/v1/customers/{id}", customer(this.mine)), LEAD)
			.andExpect(jsonPath("$.accounts.length()").value(1))
			.andExpect(jsonPath("$.otherAccounts").value(1));
		// a manager sees both, and the other creditor's record of the same person
		api(get("/api/v1/customers/{id}", customer(this.mine)), MANAGER)
			.andExpect(jsonPath("$.accounts.length()").value(2))
			.andExpect(jsonPath("$.accounts[*].accountRef")
				.value(org.hamcrest.Matchers.containsInAnyOrder(this.mine.accountRef(), this.theirs.accountRef())))
			.andExpect(jsonPath("$.otherAccounts").value(0))
			.andExpect(jsonPath("$.alsoKnownAs[0].customerId").value(customer(this.theirs).toString()));
		// the page says the same in the reader's language
		String page = page(get("/customers/{id}", customer(this.mine)).param("lang", "hi"), AGENT);
		assertThat(page).contains(this.mine.accountRef(), "1 अन्य खाता आपके पोर्टफ़ोलियो में नहीं है", "₹25,000.00")
			.doesNotContain(this.theirs.accountRef(), "₹91,000.00");
	}

	@Test
	void theRelatedPartiesOfTheAccountsShownAreListedAndOpenTheirOwnView() throws Exception {
		String party = """
				{"role": "GUARANTOR", "customerRef": "G-%s", "name": "Ravi Kumar", "language": "hi",
				 "relationship": "brother", "phones": [%s]}""";
		// the creditor names them; a bad number is refused by its place in the list, and
		// nothing is written
		api(post("/api/v1/accounts/{id}/parties", this.mine.id().value())
			.content(party.formatted(this.mine.accountRef(), "\"98950 11223\", \"12\"")), MANAGER)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("phones[1]"));
		api(get("/api/v1/customers/{id}", customer(this.mine)), MANAGER)
			.andExpect(jsonPath("$.relatedParties.length()").value(0));
		api(post("/api/v1/accounts/{id}/parties", this.mine.id().value())
			.content(party.formatted(this.mine.accountRef(), "\"98950 11223\"")), AGENT)
			.andExpect(status().isForbidden());
		String linked = api(post("/api/v1/accounts/{id}/parties", this.mine.id().value())
			.content(party.formatted(this.mine.accountRef(), "\"98950 11223\"")), MANAGER)
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.role").value("GUARANTOR"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		api(post("/api/v1/accounts/{id}/parties", this.mine.id().value())
			.content(party.formatted(this.mine.accountRef(), "\"98950 11223\"")), MANAGER).andExpect(status().isOk());
		CustomerId guarantor = new CustomerId(UUID.fromString(JsonPath.read(linked, "$.customerId")));
		api(get("/api/v1/customers/{id}", customer(this.mine)), AGENT)
			.andExpect(jsonPath("$.relatedParties.length()").value(1))
			.andExpect(jsonPath("$.relatedParties[0].name").value("Ravi Kumar"))
			.andExpect(jsonPath("$.relatedParties[0].role").value("GUARANTOR"))
			.andExpect(jsonPath("$.relatedParties[0].relationship").value("brother"));
		// the guarantor lies in the account the agent works: they may open their view
		api(get("/api/v1/customers/{id}", guarantor.value()), AGENT).andExpect(status().isOk())
			.andExpect(jsonPath("$.accounts[0].accountRef").value(this.mine.accountRef()))
			.andExpect(jsonPath("$.accounts[0].role").value("GUARANTOR"))
			.andExpect(jsonPath("$.relatedParties[0].role").value("BORROWER"))
			.andExpect(jsonPath("$.relatedParties[0].customerId").value(customer(this.mine).toString()));
		assertThat(page(get("/customers/{id}", customer(this.mine)), AGENT)).contains("/customers/" + guarantor.value(),
				"Ravi Kumar", "Guarantor");
		// the other agent does not reach the guarantor
		api(get("/api/v1/customers/{id}", guarantor.value()), user("cv-other").roles("AGENT"))
			.andExpect(status().isNotFound());
	}

	@Test
	void anAgentAddsAPhoneMarksOneWrongAndCorrectsAnAddressEachKeptWithWhoAndWhen() throws Exception {
		UUID id = customer(this.mine);
		CustomerView before = this.customers.get(new CustomerId(id));
		String added = api(post("/api/v1/customers/{id}/contact-points", id).content("""
				{"kind": "PHONE", "number": "0484 240 1234", "source": "CUSTOMER", "note": "her office line"}"""),
				AGENT)
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", containsString("/api/v1/customers/" + id + "/contact-points/")))
			.andExpect(jsonPath("$.value").value("+914842401234"))
			.andExpect(jsonPath("$.type").value("FIXED_LINE"))
			.andExpect(jsonPath("$.source").value("CUSTOMER"))
			.andExpect(jsonPath("$.status").value("VALID"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		this.clock.set(IntegrationTest.START.plus(Duration.ofMinutes(5)));
		UUID mobile = before.phones().get(0).id();
		api(patch("/api/v1/customers/{id}/contact-points/{point}", id, mobile).content("""
				{"status": "WRONG", "reason": "A shop owner answered: not hers"}"""), AGENT).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("WRONG"))
			.andExpect(jsonPath("$.usable").value(false));
		this.clock.set(IntegrationTest.START.plus(Duration.ofMinutes(9)));
		UUID home = before.addresses().get(0).id();
		String corrected = api(patch("/api/v1/customers/{id}/contact-points/{point}", id, home).content("""
				{"address": {"line1": "14, Temple Road", "city": "Thrissur", "state": "KL", "postalCode": "680001",
				 "country": "IN"}, "source": "CUSTOMER", "reason": "Moved in October, she said"}"""), AGENT)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.value").value("14, Temple Road, Thrissur, KL, 680001, IN"))
			.andExpect(jsonPath("$.status").value("VALID"))
			.andReturn()
			.getResponse()
			.getContentAsString();

		api(get("/api/v1/customers/{id}", id), AGENT).andExpect(jsonPath("$.history.length()").value(3))
			.andExpect(jsonPath("$.history[0].change").value("CORRECTED"))
			.andExpect(jsonPath("$.history[0].by").value("cv-agent"))
			.andExpect(jsonPath("$.history[0].at").value("2026-11-26T10:09:00Z"))
			.andExpect(jsonPath("$.history[0].point").value(home.toString()))
			.andExpect(jsonPath("$.history[0].replacedBy").value(JsonPath.<String>read(corrected, "$.id")))
			.andExpect(jsonPath("$.history[0].reason").value("Moved in October, she said"))
			.andExpect(jsonPath("$.history[1].change").value("STATUS"))
			.andExpect(jsonPath("$.history[1].before").value("VALID"))
			.andExpect(jsonPath("$.history[1].after").value("WRONG"))
			.andExpect(jsonPath("$.history[1].at").value("2026-11-26T10:05:00Z"))
			.andExpect(jsonPath("$.history[2].change").value("ADDED"))
			.andExpect(jsonPath("$.history[2].point").value(JsonPath.<String>read(added, "$.id")))
			.andExpect(jsonPath("$.history[2].source").value("CUSTOMER"))
			.andExpect(jsonPath("$.history[2].at").value("2026-11-26T10:00:00Z"))
			.andExpect(jsonPath("$.contactPoints[?(@.id == '%s')].status".formatted(home)).value("CORRECTED"))
			.andExpect(jsonPath("$.regions").value(org.hamcrest.Matchers.contains("IN-KL")));
		// audited, each by the agent, in the compliance chain
		assertThat(this.jdbc.sql("SELECT action || ' ' || actor FROM compliance_audit WHERE subject = :s ORDER BY seq")
			.param("s", "customer:" + id)
			.query(String.class)
			.list()).containsExactly("CONTACT_POINT_ADDED cv-agent", "CONTACT_POINT_STATUS cv-agent",
					"CONTACT_POINT_CORRECTED cv-agent");
		// the history is append-only
		assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> this.jdbc
			.sql("UPDATE customer_contact_point_history SET changed_by = 'someone' WHERE customer_id = :id")
			.param("id", id)
			.update())).hasMessageContaining("append-only");
		// the creditor's next file brings the old address again: it stays corrected, not
		// added back
		Map<String, String> again = row(this.lender, this.pan, "25000.00", 45);
		again.put("account_ref", this.mine.accountRef());
		again.put("customer_ref", before.customerRef());
		this.portfolios.place(this.lender, again);
		assertThat(this.changes.of(new CustomerId(id))).filteredOn((p) -> p.kind().name().equals("ADDRESS"))
			.extracting((p) -> p.status())
			.containsExactly(ContactPointStatus.CORRECTED, ContactPointStatus.VALID);
		// and the wrong number's zones no longer count, nor does it place the customer
		assertThat(this.customers.get(new CustomerId(id)).phones()).filteredOn((p) -> p.id().equals(mobile))
			.singleElement()
			.satisfies((p) -> assertThat(p.wrongNumber()).isTrue());
	}

	@Test
	void anInvalidPhoneIsRefusedNamingTheFieldAndNothingIsWritten() throws Exception {
		UUID id = customer(this.mine);
		int phones = this.customers.get(new CustomerId(id)).phones().size();
		api(post("/api/v1/customers/{id}/contact-points", id).content("""
				{"kind": "PHONE", "number": "98470 123", "source": "AGENT"}"""), AGENT)
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].field").value("number"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("not a valid phone number")));
		api(post("/api/v1/customers/{id}/contact-points", id).content("""
				{"kind": "PHONE", "source": "SOMEONE"}"""), AGENT).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("number", "source")));
		UUID mobile = this.customers.get(new CustomerId(id)).phones().get(0).id();
		api(patch("/api/v1/customers/{id}/contact-points/{point}", id, mobile).content("""
				{"status": "WRONG"}"""), AGENT).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		// the number already on file
		api(post("/api/v1/customers/{id}/contact-points", id).content("""
				{"kind": "PHONE", "number": "%s"}"""
			.formatted(this.customers.get(new CustomerId(id)).phones().get(0).e164())), AGENT)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("number"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("already on file")));
		// another customer's contact point under this customer does not exist
		UUID theirPhone = this.customers.get(this.theirs.customerId()).phones().get(0).id();
		api(patch("/api/v1/customers/{id}/contact-points/{point}", id, theirPhone).content("""
				{"status": "WRONG", "reason": "trying"}"""), MANAGER).andExpect(status().isNotFound());
		// the page keeps what was typed and names the field in the reader's language
		Document page = Jsoup.parse(page(post("/customers/{id}/contact-points", id).param("lang", "ml")
			.param("kind", "PHONE")
			.param("number", "98470 123")
			.param("source", "AGENT")
			.with(csrf()), AGENT));
		assertThat(page.select("[data-error=number]").text()).isEqualTo("സാധുവായ ഒരു ഫോൺ നമ്പർ നൽകുക.");
		assertThat(page.select("#add-number").attr("value")).isEqualTo("98470 123");
		assertThat(page.select("#add-number").hasClass("is-invalid")).isTrue();

		assertThat(this.customers.get(new CustomerId(id)).phones()).hasSize(phones)
			.allSatisfy((p) -> assertThat(p.status()).isEqualTo(ContactPointStatus.VALID));
		assertThat(this.changes.history(new CustomerId(id))).isEmpty();
		assertThat(this.jdbc.sql("SELECT count(*) FROM compliance_audit WHERE subject = :s")
			.param("s", "customer:" + id)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void thePageMarksANumberWrongWithEveryFieldLabelledAndShowsWhoDidIt() throws Exception {
		UUID id = customer(this.mine);
		Document page = Jsoup
			.parse(page(get("/customers/{id}", id).param("account", this.mine.id().toString()), AGENT));
		assertThat(page.select("[data-customer-name]").text()).isEqualTo("ലക്ഷ്മി മേനോൻ");
		assertThat(page.select("[data-customer-name]").attr("lang")).isEqualTo("ml");
		assertThat(page.select("[data-back]").attr("href")).isEqualTo("/accounts/" + this.mine.id().value());
		for (Element field : page.select("input:not([type=hidden]), select, textarea")) {
			assertThat(page.select("label[for=" + field.id() + "]")).as("label of %s", field.id()).isNotEmpty();
		}
		UUID mobile = this.customers.get(new CustomerId(id)).phones().get(0).id();
		// as htmx posts it: the contact points' part comes back
		String part = this.mvc
			.perform(post("/customers/{id}/contact-points/{point}/status", id, mobile).param("status", "DO_NOT_USE")
				.param("reason", "Her employer's number")
				.header("HX-Request", "true")
				.with(csrf())
				.with(AGENT))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Document points = Jsoup.parse(part);
		assertThat(points.select("#contact-points")).hasSize(1);
		assertThat(points.select("[data-point=" + mobile + "]").attr("data-status")).isEqualTo("DO_NOT_USE");
		assertThat(points.select("[data-saved-points]").text()).isEqualTo("Status changed.");
		assertThat(points.select("#contact-history [data-change=STATUS]").attr("data-by")).isEqualTo("cv-agent");
		assertThat(points.select("#contact-history").text()).contains("Her employer's number", "Valid → Do not use",
				"IST");
		// without htmx, the page is shown again after the change
		this.mvc
			.perform(post("/customers/{id}/contact-points", id).param("kind", "EMAIL")
				.param("email", "lakshmi@example.in")
				.param("source", "CUSTOMER")
				.with(csrf())
				.with(AGENT))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", "/customers/" + id + "#contact-points"));
		// the desk's account page and the search results lead to the view
		assertThat(page(get("/accounts/{id}", this.mine.id().value()), AGENT)).contains("/customers/" + id);
	}

	private AccountView place(CreditorView creditor, String pan, String principal, int daysPastDue) {
		return this.portfolios.place(creditor, row(creditor, pan, principal, daysPastDue));
	}

	private Map<String, String> row(CreditorView creditor, String pan, String principal, int daysPastDue) {
		Map<String, String> row = Portfolios.row(creditor, principal);
		row.put("overdue_amount", principal);
		row.put("oldest_due_date",
				LocalDate.now(this.clock.withZone(creditor.timeZone())).minusDays(daysPastDue).toString());
		row.put("national_id", pan);
		row.put("language", "ml");
		row.put("address_line1", "7, Beach Road");
		row.put("city", "Kollam");
		row.put("state", "KL");
		row.put("postal_code", "691001");
		row.put("country", "IN");
		return row;
	}

	private static UUID customer(AccountView account) {
		return account.customerId().value();
	}

	private ResultActions api(MockHttpServletRequestBuilder request, RequestPostProcessor as) throws Exception {
		return this.mvc.perform(request.contentType(MediaType.APPLICATION_JSON).with(csrf()).with(as));
	}

	private String page(MockHttpServletRequestBuilder request, RequestPostProcessor as) throws Exception {
		return this.mvc.perform(request.with(as))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
