package org.dues.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jakarta.servlet.http.Cookie;
import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.Portfolios;
import org.dues.TestAgents;
import org.dues.arrangement.ArrangementManagement;
import org.dues.arrangement.Asker;
import org.dues.arrangement.NewArrangement;
import org.dues.compliance.ContactHolds;
import org.dues.compliance.HoldType;
import org.dues.customer.CustomerManagement;
import org.dues.identity.UserTimeZones;
import org.dues.portfolio.AccountView;
import org.dues.shared.Money;
import org.dues.work.NextAccount;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Pages say what went wrong, why a contact is refused and what goes beyond authority in
 * the reader's language (English, Hindi, Malayalam) as sentences, with the field's label,
 * amounts in the currency's grouping and dates as the reader writes them; the API keeps
 * its English. Times are shown in the reader's zone with the zone named, dates in the
 * conventions of the reader's country.
 */
@IntegrationTest
@ExtendWith(MutableClock.BackToStart.class)
class ReadersLanguageTests {

	/** Monday 30 November 2026, 11:00 in India. */
	static final Instant MONDAY_IST = Instant.parse("2026-11-30T05:30:00Z");

	@Autowired
	TestAgents agents;

	@Autowired
	Portfolios portfolios;

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	UserTimeZones zones;

	@Autowired
	NextAccount next;

	@Autowired
	CustomerManagement customers;

	@Autowired
	ContactHolds holds;

	@Autowired
	ArrangementManagement arrangements;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDeskSaysWhatIsWrongAsSentencesInTheReadersLanguage() throws Exception {
		this.clock.set(MONDAY_IST);
		this.agents.certifiedAgent("lang-agent", "Lata", "lang-agent-secret", "RA-LANG-1", LocalDate.of(2027, 12, 31),
				"hi", "ml", "en");
		AccountView account = this.portfolios.placed(this.portfolios.indianNbfc(), "123456.50", "0", "0", "10000",
				LocalDate.of(2026, 10, 1));
		this.next.assign(account.id(), "lang-agent", "lead");
		MockHttpSession session = verified(account, "lang-agent");

		// a promise without its amount: what to do, not "amount: is required for this
		// outcome"
		assertThat(
				error(outcome(account, session, "en").param("outcome", "PROMISE_TO_PAY").param("dueOn", "2026-12-10"),
						"amount"))
			.isEqualTo("Enter an amount for a promise to pay");
		assertThat(
				error(outcome(account, session, "hi").param("outcome", "PROMISE_TO_PAY").param("dueOn", "2026-12-10"),
						"amount"))
			.isEqualTo("भुगतान के वादे की राशि दर्ज करें");
		assertThat(
				error(outcome(account, session, "ml").param("outcome", "PROMISE_TO_PAY").param("dueOn", "2026-12-10"),
						"amount"))
			.isEqualTo("അടയ്ക്കാമെന്ന് ഉറപ്പുനൽകിയ തുക നൽകുക");

		// more than the balance: both amounts in rupees, grouped in lakhs
		assertThat(error(outcome(account, session, "en").param("outcome", "PROMISE_TO_PAY")
			.param("amount", "150000")
			.param("dueOn", "2026-12-10"), "amount"))
			.isEqualTo("₹1,50,000.00 is more than the balance of ₹1,23,456.50");
		assertThat(error(outcome(account, session, "hi").param("outcome", "PROMISE_TO_PAY")
			.param("amount", "150000")
			.param("dueOn", "2026-12-10"), "amount")).isEqualTo("₹1,50,000.00 बकाया राशि ₹1,23,456.50 से अधिक है");

		// a date in the past, written as the reader writes dates
		assertThat(error(outcome(account, session, "en").param("outcome", "PROMISE_TO_PAY")
			.param("amount", "5000")
			.param("dueOn", "2026-11-01"), "dueOn")).isEqualTo("The date 1 Nov 2026 is in the past");
		assertThat(error(outcome(account, session, "hi").param("outcome", "PROMISE_TO_PAY")
			.param("amount", "5000")
			.param("dueOn", "2026-11-01"), "dueOn")).isEqualTo("तारीख 1 नव॰ 2026 बीत चुकी है");
		assertThat(error(outcome(account, session, "ml").param("outcome", "PROMISE_TO_PAY")
			.param("amount", "5000")
			.param("dueOn", "2026-11-01"), "dueOn")).contains("2026", "കഴിഞ്ഞുപോയി")
			.doesNotContain("2026-11-01", "in the past");

		// Bean Validation's own messages, in the request's language, after the field's
		// label
		assertThat(error(outcome(account, session, "en").param("instalments", "0"), "instalments"))
			.isEqualTo("Number of instalments must be greater than zero");
		assertThat(error(outcome(account, session, "hi").param("instalments", "0"), "instalments"))
			.isEqualTo("किस्तों की संख्या शून्य से अधिक होना चाहिए");
		assertThat(error(outcome(account, session, "ml").param("instalments", "0"), "instalments"))
			.isEqualTo("തവണകളുടെ എണ്ണം പൂജ്യത്തേക്കാൾ കൂടുതലായിരിക്കണം");
	}

