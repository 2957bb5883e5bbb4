package org.dues.payment;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.jayway.jsonpath.JsonPath;
import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.Portfolios;
import org.dues.TestAgents;
import org.dues.customer.CustomerManagement;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Payment links through the API: amounts, currencies, expiry, cancelling, the creditor's
 * settings.
 */
@IntegrationTest
class PaymentLinksTests {

	@Autowired
	TestAgents agents;

	@Autowired
	Portfolios portfolios;

	@Autowired
	MockMvc mvc;

	@Autowired
	PaymentLinks links;

	@Autowired
	PaymentLinkSettings settings;

	@Autowired
	MutableClock clock;

	@Autowired
	CustomerManagement customers;

	CreditorView nbfc;

	AccountView account;

	@BeforeEach
	void placeAnAccount() {
		this.agents.pooledAgent("agent-t", "agent-secret");
		this.nbfc = this.portfolios.indianNbfc();
		this.settings.set(this.nbfc.id(), new LinkSettings("testnbfc@okaxis", "Test NBFC Ltd", 7, null), "tester");
		this.account = this.portfolios.placed(this.nbfc, "10000", "1200", "500", "3000", LocalDate.of(2026, 10, 1));
	}

	ResultActions create(String json) throws Exception {
		return this.mvc.perform(post("/api/v1/accounts/{id}/payment-links", this.account.id().value())
			.with(httpBasic("agent-t", "agent-secret"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json));
	}

	@Test
	void aLinkForTheOverdueByDefaultWithItsPublicUrlAndUpiIntent() throws Exception {
		String body = create("{}").andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("ACTIVE"))
			.andExpect(jsonPath("$.purpose").value("OVERDUE"))
			.andExpect(jsonPath("$.amount.amount").value("3000.00"))
			.andExpect(jsonPath("$.amount.currency").value("INR"))
			.andExpect(jsonPath("$.url").value(startsWith("http://localhost:")))
			// the end of the seventh day in Kolkata
			.andExpect(jsonPath("$.expiresAt").value("2026-12-03T18:30:00Z"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String reference = JsonPath.read(body, "$.reference");
		String url = JsonPath.read(body, "$.url");

		assertThat(reference).matches("[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{10}");
		assertThat(url).matches(".*/pay/[A-Za-z0-9_-]{22}");
		assertThat((String) JsonPath.read(body, "$.upiUri"))
			.isEqualTo("upi://pay?pa=testnbfc@okaxis&pn=Test%20NBFC%20Ltd" + "&am=3000.00&cu=INR&tr=" + reference
					+ "&tn=Payment%20" + reference);
		this.mvc
			.perform(get("/api/v1/accounts/{id}/payment-links", this.account.id().value())
				.with(httpBasic("agent-t", "agent-secret")))
			.andExpect(jsonPath("$[0].reference").value(reference));
	}

	@Test
	void theBalanceAndAChosenAmountWithinBounds() throws Exception {
		create("""
				{"purpose": "BALANCE"}""").andExpect(status().isCreated())
			.andExpect(jsonPath("$.amount.amount").value("11700.00"));
		create("""
				{"purpose": "CUSTOM", "amount": "5000"}""").andExpect(status().isCreated())
			.andExpect(jsonPath("$.minAmount.amount").value("500.00"))
			.andExpect(jsonPath("$.upiUri").value(org.hamcrest.Matchers.containsString("&am=5000.00&mam=500.00&")));
		create("""
				{"purpose": "SETTLEMENT", "amount": "8000.00", "minAmount": "2000.00", "singleUse": false}""")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.singleUse").value(false));
	}

	@Test
	void refusesAmountsWithTooManyPlacesInAnotherCurrencyOrAboveTheBalanceAndChangesNothing() throws Exception {
		create("""
				{"amount": "100.125"}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("amount"));
		create("""
				{"amount": "100.00", "currency": "USD"}""").andExpect(status().isBadRequest());
		create("""
				{"amount": "0"}""").andExpect(status().isBadRequest());
		create("""
				{"amount": "20000.00"}""").andExpect(status().isBadRequest());
		create("""
				{"purpose": "SETTLEMENT"}""").andExpect(status().isBadRequest());
		create("""
				{"amount": "100.00", "minAmount": "200.00"}""").andExpect(status().isBadRequest());
		create("""
				{"expiresOn": "2026-11-25"}""").andExpect(status().isBadRequest());

		assertThat(this.links.ofAccount(this.account.id())).isEmpty();
	}

	@Test
	void aLinkPastItsLastDayReadsExpiredAndACancelledOneCancelled() throws Exception {
		PaymentLinkView today = this.links.create(this.account.id(),
				new NewPaymentLink(LinkPurpose.OVERDUE, null, null, LocalDate.of(2026, 11, 26), true), "tester");
		PaymentLinkView other = this.links.create(this.account.id(), NewPaymentLink.of(LinkPurpose.OVERDUE), "tester");
		try {
			// 23:59 in Kolkata on its last day, then midnight
			this.clock.set(java.time.Instant.parse("2026-11-26T18:29:00Z"));
			assertThat(this.links.get(this.account.id(), today.id()).status()).isEqualTo(LinkStatus.ACTIVE);
			this.clock.advance(Duration.ofMinutes(1));
			assertThat(this.links.get(this.account.id(), today.id()).status()).isEqualTo(LinkStatus.EXPIRED);
		}
		finally {
			this.clock.set(IntegrationTest.START);
		}
		this.mvc
			.perform(post("/api/v1/accounts/{id}/payment-links/{link}/cancellation", this.account.id().value(),
					other.id().value())
				.with(httpBasic("agent-t", "agent-secret")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CANCELLED"))
			.andExpect(jsonPath("$.upiUri").doesNotExist());
	}

	@Test
	void theCreditorsSettingsAreForAdministratorsAndManagers() throws Exception {
		this.mvc
			.perform(get("/api/v1/creditors/{code}/payment-link-settings", this.nbfc.code())
				.with(httpBasic("agent-t", "agent-secret")))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(put("/api/v1/creditors/{code}/payment-link-settings", this.nbfc.code())
				.with(httpBasic("admin", "admin-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"upiVpa": "not an address", "upiPayeeName": "X", "defaultExpiryDays": 7}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("upiVpa"));
		this.mvc
			.perform(put("/api/v1/creditors/{code}/payment-link-settings", this.nbfc.code())
				.with(httpBasic("admin", "admin-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"upiVpa": "nbfc.collect@okicici", "upiPayeeName": "Test NBFC", "defaultExpiryDays": 3,
						 "minPercent": 25}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.defaultExpiryDays").value(3));

		assertThat(this.links
			.create(this.account.id(),
					new NewPaymentLink(LinkPurpose.CUSTOM, org.dues.shared.Money.of("1000.00", "INR"), null, null,
							true),
					"tester")
			.minAmount()).isEqualTo(org.dues.shared.Money.of("250.00", "INR"));
	}

	/** The QR code's text, as a phone's camera would read it. */
	static String decode(byte[] png) throws Exception {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		return new QRCodeReader()
			.decode(new BinaryBitmap(
					new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))),
					Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.FALSE))
			.getText();
	}

}
