package org.dues.payment;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.dues.IntegrationTest;
import org.dues.Portfolios;
import org.dues.customer.CustomerManagement;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.CreditorView;
import org.dues.shared.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public pay page, as a customer's phone sees it without a login, and the simulated
 * gateway from the page to the ledger.
 */
@IntegrationTest
class PayPageTests {

	static final String NAME = "ലക്ഷ്മി മേനോൻ";

	@Autowired
	Portfolios portfolios;

	@Autowired
	MockMvc mvc;

	@Autowired
	PaymentLinks links;

	@Autowired
	PaymentLinkSettings settings;

	@Autowired
	PaymentManagement payments;

	@Autowired
	LinkPayments attempts;

	@Autowired
	Accounts accounts;

	@Autowired
	CustomerManagement customers;

	@Autowired
	JdbcClient jdbc;

	CreditorView nbfc;

	AccountView account;

	@BeforeEach
	void placeAnAccountOfAHindiSpeaker() {
		this.nbfc = this.portfolios.indianNbfc();
		this.settings.set(this.nbfc.id(), new LinkSettings("testnbfc@okaxis", "Test NBFC Ltd", 7, null), "tester");
		Map<String, String> row = Portfolios.row(this.nbfc, "10000");
		row.put("customer_name", NAME);
		row.put("language", "hi");
		row.put("overdue_amount", "3000");
		row.put("oldest_due_date", "2026-10-01");
		row.put("email", "lakshmi.menon@example.in");
		this.account = this.portfolios.place(this.nbfc, row);
	}

	PaymentLinkView link() {
		return this.links.create(this.account.id(), NewPaymentLink.of(LinkPurpose.OVERDUE), "tester");
	}