	@Test
	void aCustomersHoldIsExplainedInTheReadersLanguageAndTheApiKeepsItsEnglish() throws Exception {
		this.agents.manager("lang-manager", "lang-manager-secret");
		AccountView account = this.portfolios.overdue(this.portfolios.usIssuer(), 30, "2500.00");
		this.holds.place(account.customerId(), List.of(account.id().value()), HoldType.CEASE,
				IntegrationTest.START.minusSeconds(3600), null, "Letter asking us to stop", "lang-manager");
		var manager = user("lang-manager").roles("MANAGER");

		Element hindi = page(get("/accounts/{id}/compliance", account.id().value()).with(manager).cookie(hi()))
			.selectFirst("[data-channel=CALL]");
		assertThat(hindi.text()).contains("ग्राहक ने हमसे संपर्क बंद करने को कहा है")
			.doesNotContain("asked us to stop", "CEASE hold");
		Element malayalam = page(get("/accounts/{id}/compliance", account.id().value()).with(manager)
			.cookie(new Cookie("dues-lang", "ml"))).selectFirst("[data-channel=CALL]");
		assertThat(malayalam.text()).contains("ആശയവിനിമയം നിർത്താൻ ഉപഭോക്താവ് ആവശ്യപ്പെട്ടു");
		Element english = page(get("/accounts/{id}/compliance", account.id().value()).with(manager))
			.selectFirst("[data-channel=CALL]");
		// the hold's time in the reader's zone, named
		assertThat(english.text()).contains("Cease communication hold since 26 Nov 2026", "IST",
				"the customer asked us to stop communicating");

		this.mvc
			.perform(get("/api/v1/accounts/{id}/contact-check", account.id().value()).param("channel", "CALL")
				.cookie(hi())
				.with(httpBasic("lang-manager", "lang-manager-secret")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rules[?(@.rule == 'holds')].reason")
				.value(org.hamcrest.Matchers.contains(org.hamcrest.Matchers.startsWith("CEASE hold since"))));
		// the decision record keeps the rules as it did: English, no phrases
		this.mvc
			.perform(post("/api/v1/accounts/{id}/contacts", account.id().value())
				.with(httpBasic("lang-manager", "lang-manager-secret"))
				.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
				.content("{\"channel\": \"CALL\"}"))
			.andExpect(status().isConflict());
		String rules = this.jdbc.sql("SELECT rules::text FROM compliance_decisions WHERE account_id = :a")
			.param("a", account.id().value())
			.query(String.class)
			.single();
		assertThat(rules).contains("CEASE hold since").doesNotContain("said", "rule.holds");
	}

	@Test
	void whatGoesBeyondAuthorityIsSaidInTheReadersLanguageAtTheReadersTime() throws Exception {
		this.agents.pooledAgent("lang-asker", "lang-asker-secret");
		this.agents.lead("lang-lead", "lang-asker");
		this.agents.lead("lang-lead-ny", "lang-asker");
		this.zones.set("lang-lead-ny", ZoneId.of("America/New_York"));
		AccountView account = this.portfolios.placed(this.portfolios.indianNbfc(), "10000", "0", "0", "10000",
				LocalDate.of(2026, 10, 1));
		this.arrangements.settlement(account.id(),
				new NewArrangement.Settlement(Money.of("7000.00", "INR"), null, null, null, null, "Lost her job"),
				Asker.of("lang-asker", List.of("ROLE_AGENT")));

		Element hindi = request(page(get("/approvals").with(user("lang-lead").roles("TEAM_LEAD")).cookie(hi())),
				account);
		assertThat(hindi.text()).contains("30% की छूट (अधिकार 10%)").doesNotContain("a discount of");
		Element english = request(page(get("/approvals").with(user("lang-lead").roles("TEAM_LEAD"))), account);
		// asked at 10:00 UTC: 15:30 in India, said the Indian way, the zone named
		assertThat(english.text()).contains("a discount of 30% (authority 10%)", "26 Nov 2026, 3:30 pm IST");
		Element newYork = request(page(get("/approvals").with(user("lang-lead-ny").roles("TEAM_LEAD"))), account);
		assertThat(newYork.text()).contains("Nov 26, 2026, 5:00 AM EST").doesNotContain("IST");
	}

	@Test
	void datesFollowTheConventionsOfTheReadersCountry() throws Exception {
		this.agents.lead("lang-reader-in");
		this.agents.lead("lang-reader-us");
		this.zones.set("lang-reader-us", ZoneId.of("America/New_York"));
		AccountView account = this.portfolios.placed(this.portfolios.indianNbfc(), "10000", "0", "0", "10000",
				LocalDate.of(2026, 10, 1));
		Document india = page(
				get("/accounts/{id}", account.id().value()).with(user("lang-reader-in").roles("TEAM_LEAD")));
		assertThat(india.text()).contains("1 Oct 2026").doesNotContain("Oct 1, 2026");
		assertThat(india.select("html").attr("lang")).isEqualTo("en");
		Document us = page(get("/accounts/{id}", account.id().value()).with(user("lang-reader-us").roles("TEAM_LEAD")));
		assertThat(us.text()).contains("Oct 1, 2026");
		// rupees are grouped in lakhs whoever reads them
		assertThat(us.text()).contains("₹10,000.00");
	}

	@Test
	void importsAreTimedInTheReadersZoneNotUtc() throws Exception {
		this.mvc
			.perform(post("/api/v1/creditors").with(httpBasic("admin", "admin-secret"))
				.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
				.content("""
						{"code": "LANGIMP", "name": "Kerala NBFC", "country": "IN", "currency": "INR",
						 "jurisdiction": "IN", "timeZone": "Asia/Kolkata"}"""))
			.andExpect(status().isCreated());
		byte[] file = ("account_ref,customer_ref,customer_name,currency,principal_outstanding,overdue_amount\n"
				+ "LI-1,LC-1,Anil Kumar,INR,1000,0\n")
			.getBytes(StandardCharsets.UTF_8);
		this.mvc
			.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", "lang.csv", "text/csv", file))
				.param("creditor", "LANGIMP")
				.with(httpBasic("admin", "admin-secret")))
			.andExpect(status().isAccepted());
		Document imports = page(get("/imports").with(user("admin").roles("ADMIN")));
		List<String> times = imports.select("table a[href^=/imports/]").eachText();
		assertThat(times).isNotEmpty().allSatisfy((time) -> assertThat(time).endsWith("IST"));
		assertThat(imports.text()).doesNotContain("UTC");
	}

