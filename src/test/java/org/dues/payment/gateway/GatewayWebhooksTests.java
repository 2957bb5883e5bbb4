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
	void partialRefundsReverseExactlyTheirAmountOnceEachAndNeverMoreThanThePayment() throws Exception {
		String paid = RazorpayPayloads.linkPaid(this.link.reference(), "pay_PART00000001", 300000, "upi");
		razorpay("evt_part_paid", paid).andExpect(status().isOk());
		PaymentView payment = this.payments.ofAccount(this.indian.id()).get(0);
		assertThat(this.accounts.get(this.indian.id()).balances().total()).isEqualTo(Money.of("8700.00", "INR"));

		String first = RazorpayPayloads.partialRefund("rfnd_PART0000001", "pay_PART00000001", 300000, 100000, 100000);
		razorpay("evt_part_r1", first).andExpect(status().isOk());
		razorpay("evt_part_r1", first).andExpect(status().isOk());
		// the same refund told again as payment.refunded, under its own event id
		razorpay("evt_part_p1", RazorpayPayloads.paymentRefunded("pay_PART00000001", 300000, 100000))
			.andExpect(status().isOk());

		PaymentView once = this.payments.get(this.indian.id(), payment.id());
		assertThat(once.status()).isEqualTo(PaymentStatus.POSTED);
		assertThat(once.refunded()).isEqualTo(Money.of("1000.00", "INR"));
		assertThat(once.remaining()).isEqualTo(Money.of("2000.00", "INR"));
		AccountView afterOne = this.accounts.get(this.indian.id());
		assertThat(afterOne.balances().total()).isEqualTo(Money.of("9700.00", "INR"));
		assertThat(afterOne.overdueAmount()).isEqualTo(Money.of("1000.00", "INR"));

		razorpay("evt_part_r2",
				RazorpayPayloads.partialRefund("rfnd_PART0000002", "pay_PART00000001", 300000, 50000, 150000))
			.andExpect(status().isOk());
		assertThat(this.payments.get(this.indian.id(), payment.id()).refunded()).isEqualTo(Money.of("1500.00", "INR"));
		assertThat(this.accounts.get(this.indian.id()).balances().total()).isEqualTo(Money.of("10200.00", "INR"));

		// more than the payment has left is refused and changes nothing
		razorpay("evt_part_r3",
				RazorpayPayloads.partialRefund("rfnd_PART0000003", "pay_PART00000001", 300000, 200000, 350000))
			.andExpect(status().isOk());
		assertThat(recorded("evt_part_r3")).startsWith("FAILED:").contains("more than the payment of");
		assertThat(this.payments.get(this.indian.id(), payment.id()).refunded()).isEqualTo(Money.of("1500.00", "INR"));

		razorpay("evt_part_r4",
				RazorpayPayloads.partialRefund("rfnd_PART0000004", "pay_PART00000001", 300000, 150000, 300000))
			.andExpect(status().isOk());
		PaymentView whole = this.payments.get(this.indian.id(), payment.id());
		assertThat(whole.status()).isEqualTo(PaymentStatus.REVERSED);
		assertThat(whole.refunded()).isEqualTo(Money.of("3000.00", "INR"));
		assertThat(whole.remaining().isZero()).isTrue();
		AccountView back = this.accounts.get(this.indian.id());
		assertThat(back.balances().total()).isEqualTo(Money.of("11700.00", "INR"));
		assertThat(back.overdueAmount()).isEqualTo(Money.of("3000.00", "INR"));
		assertThat(this.attempts.attempts(this.link.id())).extracting(LinkPayments.LinkAttempt::outcome)
			.containsExactly("CAPTURED", "REFUNDED", "REFUNDED", "REFUNDED");
		// the ledger: the payment and three reversals of exactly the refunded amounts
		assertThat(this.accounts.ledger(this.indian.id())
			.stream()
			.filter((e) -> e.type() == org.dues.portfolio.EntryType.REVERSAL)
			.map((e) -> e.amounts().total()))
			.containsExactly(Money.of("1000.00", "INR"), Money.of("500.00", "INR"), Money.of("1500.00", "INR"));
	}

	@Test
	void stripesPartialRefundCountsTheTotalRefundedOnce() throws Exception {
		AccountView american = this.portfolios.overdue(this.portfolios.usIssuer(), 40, "1234.50");
		PaymentLinkView dollars = this.links.create(american.id(), NewPaymentLink.of(LinkPurpose.OVERDUE), "tester");
		String completed = StripePayloads.sessionCompleted("evt_part_s0", dollars.reference(),
				"pi_3PartRefund000000000001", 123450, "usd");
		long now = this.clock.instant().getEpochSecond();
		stripe(Hmac.stripe(STRIPE, now, completed), completed).andExpect(status().isOk());
		Money before = this.accounts.get(american.id()).balances().total();

		String first = StripePayloads.chargePartlyRefunded("evt_part_s1", "pi_3PartRefund000000000001", 123450, 20000,
				"re_part_1", "usd");
		stripe(Hmac.stripe(STRIPE, now, first), first).andExpect(status().isOk());
		String second = StripePayloads.chargePartlyRefunded("evt_part_s2", "pi_3PartRefund000000000001", 123450, 30050,
				"re_part_2", "usd");
		stripe(Hmac.stripe(STRIPE, now, second), second).andExpect(status().isOk());
		// the first event delivered again late: its total is counted already
		String late = StripePayloads.chargePartlyRefunded("evt_part_s1b", "pi_3PartRefund000000000001", 123450, 20000,
				"re_part_1", "usd");
		stripe(Hmac.stripe(STRIPE, now, late), late).andExpect(status().isOk());

		PaymentView payment = this.payments.ofAccount(american.id()).get(0);
		assertThat(payment.status()).isEqualTo(PaymentStatus.POSTED);
		assertThat(payment.refunded()).isEqualTo(Money.of("300.50", "USD"));
		assertThat(payment.remaining()).isEqualTo(Money.of("934.00", "USD"));
		assertThat(this.accounts.get(american.id()).balances().total())
			.isEqualTo(before.plus(Money.of("300.50", "USD")));

		// a chargeback of the whole after that reverses what remains, not the whole again
		String dispute = StripePayloads.disputeCreated("evt_part_s3", "pi_3PartRefund000000000001", 123450, "usd");
		stripe(Hmac.stripe(STRIPE, now, dispute), dispute).andExpect(status().isOk());
		assertThat(this.payments.ofAccount(american.id()).get(0).status()).isEqualTo(PaymentStatus.REVERSED);
		assertThat(this.accounts.get(american.id()).balances().total())
			.isEqualTo(before.plus(Money.of("1234.50", "USD")));
	}

	@Test
	void aChargebackOfPartOfThePaymentGivesBackThatPartOncePerDispute() throws Exception {
		AccountView american = this.portfolios.overdue(this.portfolios.usIssuer(), 40, "1234.50");
		PaymentLinkView dollars = this.links.create(american.id(), NewPaymentLink.of(LinkPurpose.OVERDUE), "tester");
		String completed = StripePayloads.sessionCompleted("evt_cb_0", dollars.reference(),
				"pi_3PartDispute00000000001", 123450, "usd");
		long now = this.clock.instant().getEpochSecond();
		stripe(Hmac.stripe(STRIPE, now, completed), completed).andExpect(status().isOk());
		Money before = this.accounts.get(american.id()).balances().total();

		// the customer disputes $200.00 of the $1,234.50; the same dispute told twice
		String dispute = StripePayloads.disputeCreated("evt_cb_1", "pi_3PartDispute00000000001", 20000, "usd");
		stripe(Hmac.stripe(STRIPE, now, dispute), dispute).andExpect(status().isOk());
		String again = dispute.replace("evt_cb_1", "evt_cb_1b");
		stripe(Hmac.stripe(STRIPE, now, again), again).andExpect(status().isOk());

		PaymentView payment = this.payments.ofAccount(american.id()).get(0);
		assertThat(payment.status()).isEqualTo(PaymentStatus.POSTED);
		assertThat(payment.refunded()).isEqualTo(Money.of("200.00", "USD"));
		assertThat(this.accounts.get(american.id()).balances().total())
			.isEqualTo(before.plus(Money.of("200.00", "USD")));
		assertThat(this.attempts.attempts(dollars.id())).filteredOn((a) -> a.outcome().equals("CHARGEBACK"))
			.singleElement()
			.satisfies((a) -> assertThat(a.amount()).isEqualByComparingTo("200.00"));
	}

	@Test
	void aChargebackTheCreditorWinsIsPaidAgainOnceAndALostOneStaysReversed() throws Exception {
		AccountView american = this.portfolios.overdue(this.portfolios.usIssuer(), 40, "1234.50");
		Money owed = this.accounts.get(american.id()).balances().total();
		PaymentLinkView dollars = this.links.create(american.id(), NewPaymentLink.of(LinkPurpose.OVERDUE), "tester");
		String intent = "pi_3WonDispute0000000000001";
		String completed = StripePayloads.sessionCompleted("evt_won_0", dollars.reference(), intent, 123450, "usd");
		long now = this.clock.instant().getEpochSecond();
		stripe(Hmac.stripe(STRIPE, now, completed), completed).andExpect(status().isOk());
		String dispute = StripePayloads.disputeCreated("evt_won_1", intent, 123450, "usd");
		stripe(Hmac.stripe(STRIPE, now, dispute), dispute).andExpect(status().isOk());
		assertThat(this.accounts.get(american.id()).balances().total()).isEqualTo(owed);

		// won: the dispute's closing and its funds coming back both tell of it
		String closed = StripePayloads.disputeLater("evt_won_2", "charge.dispute.closed", intent, 123450, "won");
		String funds = StripePayloads.disputeLater("evt_won_3", "charge.dispute.funds_reinstated", intent, 123450,
				"won");
		stripe(Hmac.stripe(STRIPE, now, closed), closed).andExpect(status().isOk());
		stripe(Hmac.stripe(STRIPE, now, funds), funds).andExpect(status().isOk());

		assertThat(this.payments.ofAccount(american.id())).hasSize(2)
			.anySatisfy((p) -> assertThat(p.status()).isEqualTo(PaymentStatus.REVERSED))
			.anySatisfy((p) -> {
				assertThat(p.reference()).isEqualTo("dispute-won:dp_1MtJUT2eZvKYlo2CNaw2HvEv");
				assertThat(p.status()).isEqualTo(PaymentStatus.POSTED);
				assertThat(p.amount()).isEqualTo(Money.of("1234.50", "USD"));
				assertThat(p.channel()).isEqualTo(PaymentChannel.CARD);
			});
		assertThat(this.accounts.get(american.id()).balances().total())
			.isEqualTo(owed.minus(Money.of("1234.50", "USD")));
		assertThat(this.attempts.attempts(dollars.id())).extracting(LinkPayments.LinkAttempt::outcome)
			.containsExactly("CAPTURED", "CHARGEBACK", "REINSTATED");

		// lost: nothing comes back
		AccountView other = this.portfolios.overdue(this.portfolios.usIssuer(), 40, "500.00");
		PaymentLinkView second = this.links.create(other.id(), NewPaymentLink.of(LinkPurpose.OVERDUE), "tester");
		String intent2 = "pi_3LostDispute000000000001";
		String paid = StripePayloads.sessionCompleted("evt_lost_0", second.reference(), intent2, 50000, "usd");
		stripe(Hmac.stripe(STRIPE, now, paid), paid).andExpect(status().isOk());
		String lostDispute = StripePayloads.disputeCreated("evt_lost_1", intent2, 50000, "usd");
		stripe(Hmac.stripe(STRIPE, now, lostDispute), lostDispute).andExpect(status().isOk());
		String lost = StripePayloads.disputeLater("evt_lost_2", "charge.dispute.closed", intent2, 50000, "lost");
		stripe(Hmac.stripe(STRIPE, now, lost), lost).andExpect(status().isOk());
		assertThat(this.payments.ofAccount(other.id())).singleElement()
			.satisfies((p) -> assertThat(p.status()).isEqualTo(PaymentStatus.REVERSED));
	}

	@Test
	void razorpaysWonDisputeOfPartOfAPaymentPaysThatPartAgain() throws Exception {
		razorpay("evt_rzp_won_0",
				RazorpayPayloads.linkPaid(this.link.reference(), "pay_WONDISPUTE0001", 300000, "card"))
			.andExpect(status().isOk());
		Money afterPayment = this.accounts.get(this.indian.id()).balances().total();
		String won = RazorpayPayloads.dispute("payment.dispute.won", "disp_Won0000000001", "pay_WONDISPUTE0001", 300000,
				100000);
		// the win told before its chargeback: refused as failed, so Razorpay sends it
		// again
		razorpay("evt_rzp_won_2", won).andExpect(status().isInternalServerError());
		assertThat(recorded("evt_rzp_won_2")).startsWith("FAILED:").contains("before any chargeback");
		assertThat(this.payments.ofAccount(this.indian.id())).hasSize(1);
		// ₹1,000 of the ₹3,000 disputed, then won
		razorpay("evt_rzp_won_1", RazorpayPayloads.dispute("payment.dispute.created", "disp_Won0000000001",
				"pay_WONDISPUTE0001", 300000, 100000))
			.andExpect(status().isOk());
		assertThat(this.accounts.get(this.indian.id()).balances().total())
			.isEqualTo(afterPayment.plus(Money.of("1000.00", "INR")));
		razorpay("evt_rzp_won_2", won).andExpect(status().isOk());
		razorpay("evt_rzp_won_2", won).andExpect(status().isOk());

		assertThat(this.accounts.get(this.indian.id()).balances().total()).isEqualTo(afterPayment);
		assertThat(this.payments.ofAccount(this.indian.id()))
			.filteredOn((p) -> p.reference().equals("dispute-won:disp_Won0000000001"))
			.singleElement()
			.satisfies((p) -> assertThat(p.amount()).isEqualTo(Money.of("1000.00", "INR")));
		// a won dispute of more than the payment, or of more than chargebacks took back
		// and
		// wins have not paid again, is refused with its reason and posts nothing
		String tooMuch = RazorpayPayloads.dispute("payment.dispute.won", "disp_Won0000000002", "pay_WONDISPUTE0001",
				300000, 900000);
		razorpay("evt_rzp_won_3", tooMuch).andExpect(status().isOk());
		assertThat(recorded("evt_rzp_won_3")).startsWith("FAILED:").contains("won dispute");
		String another = RazorpayPayloads.dispute("payment.dispute.won", "disp_Won0000000003", "pay_WONDISPUTE0001",
				300000, 50000);
		razorpay("evt_rzp_won_4", another).andExpect(status().isOk());
		assertThat(recorded("evt_rzp_won_4")).startsWith("FAILED:").contains("chargebacks took back");
		assertThat(this.payments.ofAccount(this.indian.id())).hasSize(2);
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
