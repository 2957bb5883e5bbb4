package org.dues.payment;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.Portfolios;
import org.dues.TestAgents;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.dues.shared.Money;
import org.dues.system.Actor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Remittance to a creditor over two months: the commission and the tax on it, a payment
 * reported late lands in the next statement, a reversal after its month is clawed back
 * once, issuing a period again changes nothing, and the files say the same figures.
 */
@IntegrationTest
@ExtendWith(MutableClock.BackToStart.class)
class RemittancesTests {

	@Autowired
	Portfolios portfolios;

	@Autowired
	PaymentManagement payments;

	@Autowired
	Remittances remittances;

	@Autowired
	TestAgents agents;

	@Autowired
	MutableClock clock;

	@Autowired
	MockMvc mvc;

	@Test
	void twoMonthsOfStatementsCountEveryPaymentAndReversalOnce() throws Exception {
		this.agents.manager("rem-manager", "rem-secret-1");
		this.agents.pooledAgent("rem-agent", "rem-secret-2");
		CreditorView creditor = this.portfolios.indianNbfc();
		AccountView account = this.portfolios.placed(creditor, "50000", "0", "0", "50000", LocalDate.of(2026, 9, 1));
		PaymentView first = pay(account, "1000.00", "UTR-A", LocalDate.of(2026, 10, 10));
		PaymentView second = pay(account, "2000.00", "UTR-B", LocalDate.of(2026, 10, 20));
		pay(account, "333.33", "UTR-C", LocalDate.of(2026, 11, 2));
		this.mvc
			.perform(put("/api/v1/creditors/{code}/remittance-terms", creditor.code())
				.with(httpBasic("rem-manager", "rem-secret-1"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"commissionRate\": 10, \"taxRate\": 18}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.commissionRate").value(10));
		this.mvc
			.perform(put("/api/v1/creditors/{code}/remittance-terms", creditor.code())
				.with(httpBasic("rem-agent", "rem-secret-2"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"commissionRate\": 0, \"taxRate\": 0}"))
			.andExpect(status().isForbidden());

		String october = """
				{"from": "2026-10-01", "to": "2026-10-31"}""";
		String issued = this.mvc
			.perform(post("/api/v1/creditors/{code}/remittances", creditor.code())
				.with(httpBasic("rem-manager", "rem-secret-1"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(october))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.collected.amount").value("3000.00"))
			.andExpect(jsonPath("$.commission.amount").value("300.00"))
			.andExpect(jsonPath("$.tax.amount").value("54.00"))
			.andExpect(jsonPath("$.due.amount").value("2646.00"))
			.andExpect(jsonPath("$.lines.length()").value(2))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = com.jayway.jsonpath.JsonPath.read(issued, "$.id");
		this.mvc
			.perform(post("/api/v1/creditors/{code}/remittances", creditor.code())
				.with(httpBasic("rem-manager", "rem-secret-1"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(october))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(id));

		// reported late: received in October, posted after October's statement
		pay(account, "500.00", "UTR-LATE", LocalDate.of(2026, 10, 30));
		this.payments.reverse(account.id(), second.id(), "Cheque returned unpaid",
				Actor.of("rem-manager", "ROLE_MANAGER"));
		assertThatThrownBy(() -> this.remittances.issue(creditor, creditor.currency(), LocalDate.of(2026, 11, 1),
				LocalDate.of(2026, 11, 30), "rem-manager"))
			.hasMessageContaining("the period must be over");

		this.clock.advance(Duration.ofDays(6));
		RemittanceView november = this.remittances
			.issue(creditor, creditor.currency(), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), "rem-manager")
			.statement();
		assertThat(november.collected()).isEqualTo(inr("833.33"));
		assertThat(november.reversed()).isEqualTo(inr("2000.00"));
		// net −1,166.67: the commission on it is taken back, half up: −116.67, tax −21.00
		assertThat(november.commission()).isEqualTo(inr("-116.67"));
		assertThat(november.tax()).isEqualTo(inr("-21.00"));
		assertThat(november.due()).isEqualTo(inr("-1029.00"));
		assertThat(november.lines()).extracting(RemittanceView.Line::reference)
			.containsExactly("UTR-B", "UTR-LATE", "UTR-C");
		assertThat(this.remittances
			.preview(creditor, creditor.currency(), LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31))
			.lines()).as("nothing is left to remit twice").isEmpty();
		assertThat(first.status()).isEqualTo(PaymentStatus.POSTED);

		byte[] csv = this.mvc
			.perform(get("/api/v1/remittances/{id}", november.id()).with(httpBasic("rem-manager", "rem-secret-1"))
				.accept("text/csv"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String text = new String(csv, StandardCharsets.UTF_8);
		assertThat(text).contains("Due to the creditor,-1029.00", "UTR-LATE", "Reversal clawed back", "-2000.00");
		byte[] xlsx = this.mvc
			.perform(get("/api/v1/remittances/{id}", november.id()).with(httpBasic("rem-manager", "rem-secret-1"))
				.accept("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			java.util.List<Row> rows = book.getFirstSheet().read();
			assertThat(rows.get(9).getCellText(0)).isEqualTo("Due to the creditor");
			assertThat(rows.get(9).getCellText(1)).isEqualTo("-1029.00");
			Row last = rows.get(rows.size() - 1);
			assertThat(last.getCellText(2)).isEqualTo("UTR-C");
			assertThat(new BigDecimal(last.getCellText(5))).isEqualByComparingTo("333.33");
		}
		byte[] pdf = this.mvc
			.perform(get("/api/v1/remittances/{id}", november.id()).with(httpBasic("rem-manager", "rem-secret-1"))
				.header("Accept-Language", "hi")
				.accept("application/pdf"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			String printed = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
			assertThat(printed).contains(november.number(), "UTR-LATE", "-₹1,029.00");
		}
	}

	@Test
	void theManagersPagePreviewsIssuesAndReadsInMalayalam() throws Exception {
		this.agents.manager("rem-page-manager", "rem-secret-3");
		this.agents.pooledAgent("rem-page-agent", "rem-secret-4");
		CreditorView creditor = this.portfolios.indianNbfc();
		AccountView account = this.portfolios.placed(creditor, "50000", "0", "0", "50000", LocalDate.of(2026, 9, 1));
		pay(account, "1000.00", "UTR-P1", LocalDate.of(2026, 10, 5));
		var manager = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
			.user("rem-page-manager")
			.roles("MANAGER");
		org.jsoup.nodes.Document page = org.jsoup.Jsoup
			.parse(this.mvc.perform(get("/remittances").param("creditor", creditor.code()).with(manager))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString());
		assertThat(page.select("#rem-from").val()).as("last month by default").isEqualTo("2026-10-01");
		assertThat(page.select("[data-remittance-preview] [data-collected]").text()).isEqualTo("₹1,000.00");
		assertThat(page.select("[data-line]")).hasSize(1);
		this.mvc
			.perform(post("/remittances/terms").param("creditor", creditor.code())
				.param("commissionRate", "12.5")
				.param("taxRate", "18")
				.with(manager)
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.csrf()))
			.andExpect(status().isOk());
		org.jsoup.nodes.Document issued = org.jsoup.Jsoup.parse(
				this.mvc
					.perform(post("/remittances/issue").param("creditor", creditor.code())
						.param("from", "2026-10-01")
						.param("to", "2026-10-31")
						.param("lang", "ml")
						.with(manager)
						.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
							.csrf()))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse()
					.getContentAsString());
		assertThat(issued.select("[data-flash]").text()).isEqualTo("സ്റ്റേറ്റ്‌മെന്റ് നൽകി.");
		assertThat(issued.select("[data-issued] tbody tr")).hasSize(1);
		// 1,000 less 12.5% (125.00) less 18% of that (22.50)
		assertThat(issued.select("[data-issued] tbody tr").text()).contains("852.50");
		assertThat(issued.select("[data-remittance-preview] [data-line]")).as("nothing is left for October").isEmpty();
		this.mvc
			.perform(get("/remittances").param("creditor", creditor.code())
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.user("rem-page-agent")
					.roles("AGENT")))
			.andExpect(status().isForbidden());
	}

	private PaymentView pay(AccountView account, String amount, String reference, LocalDate on) {
		return this.payments
			.post(account.id(), new NewPayment(inr(amount), PaymentChannel.BANK_TRANSFER, reference, on), "rem-agent")
			.payment();
	}

	private static Money inr(String amount) {
		return Money.of(amount, "INR");
	}

}
