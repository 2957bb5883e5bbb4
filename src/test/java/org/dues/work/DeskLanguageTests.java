package org.dues.work;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.Cookie;
import org.dues.IntegrationTest;
import org.dues.Portfolios;
import org.dues.TestAgents;
import org.dues.identity.NewUser;
import org.dues.identity.Role;
import org.dues.identity.UserManagement;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The desk speaks two languages at once: the opening line and the disclosure in the
 * customer's language, the rest of the page (and what the line means) in the agent's.
 */
@IntegrationTest
class DeskLanguageTests {

	static final String AGENT = "kerala-agent";

	@Autowired
	TestAgents agents;

	@Autowired
	Portfolios portfolios;

	@Autowired
	UserManagement users;

	@Autowired
	NextAccount work;

	@Autowired
	MockMvc mvc;

	CreditorView nbfc;

	@BeforeEach
	void setUp() {
		this.users.createIfAbsent(new NewUser(AGENT, "Anjali Nair", "kerala-agent-secret", Set.of(Role.AGENT),
				List.of("ml", "en"), List.of(), "RA-ML-7", LocalDate.of(2027, 12, 31)));
		this.agents.mayWorkEveryPooledAccount(AGENT);
		this.nbfc = this.portfolios.indianNbfc();
	}

	@Test
	void aMalayalamCustomerHearsMalayalamFromAnAgentWhoReadsEnglish() throws Exception {
		AccountView account = account("ml");
		String last4 = account.accountRef().substring(account.accountRef().length() - 4);
		MockHttpSession session = new MockHttpSession();

		Document before = page(get("/accounts/{id}/desk", account.id().value()), session);
		Element opening = before.getElementById("opening-script");
		assertThat(opening).isNotNull();
		assertThat(opening.selectFirst("[data-say]").attr("lang")).isEqualTo("ml");
		assertThat(opening.selectFirst("[data-say]").text()).startsWith("നമസ്കാരം")
			.contains("ലക്ഷ്മി മേനോൻ", "Anjali Nair")
			.doesNotContain(this.nbfc.name(), last4);
		// what it means, in the agent's language; the page around it stays English
		assertThat(opening.selectFirst("[data-meaning] [lang=en]").text())
			.isEqualTo("Hello, may I speak with ലക്ഷ്മി മേനോൻ? This is Anjali Nair.");
		assertThat(before.text()).contains("Until the customer is verified, say only", "Verify the customer");

		this.mvc
			.perform(post("/accounts/{id}/desk/verify", account.id().value()).param("answer", last4)
				.session(session)
				.with(agent())
				.with(csrf()))
			.andExpect(header().string("HX-Refresh", "true"));
		Element disclosure = page(get("/accounts/{id}/desk", account.id().value()), session)
			.getElementById("call-script");
		assertThat(disclosure).isNotNull();
		assertThat(disclosure.selectFirst("[data-say]").attr("lang")).isEqualTo("ml");
		assertThat(disclosure.selectFirst("[data-say]").text()).contains("റിക്കവറി ഏജന്റ്", "(സർട്ടിഫിക്കറ്റ് RA-ML-7)",
				this.nbfc.name(), last4);
		assertThat(disclosure.selectFirst("[data-meaning] [lang=en]").text()).contains(
				"a recovery agent (certificate RA-ML-7) calling on behalf of " + this.nbfc.name(), "ending " + last4);
		assertThat(disclosure.text()).contains("Say first");
	}

	@Test
	void theUiSpeaksMalayalamWhenAskedAndTheScriptStaysInTheCustomersLanguage() throws Exception {
		AccountView malayali = account("ml");
		AccountView english = account(null);
		AccountView hindi = account("hi");
		MockHttpSession session = new MockHttpSession();

		MvcResult switched = this.mvc
			.perform(get("/accounts/{id}", malayali.id().value()).param("lang", "ml").session(session).with(agent()))
			.andExpect(status().isOk())
			.andReturn();
		Cookie language = switched.getResponse().getCookie("dues-lang");
		assertThat(language).isNotNull();
		assertThat(language.getValue()).isEqualTo("ml");
		Document account = Jsoup.parse(switched.getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(account.selectFirst("html").attr("lang")).isEqualTo("ml");
		assertThat(account.select("nav a").eachText()).contains("അക്കൗണ്ടുകൾ", "ഡെസ്ക്", "English", "हिन्दी", "മലയാളം");
		assertThat(account.text()).contains("ഉപഭോക്താവ്", "ഉപഭോക്തൃ റഫറൻസ്").doesNotContain("Customer ref");

		// the choice is remembered: the desk panel reads Malayalam too, and a Malayalam
		// line needs no translation for a Malayalam reader
		Document desk = page(get("/accounts/{id}/desk", malayali.id().value()).cookie(language), session);
		assertThat(desk.text()).contains("ഉപഭോക്താവിനെ സ്ഥിരീകരിക്കുക", "അടുത്ത അക്കൗണ്ട്");
		assertThat(desk.selectFirst("#opening-script [data-say]").attr("lang")).isEqualTo("ml");
		assertThat(desk.select("#opening-script [data-meaning]")).isEmpty();

		// a customer without a language hears English; the Malayalam reader sees its
		// meaning
		Document toEnglish = page(get("/accounts/{id}/desk", english.id().value()).cookie(language), session);
		assertThat(toEnglish.selectFirst("#opening-script [data-say]").attr("lang")).isEqualTo("en");
		assertThat(toEnglish.selectFirst("#opening-script [data-say]").text()).startsWith("Hello, may I speak with");
		assertThat(toEnglish.selectFirst("#opening-script [data-meaning] [lang=ml]").text()).startsWith("നമസ്കാരം");

		// a Hindi customer hears Hindi
		Document toHindi = page(get("/accounts/{id}/desk", hindi.id().value()).cookie(language), session);
		assertThat(toHindi.selectFirst("#opening-script [data-say]").attr("lang")).isEqualTo("hi");
		assertThat(toHindi.selectFirst("#opening-script [data-say]").text()).startsWith("नमस्ते");
	}

	private AccountView account(@Nullable String language) {
		Map<String, String> row = Portfolios.row(this.nbfc, "50000.00");
		row.put("overdue_amount", "50000.00");
		row.put("oldest_due_date", "2026-10-01");
		if (language != null) {
			row.put("language", language);
		}
		AccountView account = this.portfolios.place(this.nbfc, row);
		this.work.assign(account.id(), AGENT, "lead");
		return account;
	}

	private Document page(MockHttpServletRequestBuilder request, MockHttpSession session) throws Exception {
		return Jsoup.parse(this.mvc.perform(request.session(session).with(agent()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
	}

	private static RequestPostProcessor agent() {
		return user(AGENT).roles("AGENT");
	}

}
