package org.dues.payment.gateway;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.Portfolios;
import org.dues.payment.LinkPayments;
import org.dues.payment.LinkPurpose;
import org.dues.payment.LinkStatus;
import org.dues.payment.NewPaymentLink;
import org.dues.payment.PaymentChannel;
import org.dues.payment.PaymentLinkView;
import org.dues.payment.PaymentLinks;
import org.dues.payment.PaymentManagement;
import org.dues.payment.PaymentStatus;
import org.dues.payment.PaymentView;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.shared.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Razorpay's and Stripe's webhooks through HTTP into the ledger, signed here as the
 * gateways document it.
 */
@IntegrationTest
@TestPropertySource(properties = { "dues.razorpay.key-id=rzp_test_1DP5mmOlF5G5ag",
		"dues.razorpay.key-secret=thisissupersecret", "dues.razorpay.webhook-secret=" + GatewayWebhooksTests.RAZORPAY,
		"dues.stripe.secret-key=sk_test_4eC39HqLyjWDarjtT1zdp7dc",
		"dues.stripe.webhook-secret=" + GatewayWebhooksTests.STRIPE })
class GatewayWebhooksTests {

	static final String RAZORPAY = "razorpay-webhook-secret";

	static final String STRIPE = "whsec_stripe_endpoint";

	@Autowired
	Portfolios portfolios;

	@Autowired
	MockMvc mvc;

	@Autowired
	PaymentLinks links;

	@Autowired
	LinkPayments attempts;

	@Autowired
	PaymentManagement payments;

	@Autowired
	Accounts accounts;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	AccountView indian;

	PaymentLinkView link;

	@BeforeEach
	void aLinkForTheOverdue() {
		this.indian = this.portfolios.placed(this.portfolios.indianNbfc(), "10000", "1200", "500", "3000",
				LocalDate.of(2026, 10, 1));
		this.link = this.links.create(this.indian.id(), NewPaymentLink.of(LinkPurpose.OVERDUE), "tester");
	}

	ResultActions razorpay(String eventId, String body, String signature) throws Exception {
		return this.mvc.perform(post("/webhooks/razorpay").contentType(MediaType.APPLICATION_JSON)
			.header("X-Razorpay-Signature", signature)
			.header("x-razorpay-event-id", eventId)
			.content(body));
	}

	ResultActions razorpay(String eventId, String body) throws Exception {
		return razorpay(eventId, body, Hmac.razorpay(RAZORPAY, body));
	}

	String recorded(String eventId) {
		return this.jdbc
			.sql("SELECT string_agg(status || ':' || coalesce(detail, ''), '|' ORDER BY received_at) "
					+ "FROM payment_webhook_events WHERE event_id = :id")
			.param("id", eventId)
			.query(String.class)
			.single();
	}

	@Test
	void aCaptureIsPostedOnceThroughTheLinkAndARefundReversesIt() throws Exception {
		String paid = RazorpayPayloads.linkPaid(this.link.reference(), "pay_KBnbPMxTL9Ag4I", 300000, "upi");
		String captured = """
				{"entity":"event","event":"payment.captured","payload":{"payment":{"entity":{
				 "id":"pay_KBnbPMxTL9Ag4I","amount":300000,"currency":"INR","status":"captured","method":"upi",
				 "notes":{"link_reference":"%s"}}}},"created_at":1764150300}""".formatted(this.link.reference());

		razorpay("KBnbQ3xSOsUjfB", paid).andExpect(status().isOk());
		razorpay("KBnbQ3xSOsUjfB", paid).andExpect(status().isOk());
		razorpay("KBnbQ3xSOsUjfC", captured).andExpect(status().isOk());

		List<PaymentView> posted = this.payments.ofAccount(this.indian.id());
		assertThat(posted).hasSize(1);
		assertThat(posted.get(0).reference()).isEqualTo("pay_KBnbPMxTL9Ag4I");
		assertThat(posted.get(0).channel()).isEqualTo(PaymentChannel.UPI);
		assertThat(posted.get(0).recordedBy()).isEqualTo("gateway:razorpay");
		PaymentLinkView after = this.links.get(this.indian.id(), this.link.id());
		assertThat(after.status()).isEqualTo(LinkStatus.PAID);
		assertThat(after.paidAmount()).isEqualTo(Money.of("3000.00", "INR"));
		assertThat(this.accounts.get(this.indian.id()).overdueAmount().isZero()).isTrue();
		assertThat(recorded("KBnbQ3xSOsUjfB")).isEqualTo("PROCESSED:");

		String refund = RazorpayPayloads.refundProcessed("pay_KBnbPMxTL9Ag4I", 300000);
		razorpay("FP8QHiV938haTz", refund).andExpect(status().isOk());
		razorpay("FP8QHiV938haTz", refund).andExpect(status().isOk());

		PaymentView reversed = this.payments.ofAccount(this.indian.id()).get(0);
		assertThat(reversed.status()).isEqualTo(PaymentStatus.REVERSED);
		assertThat(reversed.reversalReason()).isEqualTo("refunded at Razorpay (rfnd_FP8QHiV938haTz)");
		assertThat(this.accounts.get(this.indian.id()).balances().total()).isEqualTo(Money.of("11700.00", "INR"));
		assertThat(this.attempts.attempts(this.link.id())).extracting(LinkPayments.LinkAttempt::outcome)
			.containsExactly("CAPTURED", "REFUNDED");
	}

