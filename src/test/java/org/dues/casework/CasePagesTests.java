package org.dues.casework;

import java.time.LocalDate;
import java.util.Map;

import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.Portfolios;
import org.dues.TestAgents;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The Cases page and a case's page as the floor uses them: an agent logs a complaint from
 * the account and finds it with its 30-day deadline; a lead refers a dishonoured cheque
 * and reads the three statutory dates; a time-barred debt is refused on the account page
 * with the reason; the pages read in Hindi and Malayalam.
 */
@IntegrationTest
@ExtendWith(MutableClock.BackToStart.class)
class CasePagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Portfolios portfolios;

	@Autowired
	TestAgents agents;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@BeforeEach
	void users() {
		this.agents.pooledAgent("pages-agent", "agent-secret");
		this.agents.lead("pages-lead", "pages-agent");
	}

	@Test
	void anAgentLogsAComplaintAndTheCasesPageShowsItsThirtyDays() throws Exception {
		// with a postal address, for the acknowledgement's letter
		CreditorView nbfc = this.portfolios.indianNbfc();
		Map<String, String> placed = Portfolios.row(nbfc, "20000.00");
		placed.put("overdue_amount", "20000.00");
		placed.put("oldest_due_date", LocalDate.of(2026, 10, 17).toString());
		placed.put("address_line1", "TC 12/345, Kowdiar");
		placed.put("city", "Thiruvananthapuram");
		placed.put("state", "KL");
		placed.put("postal_code", "695003");
		AccountView account = this.portfolios.place(nbfc, placed);
		MockHttpServletResponse logged = this.mvc
			.perform(post("/accounts/{id}/complaints", account.id().value()).with(user("pages-agent").roles("AGENT"))
				.with(csrf())
				.param("category", "CONTACT_FREQUENCY")
				.param("channel", "PHONE")
				.param("severity", "HIGH")
				.param("description", "Called five times yesterday"))
			.andReturn()
			.getResponse();
		assertThat(logged.getRedirectedUrl()).startsWith("/cases/");
		Document shown = page(get(logged.getRedirectedUrl()).with(user("pages-agent").roles("AGENT")));
		assertThat(shown.select("[data-deadline=FINAL_RESPONSE]").text()).contains("26 Dec 2026", "Ombudsman");
		assertThat(shown.select("[data-holds-collection]").attr("data-holds-collection")).isEqualTo("true");
		Document cases = page(get("/cases").param("type", "COMPLAINT").with(user("pages-agent").roles("AGENT")));
		String reference = shown.select("h1 span").first().text();
		assertThat(cases.select("[data-case=" + reference + "] [data-resolve-by]").text()).isEqualTo("26 Dec 2026");
		assertThat(page(get("/cases").param("lang", "ml").with(user("pages-agent").roles("AGENT"))).text())
			.contains("കേസുകൾ");
		assertThat(page(get(logged.getRedirectedUrl()).param("lang", "hi").with(user("pages-agent").roles("AGENT")))
			.text()).contains("समय-सीमाएँ");
		// the timeline says statuses and letters in the reader's words, not their codes
		this.mvc
			.perform(post(logged.getRedirectedUrl() + "/acknowledgement").with(user("pages-agent").roles("AGENT"))
				.with(csrf()))
			.andReturn();
		String timeline = page(
				get(logged.getRedirectedUrl()).param("lang", "hi").with(user("pages-agent").roles("AGENT")))
			.select("[data-timeline]")
			.text();
		assertThat(timeline).contains("खुला", "शिकायत की पावती", "पावती भेजी गई")
			.doesNotContain("OPEN", "ACKNOWLEDGED", "complaint-acknowledgement");
		// and the why of the status change in the reader's words, not casework's English
		assertThat(timeline).contains("पावती दी गई: पावती ग्राहक को भेजी गई").doesNotContain("acknowledged");
		assertThat(page(get(logged.getRedirectedUrl()).param("lang", "ml").with(user("pages-agent").roles("AGENT")))
			.select("[data-timeline]")
			.text()).contains("അറിയിപ്പ് നൽകി").doesNotContain("acknowledged");
		// a line written before the phrase was kept still reads in the reader's words
		this.jdbc
			.sql("""
					INSERT INTO casework_timeline (case_id, at, by_user, kind, status, text)
					VALUES (CAST(:case AS uuid), now(), 'pages-agent', 'STATUS', 'VERIFICATION_SENT', 'verification sent')""")
			.param("case", logged.getRedirectedUrl().substring("/cases/".length()))
			.update();
		assertThat(page(get(logged.getRedirectedUrl()).param("lang", "hi").with(user("pages-agent").roles("AGENT")))
			.select("[data-timeline]")
			.text()).contains("सत्यापन भेजा गया: वसूली फिर शुरू हो सकती है").doesNotContain("verification sent");
		// an empty note is refused and says why
		MockHttpServletResponse empty = this.mvc
			.perform(post(logged.getRedirectedUrl() + "/notes").with(user("pages-agent").roles("AGENT"))
				.with(csrf())
				.param("text", ""))
			.andReturn()
			.getResponse();
		assertThat(empty.getRedirectedUrl()).isEqualTo(logged.getRedirectedUrl());
	}

	@Test
	void aLeadReadsTheThreeDatesOfASection138NoticeAndATimeBarredDebtIsRefused() throws Exception {
		AccountView account = this.portfolios.overdue(this.portfolios.indianNbfc(), 60, "90000.00");
		MockHttpServletResponse referred = this.mvc
			.perform(post("/accounts/{id}/legal-referrals", account.id().value())
				.with(user("pages-lead").roles("TEAM_LEAD"))
				.with(csrf())
				.param("proceeding", "NI_ACT_138")
				.param("chequeNumber", "004512")
				.param("chequeReturnedOn", "2026-11-20")
				.param("reason", "EMI cheque returned unpaid"))
			.andReturn()
			.getResponse();
		assertThat(referred.getRedirectedUrl()).startsWith("/cases/");
		Document shown = page(get(referred.getRedirectedUrl()).with(user("pages-lead").roles("TEAM_LEAD")));
		assertThat(shown.select("[data-deadline=NOTICE_BY]").text()).contains("20 Dec 2026");
		assertThat(shown.select("[data-deadline=PAYMENT_DUE]")).hasSize(1);
		assertThat(shown.select("[data-deadline=COMPLAINT_BY]")).hasSize(1);

		CreditorView issuer = this.portfolios.usIssuer();
		Map<String, String> row = Portfolios.row(issuer, "2000.00");
		row.put("overdue_amount", "2000.00");
		row.put("oldest_due_date", LocalDate.of(2019, 1, 15).toString());
		AccountView old = this.portfolios.place(issuer, row);
		var refused = this.mvc
			.perform(
					post("/accounts/{id}/legal-referrals", old.id().value()).with(user("pages-lead").roles("TEAM_LEAD"))
						.with(csrf())
						.param("proceeding", "ATTORNEY_REFERRAL")
						.param("reason", "no contact for months"))
			.andReturn();
		assertThat(refused.getResponse().getRedirectedUrl()).startsWith("/accounts/" + old.id().value());
		assertThat(String.valueOf(refused.getFlashMap().get("caseProblem"))).contains("1006.26");
	}

	private Document page(MockHttpServletRequestBuilder request) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		return Jsoup.parse(response.getContentAsString());
	}

}
