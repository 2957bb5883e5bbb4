package org.dues.web;

import java.time.LocalDate;

import org.dues.IntegrationTest;
import org.dues.Portfolios;
import org.dues.TestAgents;
import org.dues.identity.Role;
import org.dues.portfolio.AccountView;
import org.dues.work.NextAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class WebPagesTests {

	@Autowired
	TestAgents agents;

	@Autowired
	Portfolios portfolios;

	@Autowired
	MockMvc mvc;

	@Autowired
	NextAccount work;

	AccountView account;

	@BeforeEach
	void setUp() {
		this.agents.named("web-agent", "Agent", "web-secret", Role.AGENT, "ml");
		this.agents.lead("web-lead");
		this.account = this.portfolios.placed(this.portfolios.indianNbfc(), "123456.50", "1000", "500", "10000",
				LocalDate.of(2026, 10, 1));
	}

	@Test
	void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
		this.mvc.perform(get("/accounts")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"_csrf\"")))
			.andExpect(content().string(containsString("Log in")));
	}

	@Test
	void theFaviconIsServedWithoutALoginAndEveryPageNamesIt() throws Exception {
		byte[] icon = this.mvc.perform(get("/favicon.ico"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		// an ICO file: reserved 0, type 1 (icon)
		assertThat(icon).startsWith(new byte[] { 0, 0, 1, 0 });
		this.mvc.perform(get("/login"))
			.andExpect(content()
				.string(containsString("<link rel=\"icon\" type=\"image/x-icon\" href=\"/favicon.ico\">")));
		this.mvc.perform(get("/accounts").with(user("web-agent").roles("AGENT")))
			.andExpect(content().string(containsString("rel=\"icon\"")));
	}

	@Test
	void anHtmxRequestWithoutASessionSendsThePageToLogin() throws Exception {
		this.mvc.perform(get("/accounts").param("q", "x").header("HX-Request", "true"))
			.andExpect(status().isUnauthorized())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
				.string("HX-Redirect", "/login"));
	}

	@Test
	void logsInWithAPasswordAndRejectsAWrongOne() throws Exception {
		this.mvc.perform(formLogin("/login").user("web-agent").password("web-secret")).andExpect(redirectedUrl("/"));
		this.mvc.perform(formLogin("/login").user("web-agent").password("nope"))
			.andExpect(redirectedUrl("/login?error"));
		// A login form posted without its CSRF token (a stale page) is sent back to log
		// in, not let in.
		this.mvc.perform(post("/login").param("username", "web-agent").param("password", "web-secret"))
			.andExpect(redirectedUrl("/login?expired"));
		this.mvc
			.perform(post("/login").param("username", "web-agent")
				.param("password", "web-secret")
				.with(csrf().useInvalidToken()))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/logout").with(user("web-agent")).with(csrf()))
			.andExpect(redirectedUrl("/login?logout"));
	}

	@Test
	void findsAccountsByReferenceNameAndPhone() throws Exception {
		String ref = this.account.accountRef();
		this.mvc.perform(get("/accounts").param("q", ref).with(user("web-lead").roles("TEAM_LEAD")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/accounts/" + this.account.id().value())))
			.andExpect(content().string(containsString("<html")));
		// every Indian account of the tests is Lakshmi Menon's, more than a page of them:
		// a name of her own
		var creditor = this.portfolios.indianNbfc();
		var row = Portfolios.row(creditor, "1000");
		row.put("customer_name", "ലക്ഷ്മിക്കുട്ടി അമ്മ");
		String named = this.portfolios.place(creditor, row).accountRef();
		this.mvc
			.perform(get("/accounts").param("q", "ലക്ഷ്മിക്കുട്ടി")
				.header("HX-Request", "true")
				.with(user("web-lead").roles("TEAM_LEAD")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(named)))
			.andExpect(content().string(not(containsString("<html"))));
		int n = Integer.parseInt(ref.replace("ACC-", ""));
		this.mvc
			.perform(get("/accounts").param("q", "098470 " + (10000 + n % 89999))
				.with(user("web-lead").roles("TEAM_LEAD")))
			.andExpect(content().string(containsString(ref)));
		this.mvc.perform(get("/accounts").param("q", "zz-no-such-account").with(user("web-lead").roles("TEAM_LEAD")))
			.andExpect(content().string(containsString("No accounts match")));
	}

	@Test
	void showsTheAccountWithItsBalancesInLakhsAndItsLedger() throws Exception {
		this.mvc.perform(get("/accounts/{id}", this.account.id().value()).with(user("web-lead").roles("TEAM_LEAD")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("ലക്ഷ്മി മേനോൻ")))
			.andExpect(content().string(containsString("₹1,23,456.50")))
			.andExpect(content().string(containsString("₹1,24,956.50")))
			.andExpect(content().string(containsString("Placement")))
			.andExpect(content().string(containsString("Asia/Kolkata")))
			.andExpect(content().string(containsString("+91 98470")));
	}

	@Test
	void anAccountWithNothingOverdueShowsNoOldestDueDate() throws Exception {
		AccountView current = this.portfolios.placed(this.portfolios.indianNbfc(), "5000", "0", "0", "0",
				LocalDate.of(2026, 5, 29));
		String page = this.mvc
			.perform(get("/accounts/{id}", current.id().value()).with(user("web-lead").roles("TEAM_LEAD")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(org.jsoup.Jsoup.parse(page).selectFirst("[data-oldest-due]").text()).isEqualTo("—");
		String overdue = this.mvc
			.perform(get("/accounts/{id}", this.account.id().value()).with(user("web-lead").roles("TEAM_LEAD")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(org.jsoup.Jsoup.parse(overdue).selectFirst("[data-oldest-due]").text()).isNotEqualTo("—");
	}

	@Test
	void anUnknownAccountIsTheNotFoundPage() throws Exception {
		this.mvc.perform(get("/accounts/{id}", java.util.UUID.randomUUID()).with(user("web-lead").roles("TEAM_LEAD")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(org.springframework.http.MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("Back to accounts")));
		this.mvc.perform(get("/accounts/not-a-uuid").with(user("web-lead").roles("TEAM_LEAD")))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Back to accounts")));
	}

	@Test
	void agentsSeeOnlyTheirAccountsAndTheDebtOnlyOnceTheyKnowTheyHaveTheRightPerson() throws Exception {
		String ref = this.account.accountRef();
		MockHttpSession session = new MockHttpSession();
		var agent = user("web-agent").roles("AGENT");
		this.mvc.perform(get("/accounts").param("q", ref).with(agent))
			.andExpect(content().string(not(containsString("/accounts/" + this.account.id().value()))));
		this.mvc.perform(get("/accounts/{id}", this.account.id().value()).with(agent)).andExpect(status().isNotFound());

		this.work.assign(this.account.id(), "web-agent", "lead");
		this.mvc.perform(get("/accounts/{id}", this.account.id().value()).session(session).with(agent))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("ലക്ഷ്മി മേനോൻ")))
			.andExpect(content().string(containsString("verify-first")))
			.andExpect(content().string(not(containsString("₹1,23,456.50"))));
		// before the customer is verified, only whom the agent wants and who they are
		this.mvc.perform(get("/accounts/{id}/desk", this.account.id().value()).session(session).with(agent))
			.andExpect(content().string(containsString("id=\"opening-script\"")))
			.andExpect(content().string(not(containsString("calling on behalf of"))))
			.andExpect(content().string(not(containsString("ending " + ref.substring(ref.length() - 4)))));
		this.mvc
			.perform(post("/accounts/{id}/desk/verify", this.account.id().value()).param("answer", "1999-01-01")
				.session(session)
				.with(agent)
				.with(csrf()))
			.andExpect(content().string(containsString("That does not match")));
		this.mvc
			.perform(post("/accounts/{id}/desk/verify", this.account.id().value())
				.param("answer", ref.substring(ref.length() - 4))
				.session(session)
				.with(agent)
				.with(csrf()))
			.andExpect(header().string("HX-Refresh", "true"));
		this.mvc.perform(get("/accounts/{id}", this.account.id().value()).session(session).with(agent))
			.andExpect(content().string(containsString("₹1,23,456.50")));
		// verified, but an agent without a recovery-agent certificate makes no call on an
		// Indian account, so there is no disclosure to recite
		this.mvc.perform(get("/accounts/{id}/desk", this.account.id().value()).session(session).with(agent))
			.andExpect(content().string(containsString("Right party verified")))
			.andExpect(content().string(containsString("data-call-closed")))
			.andExpect(content().string(not(containsString("(certificate —)"))));
		// another login session has not verified anyone
		this.mvc.perform(get("/accounts/{id}", this.account.id().value()).session(new MockHttpSession()).with(agent))
			.andExpect(content().string(not(containsString("₹1,23,456.50"))));
	}

	@Test
	void speaksHindiWhenAsked() throws Exception {
		this.mvc
			.perform(get("/accounts/{id}", this.account.id().value()).param("lang", "hi")
				.with(user("web-lead").roles("TEAM_LEAD")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("शेष राशि")))
			.andExpect(content().string(containsString("मूलधन")));
	}

}
