package org.dues.payment;

import java.time.LocalDate;

import org.dues.IntegrationTest;
import org.dues.Portfolios;
import org.dues.TestAgents;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The payments panel as an agent uses it during a call: the preview shows the creditor's
 * waterfall split and posts nothing, taking the payment posts it once, a reversal needs a
 * reason and follows the correction rules, and the panel reads in Hindi.
 */
@IntegrationTest
class PaymentPagesTests {

	@Autowired
	TestAgents agents;

	@Autowired
	Portfolios portfolios;

	@Autowired
	Accounts accounts;

	@Autowired
	MockMvc mvc;

	@Test
	void anAgentPreviewsTakesAndCannotReverseAnothersPayment() throws Exception {
		this.agents.pooledAgent("pay-agent", "x-secret-1");
		this.agents.pooledAgent("pay-agent2", "x-secret-2");
		this.agents.lead("pay-lead", "pay-agent", "pay-agent2");
		AccountView account = this.portfolios.placed(this.portfolios.indianNbfc(), "10000", "500", "200", "4000",
				LocalDate.of(2026, 10, 1));
		String panel = "/accounts/" + account.id().value() + "/payments";

		Document preview = page(post(panel + "/preview").with(user("pay-agent").roles("AGENT"))
			.param("amount", "4000")
			.param("channel", "UPI")
			.param("reference", "634512345678"));
		Element split = preview.selectFirst("[data-payment-preview]");
		assertThat(split).isNotNull();
		// fees, then interest, then principal
		assertThat(split.select("[data-split=fees]").text()).isEqualTo("₹200.00");
		assertThat(split.select("[data-split=interest]").text()).isEqualTo("₹500.00");
		assertThat(split.select("[data-split=principal]").text()).isEqualTo("₹3,300.00");
		assertThat(split.select("[data-balance-after]").text()).isEqualTo("₹6,700.00");
		assertThat(split.text()).contains("Clears the overdue");
		assertThat(preview.select("#pay-reference").val()).as("the form comes back filled in")
			.isEqualTo("634512345678");
		assertThat(preview.select("[data-payment]")).as("a preview posts nothing").isEmpty();
		assertThat(this.accounts.get(account.id()).balances().total().amount()).isEqualByComparingTo("10700");

		Document taken = page(post(panel).with(user("pay-agent").roles("AGENT"))
			.param("amount", "4000")
			.param("channel", "UPI")
			.param("reference", "634512345678")
			.param("receivedOn", "2026-11-25"));
		assertThat(taken.select("[data-flash]").text()).contains("Payment taken", "₹4,000.00");
		assertThat(taken.select("[data-payment]")).hasSize(1);
		assertThat(taken.select("[data-payment]").attr("data-status")).isEqualTo("POSTED");
		assertThat(taken.select("[data-receipt]").text()).as("numbered by creditor and financial year")
			.matches("NBFC\\d+/2026-27/0+1");
		assertThat(taken.select("[data-taken-receipt]").attr("href")).endsWith("/receipt");
		assertThat(this.accounts.get(account.id()).balances().total().amount()).isEqualByComparingTo("6700");

		Document again = page(post(panel).with(user("pay-agent").roles("AGENT"))
			.param("amount", "4000")
			.param("channel", "UPI")
			.param("reference", "634512345678"));
		assertThat(again.select("[data-flash]").text()).contains("already posted");
		assertThat(again.select("[data-payment]")).hasSize(1);

		Document tooPrecise = page(post(panel + "/preview").with(user("pay-agent").roles("AGENT"))
			.param("amount", "10.005")
			.param("channel", "CASH")
			.param("reference", "R-1"));
		assertThat(tooPrecise.select("[data-flash]").text()).contains("Not saved");
		assertThat(tooPrecise.select("[data-payment-preview]")).isEmpty();

		String payment = taken.select("[data-payment]").attr("data-payment");
		Document noReason = page(
				post(panel + "/" + payment + "/reversal").with(user("pay-agent").roles("AGENT")).param("reason", " "));
		assertThat(noReason.select("[data-flash]").text()).contains("Not saved");
		Document notTheirs = page(post(panel + "/" + payment + "/reversal").with(user("pay-agent2").roles("AGENT"))
			.param("reason", "Cheque bounced"));
		assertThat(notTheirs.select("[data-flash]").text()).contains("Not saved");
		assertThat(notTheirs.select("[data-payment]").attr("data-status")).isEqualTo("POSTED");
		Document reversed = page(post(panel + "/" + payment + "/reversal").with(user("pay-lead").roles("TEAM_LEAD"))
			.param("reason", "UPI credit returned by the bank"));
		assertThat(reversed.select("[data-flash]").text()).contains("Payment reversed");
		assertThat(reversed.select("[data-payment]").attr("data-status")).isEqualTo("REVERSED");
		assertThat(reversed.select("[data-payment]").text()).contains("UPI credit returned by the bank");
		assertThat(this.accounts.get(new AccountId(account.id().value())).balances().total().amount())
			.isEqualByComparingTo("10700");

		Document hindi = page(get(panel).with(user("pay-agent").roles("AGENT")).param("lang", "hi"));
		assertThat(hindi.select("[data-take-payment] summary").text()).isEqualTo("भुगतान लें");
		assertThat(hindi.text()).contains("उलटा गया");
	}