	@Test
	void aBadSignatureIs401AndRecordedAndChangesNothing() throws Exception {
		String paid = RazorpayPayloads.linkPaid(this.link.reference(), "pay_BADSIG0000001", 300000, "card");

		razorpay("evt_bad_sig", paid, Hmac.razorpay("not-the-secret", paid)).andExpect(status().isUnauthorized());

		assertThat(recorded("evt_bad_sig")).isEqualTo("REFUSED:X-Razorpay-Signature does not verify");
		assertThat(this.payments.ofAccount(this.indian.id())).isEmpty();
	}

	@Test
	void anUnknownLinkOrAnotherCurrencyIsRecordedWithItsReasonAndNothingIsPosted() throws Exception {
		String unknown = RazorpayPayloads.linkPaid("ZZZZZZZZZZ", "pay_UNKNOWN000001", 300000, "upi");
		String dollars = RazorpayPayloads.linkPaid(this.link.reference(), "pay_DOLLARS000001", 300000, "card")
			.replace("\"currency\":\"INR\"", "\"currency\":\"USD\"");

		razorpay("evt_unknown", unknown).andExpect(status().isOk());
		razorpay("evt_dollars", dollars).andExpect(status().isOk());

		assertThat(recorded("evt_unknown")).isEqualTo("FAILED:no payment link has the reference ZZZZZZZZZZ");
		assertThat(recorded("evt_dollars")).startsWith("FAILED:").contains("USD");
		assertThat(this.payments.ofAccount(this.indian.id())).isEmpty();
		assertThat(this.links.get(this.indian.id(), this.link.id()).paidAmount().isZero()).isTrue();
	}

	@Test
	void aFailedPaymentIsAnAttemptOnTheLinkAndNothingIsPosted() throws Exception {
		razorpay("evt_failed", RazorpayPayloads.paymentFailed(this.link.reference(), "pay_FAILED00000001", 300000))
			.andExpect(status().isOk());

		assertThat(this.payments.ofAccount(this.indian.id())).isEmpty();
		assertThat(this.attempts.attempts(this.link.id())).singleElement()
			.satisfies((a) -> assertThat(a.reason()).isEqualTo("Payment processing failed because of incorrect OTP"));
		assertThat(this.links.get(this.indian.id(), this.link.id()).status()).isEqualTo(LinkStatus.ACTIVE);
	}

	@Test
	void stripesCompletedSessionPostsAndADisputeReversesWithinTheTimestampTolerance() throws Exception {
		AccountView american = this.portfolios.overdue(this.portfolios.usIssuer(), 40, "1234.50");
		PaymentLinkView dollars = this.links.create(american.id(), NewPaymentLink.of(LinkPurpose.OVERDUE), "tester");
		String completed = StripePayloads.sessionCompleted("evt_1NG8Du2eZvKYlo2CUI79vXWy", dollars.reference(),
				"pi_3MtwBwLkdIwHu7ix28a3tqPa", 123450, "usd");
		long now = this.clock.instant().getEpochSecond();

		stripe(Hmac.stripe(STRIPE, now - 301, completed), completed).andExpect(status().isUnauthorized());
		assertThat(this.payments.ofAccount(american.id())).isEmpty();
		stripe(Hmac.stripe(STRIPE, now - 5, completed), completed).andExpect(status().isOk());

		PaymentView posted = this.payments.ofAccount(american.id()).get(0);
		assertThat(posted.reference()).isEqualTo("pi_3MtwBwLkdIwHu7ix28a3tqPa");
		assertThat(posted.channel()).isEqualTo(PaymentChannel.CARD);
		assertThat(this.links.get(american.id(), dollars.id()).status()).isEqualTo(LinkStatus.PAID);

		String dispute = StripePayloads.disputeCreated("evt_dispute_1", "pi_3MtwBwLkdIwHu7ix28a3tqPa", 123450, "usd");
		stripe(Hmac.stripe(STRIPE, now, dispute), dispute).andExpect(status().isOk());

		assertThat(this.payments.ofAccount(american.id()).get(0).reversalReason())
			.isEqualTo("chargeback at Stripe: fraudulent");
	}

	ResultActions stripe(String signature, String body) throws Exception {
		return this.mvc.perform(post("/webhooks/stripe").contentType(MediaType.APPLICATION_JSON)
			.header("Stripe-Signature", signature)
			.content(body));
	}

	static Map<String, String> none() {
		return Map.of();
	}

}
