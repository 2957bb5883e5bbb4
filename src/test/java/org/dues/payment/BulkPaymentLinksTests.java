package org.dues.payment;

import java.time.LocalDate;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.dues.IntegrationTest;
import org.dues.Portfolios;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Payment links for a selection: one per account that owes what the purpose asks, the
 * others skipped with their reason; asking again makes none; the browser's selection on
 * the page, in each language.
 */
@IntegrationTest
class BulkPaymentLinksTests {

	private static final RequestPostProcessor MANAGER = user("bulk-links-manager").roles("MANAGER");

	@Autowired
	MockMvc mvc;

	@Autowired
	Portfolios portfolios;

	@Autowired
	PaymentLinks links;

	@Test
	void theApiMakesALinkForEachAccountThatOwesAndSkipsTheRestWithTheirReason() throws Exception {
		CreditorView creditor = this.portfolios.indianNbfc();
		AccountView first = this.portfolios.overdue(creditor, 40, "2500.00");
		AccountView second = this.portfolios.overdue(creditor, 70, "1200.00");
		AccountView current = this.portfolios.placed(creditor, "9000.00", "0", "0", "0", LocalDate.of(2026, 12, 1));
		UUID nobody = UUID.randomUUID();
		String body = """
				{"accounts":["%s","%s","%s","%s"],"purpose":"OVERDUE"}""".formatted(first.id().value(),
				second.id().value(), current.id().value(), nobody);

		String answer = this.mvc
			.perform(post("/api/v1/payment-links/bulk").contentType(MediaType.APPLICATION_JSON)
				.content(body)
				.with(MANAGER)
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.chosen").value(4))
			.andExpect(jsonPath("$.created").value(2))
			.andExpect(jsonPath("$.skipped").value(2))
			.andExpect(jsonPath("$.reasons.NOTHING_OWED").value(1))
			.andExpect(jsonPath("$.reasons.NOT_FOUND").value(1))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(this.links.ofAccount(first.id())).singleElement()
			.satisfies((l) -> assertThat(l.amount()).isEqualTo(first.overdueAmount()));
		assertThat(this.links.ofAccount(current.id())).isEmpty();
		String url = JsonPath.read(answer, "$.links[0].url");
		assertThat(url).contains("/pay/");

		// again: nothing new
		this.mvc
			.perform(post("/api/v1/payment-links/bulk").contentType(MediaType.APPLICATION_JSON)
				.content(body)
				.with(MANAGER)
				.with(csrf()))
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.reasons.ALREADY_LINKED").value(2));
		assertThat(this.links.ofAccount(second.id())).hasSize(1);

		// an agent reaches none of them
		this.mvc
			.perform(post("/api/v1/payment-links/bulk").contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"accounts":["%s"],"purpose":"BALANCE"}""".formatted(first.id().value()))
				.with(user("bulk-links-agent").roles("AGENT"))
				.with(csrf()))
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.reasons.NOT_FOUND").value(1));
		this.mvc.perform(post("/api/v1/payment-links/bulk").contentType(MediaType.APPLICATION_JSON).content("""
				{"purpose":"OVERDUE"}""").with(MANAGER).with(csrf())).andExpect(status().isBadRequest());
	}

	@Test
	void thePageMakesLinksForTheBrowsersSelection() throws Exception {
		CreditorView creditor = this.portfolios.indianNbfc();
		AccountView a = this.portfolios.overdue(creditor, 40, "800.00");
		AccountView b = this.portfolios.overdue(creditor, 50, "900.00");

		this.mvc
			.perform(get("/supervisor/payment-links/bulk").param("source", "selection")
				.param("creditors", creditor.code())
				.with(MANAGER))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2 accounts")));
		this.mvc
			.perform(post("/supervisor/payment-links/bulk").param("source", "selection")
				.param("creditors", creditor.code())
				.param("purpose", "BALANCE")
				.with(MANAGER)
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2 links made, 0 accounts skipped, of 2 chosen")));
		assertThat(this.links.ofAccount(a.id())).singleElement()
			.satisfies((l) -> assertThat(l.purpose()).isEqualTo(LinkPurpose.BALANCE));
		assertThat(this.links.ofAccount(b.id())).hasSize(1);
		this.mvc
			.perform(post("/supervisor/payment-links/bulk").param("source", "selection")
				.param("creditors", creditor.code())
				.param("purpose", "BALANCE")
				.param("lang", "hi")
				.with(MANAGER)
				.with(csrf()))
			.andExpect(content().string(containsString("ऐसा लिंक पहले से है: 2")));
		this.mvc.perform(get("/supervisor/payment-links/bulk").param("lang", "ml").with(MANAGER))
			.andExpect(content().string(containsString("പല അക്കൗണ്ടുകൾക്കുമുള്ള പേയ്മെന്റ് ലിങ്കുകൾ")));
		this.mvc.perform(get("/supervisor/accounts").param("creditors", creditor.code()).with(MANAGER))
			.andExpect(content().string(containsString("id=\"browse-bulk-links\"")));
	}

}