	@Test
	void eachLoadingPanelSaysWhatLoads() throws Exception {
		this.agents.lead("lang-loading");
		AccountView account = this.portfolios.overdue(this.portfolios.indianNbfc(), 10, "1000.00");
		Document page = page(get("/accounts/{id}", account.id().value()).with(user("lang-loading").roles("TEAM_LEAD")));
		assertThat(page.select("#desk-panel").text()).isEqualTo("Loading the workspace…");
		assertThat(page.select("#compliance-panel").text()).isEqualTo("Loading the compliance panel…");
		assertThat(page.select("#arrangements-panel").text()).isEqualTo("Loading the arrangements…");
		Document hindi = page(
				get("/accounts/{id}", account.id().value()).with(user("lang-loading").roles("TEAM_LEAD")).cookie(hi()));
		assertThat(hindi.select("#desk-panel").text()).isEqualTo("कार्यक्षेत्र लोड हो रहा है…");
	}

	@Test
	void aCustomerWithoutAnEmailAddressIsSaidToHaveNoneNotToBeBlocked() throws Exception {
		this.clock.set(MONDAY_IST);
		this.agents.officer("lang-no-email", "lang-no-email-secret");
		AccountView account = this.portfolios.overdue(this.portfolios.indianNbfc(), 10, "1000.00");
		assertThat(this.customers.get(account.customerId()).emails()).isEmpty();
		Document panel = page(
				get("/accounts/{id}/compliance", account.id().value()).with(user("lang-no-email").roles("COMPLIANCE")));
		Element email = panel.selectFirst("[data-channel=EMAIL]");
		assertThat(email.select("[data-no-address]").text()).isEqualTo("No email address");
		assertThat(email.text()).doesNotContain("blocked");
		// 11:00 in India: a call may be made, and the row says so
		assertThat(panel.select("[data-channel=CALL] .badge").text()).isEqualTo("open");
	}

	private MockHttpSession verified(AccountView account, String agent) throws Exception {
		MockHttpSession session = new MockHttpSession();
		String ref = account.accountRef();
		this.mvc
			.perform(post("/accounts/{id}/desk/verify", account.id().value())
				.param("answer", ref.substring(ref.length() - 4))
				.session(session)
				.with(user(agent).roles("AGENT"))
				.with(csrf()))
			.andExpect(status().isOk());
		return session;
	}

	private MockHttpServletRequestBuilder outcome(AccountView account, MockHttpSession session, String language) {
		return post("/accounts/{id}/desk/outcome", account.id().value()).session(session)
			.with(user("lang-agent").roles("AGENT"))
			.with(csrf())
			.cookie(new Cookie("dues-lang", language))
			.param("result", "RIGHT_PARTY")
			.param("number", this.portfolios.firstPhone(account));
	}

	/** The error beside a field of the outcome form. */
	private String error(MockHttpServletRequestBuilder request, String field) throws Exception {
		return page(request).select("#outcome-form [data-error=" + field + "]").text();
	}

	private static Element request(Document inbox, AccountView account) {
		return inbox.select("[data-approval]")
			.stream()
			.filter((e) -> e.text().contains(account.accountRef()))
			.findFirst()
			.orElseThrow();
	}

	private static Cookie hi() {
		return new Cookie("dues-lang", "hi");
	}

	/**
	 * The page, its narrow no-break spaces (CLDR's before "am"/"pm") read as spaces.
	 */
	private Document page(MockHttpServletRequestBuilder request) throws Exception {
		return Jsoup.parse(this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()
			.replace('\u202f', ' '));
	}

}