	@Test
	void aPaymentAndItsReversalRefreshTheBalancesCardOfTheAccountPage() throws Exception {
		this.agents.pooledAgent("bal-agent", "x-secret-4");
		this.agents.lead("bal-lead", "bal-agent");
		AccountView account = this.portfolios.placed(this.portfolios.indianNbfc(), "10000", "500", "200", "4000",
				LocalDate.of(2026, 10, 1));
		String panel = "/accounts/" + account.id().value() + "/payments";

		Document taken = page(post(panel).with(user("bal-agent").roles("AGENT"))
			.param("amount", "4000")
			.param("channel", "UPI")
			.param("reference", "634599990001")
			.param("receivedOn", "2026-11-25"));
		AccountView paid = this.accounts.get(account.id());
		Element card = taken.selectFirst("#balances-card");
		assertThat(card).as("the page's balances card comes with the panel").isNotNull();
		assertThat(card.attr("hx-swap-oob")).isEqualTo("true");
		assertThat(card.select("[data-balance=total]").text()).isEqualTo("₹6,700.00");
		assertThat(card.select("[data-overdue]").text()).isEqualTo("₹0.00");
		assertThat(card.select("[data-dpd]").text()).isEqualTo(String.valueOf(paid.daysPastDue()));
		assertThat(card.select("[data-last-payment]").text()).contains("₹4,000.00");
		assertThat(taken.select("#payments-panel [data-payment]")).hasSize(1);

		String payment = taken.select("[data-payment]").attr("data-payment");
		Document reversed = page(post(panel + "/" + payment + "/reversal").with(user("bal-lead").roles("TEAM_LEAD"))
			.param("reason", "UPI credit returned by the bank"));
		Element after = reversed.selectFirst("#balances-card");
		assertThat(after).isNotNull();
		assertThat(after.select("[data-balance=total]").text()).isEqualTo("₹10,700.00");
		assertThat(after.select("[data-overdue]").text()).isEqualTo("₹4,000.00");
		assertThat(after.select("[data-dpd]").text())
			.isEqualTo(String.valueOf(this.accounts.get(account.id()).daysPastDue()));

		Document refused = page(post(panel).with(user("bal-agent").roles("AGENT"))
			.param("amount", "10.005")
			.param("channel", "CASH")
			.param("reference", "R-2"));
		assertThat(refused.select("#balances-card")).as("nothing changed, nothing swapped").isEmpty();
	}

	@Test
	void anAgentMakesALinkAndSendsItFromTheDesk() throws Exception {
		this.agents.pooledAgent("link-agent", "x-secret-3");
		AccountView account = this.portfolios.placed(this.portfolios.indianNbfc(), "20000", "0", "0", "6000",
				LocalDate.of(2026, 10, 1));
		String panel = "/accounts/" + account.id().value() + "/payments";
		Document made = page(post(panel + "/links").with(user("link-agent").roles("AGENT"))
			.param("purpose", "SETTLEMENT")
			.param("amount", "15000")
			.param("openUntilPaid", "true"));
		assertThat(made.select("[data-flash]").text()).contains("Link made");
		Element link = made.selectFirst("[data-link]");
		assertThat(link).isNotNull();
		assertThat(link.attr("data-link-status")).isEqualTo("ACTIVE");
		assertThat(link.text()).contains("A settlement", "₹15,000.00");
		String url = link.select("[data-link-url]").val();
		assertThat(url).contains("/pay/");

		Document refused = page(post(panel + "/links").with(user("link-agent").roles("AGENT"))
			.param("purpose", "SETTLEMENT")
			.param("amount", "25000"));
		assertThat(refused.select("[data-flash]").text()).contains("Not saved", "more than the balance");

		Document sent = page(
				post("/accounts/" + account.id().value() + "/messages").with(user("link-agent").roles("AGENT"))
					.param("channel", "SMS")
					.param("template", "payment-link")
					.param("link", link.attr("data-link")));
		assertThat(sent.text()).contains(url, "₹15,000.00");

		Document cancelled = page(
				post(panel + "/links/" + link.attr("data-link") + "/cancel").with(user("link-agent").roles("AGENT")));
		assertThat(cancelled.selectFirst("[data-link]").attr("data-link-status")).isEqualTo("CANCELLED");
	}

	private Document page(MockHttpServletRequestBuilder request) throws Exception {
		return Jsoup.parse(this.mvc.perform(request.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

}