	@Test
	void speaksTheCustomersLanguageAndShowsNothingPersonal() throws Exception {
		PaymentLinkView link = link();
		String phone = this.portfolios.firstPhone(this.account);
		String last4 = this.account.accountRef().substring(this.account.accountRef().length() - 4);

		String hindi = this.mvc.perform(get("/pay/{token}", link.token()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("lang=\"hi\"")))
			.andExpect(content().string(containsString("Test NBFC")))
			.andExpect(content().string(containsString("••••" + last4)))
			.andExpect(content().string(containsString("UPI ऐप से भुगतान करें")))
			.andExpect(content().string(containsString("3,000.00")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String malayalam = this.mvc.perform(get("/pay/{token}", link.token()).param("lang", "ml"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("UPI ആപ്പ് വഴി പണമടയ്ക്കുക")))
			.andReturn()
			.getResponse()
			.getContentAsString();

		for (String page : new String[] { hindi, malayalam }) {
			assertThat(page).doesNotContain(NAME, "ലക്ഷ്മി", phone, phone.substring(3), "lakshmi.menon",
					this.account.accountRef(), this.account.id().toString());
		}
	}

	@Test
	void theUpiIntentIsAButtonAndAQrCodeThatReadsTheSame() throws Exception {
		PaymentLinkView link = link();
		String uri = this.links.upiUri(link).orElseThrow();

		this.mvc.perform(get("/pay/{token}", link.token()).param("lang", "en"))
			.andExpect(content().string(containsString("href=\"" + uri.replace("&", "&amp;") + "\"")))
			.andExpect(content().string(containsString("alt=\"QR code to pay ₹3,000.00 to Test NBFC by UPI\"")));
		byte[] png = this.mvc.perform(get("/pay/{token}/qr.png", link.token()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		assertThat(PaymentLinksTests.decode(png)).isEqualTo(uri);
	}

	@Test
	void anUnknownTokenIsAFriendly404AndAPaidOneSaysSo() throws Exception {
		this.mvc.perform(get("/pay/{token}", "AAAAAAAAAAAAAAAAAAAAAA").with((r) -> {
			r.setRemoteAddr("100.64.8.1");
			return r;
		})).andExpect(status().isNotFound()).andExpect(content().string(containsString("data-missing")));
		this.mvc.perform(get("/pay/{token}/qr.png", "nonsense").with((r) -> {
			r.setRemoteAddr("100.64.8.1");
			return r;
		})).andExpect(status().isNotFound());
		PaymentLinkView link = link();
		this.links.cancel(this.account.id(), link.id(), "tester");
		// a guesser behind the customer's address spends its allowance of wrong tokens
		for (int i = 0; i < 40; i++) {
			this.mvc.perform(get("/pay/{token}", "guess-" + i).with((r) -> {
				r.setRemoteAddr("100.64.7.9");
				return r;
			}));
		}
		this.mvc.perform(get("/pay/{token}", "guess-more").with((r) -> {
			r.setRemoteAddr("100.64.7.9");
			return r;
		})).andExpect(status().isTooManyRequests());
		// the customer sharing that address (a carrier's NAT) still reaches their link
		this.mvc.perform(get("/pay/{token}", link.token()).with((r) -> {
			r.setRemoteAddr("100.64.7.9");
			return r;
		}))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-closed=\"CANCELLED\"")))
			.andExpect(content().string(not(containsString("data-upi-intent"))));
	}

	@Test
	void payingAtTheDemoCheckoutPostsThePaymentThroughTheLinkAndPaysIt() throws Exception {
		PaymentLinkView link = link();
		String checkout = this.mvc.perform(post("/pay/{token}/checkout", link.token()).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(checkout).startsWith("/pay/" + link.token() + "/demo-checkout/sim_");
		this.mvc.perform(get(checkout).param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No card is charged and no money moves")));
		// without the form's CSRF token nothing is paid
		assertThat(this.mvc.perform(post(checkout)).andReturn().getResponse().getRedirectedUrl())
			.doesNotContain("returned");

		this.mvc.perform(post(checkout).with(csrf())).andExpect(status().is3xxRedirection());
		waitFor(() -> this.links.get(this.account.id(), link.id()).status() == LinkStatus.PAID);

		PaymentView payment = this.payments.ofAccount(this.account.id()).get(0);
		assertThat(payment.amount()).isEqualTo(Money.of("3000.00", "INR"));
		assertThat(payment.channel()).isEqualTo(PaymentChannel.PAYMENT_LINK);
		assertThat(payment.reference()).startsWith("simpay_");
		assertThat(this.jdbc.sql("SELECT link_id FROM payment_payments WHERE id = :id")
			.param("id", payment.id().value())
			.query(UUID.class)
			.single()).isEqualTo(link.id().value());
		assertThat(this.accounts.get(this.account.id()).overdueAmount().isZero()).isTrue();
		assertThat(this.links.get(this.account.id(), link.id()).paidAmount()).isEqualTo(Money.of("3000.00", "INR"));
		assertThat(this.attempts.attempts(link.id())).extracting(LinkPayments.LinkAttempt::outcome)
			.containsExactly("CAPTURED");
		this.mvc.perform(get("/pay/{token}", link.token()))
			.andExpect(content().string(containsString("data-closed=\"PAID\"")));
	}

	@Test
	void theDemoUpiCreditPostsAUpiPayment() throws Exception {
		PaymentLinkView link = link();

		this.mvc.perform(post("/pay/{token}/upi-paid", link.token()).with(csrf()))
			.andExpect(status().is3xxRedirection());
		waitFor(() -> this.links.get(this.account.id(), link.id()).status() == LinkStatus.PAID);

		assertThat(this.payments.ofAccount(this.account.id()).get(0).channel()).isEqualTo(PaymentChannel.UPI);
	}

	static void waitFor(BooleanSupplier condition) throws InterruptedException {
		Instant until = Instant.now().plus(Duration.ofSeconds(15));
		while (!condition.getAsBoolean()) {
			assertThat(Instant.now()).as("waited 15 s").isBefore(until);
			Thread.sleep(100);
		}
	}

}
