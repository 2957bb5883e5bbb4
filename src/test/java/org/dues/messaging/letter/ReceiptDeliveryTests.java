package org.dues.messaging.letter;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.Portfolios;
import org.dues.compliance.Channel;
import org.dues.compliance.ConsentKind;
import org.dues.compliance.ContactHolds;
import org.dues.compliance.ContactPreferences;
import org.dues.compliance.HoldType;
import org.dues.messaging.Dispatcher;
import org.dues.messaging.MessagePurpose;
import org.dues.messaging.MessageStatus;
import org.dues.messaging.MessageView;
import org.dues.messaging.Messages;
import org.dues.payment.NewPayment;
import org.dues.payment.PaymentChannel;
import org.dues.payment.PaymentManagement;
import org.dues.payment.PaymentView;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.dues.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A posted payment's receipt goes to the customer through the outbox, as a receipt (not a
 * collection message), and the gate decides it as it leaves.
 */
@IntegrationTest
@ExtendWith(MutableClock.BackToStart.class)
class ReceiptDeliveryTests {

	@Autowired
	Portfolios portfolios;

	@Autowired
	PaymentManagement payments;

	@Autowired
	Messages messages;

	@Autowired
	Dispatcher dispatcher;

	@Autowired
	ContactPreferences preferences;

	@Autowired
	ContactHolds holds;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Test
	void withElectronicDeliveryConsentTheReceiptGoesByEmailWithItsPdfEvenUnderACeaseRequest() {
		CreditorView nbfc = this.portfolios.indianNbfc();
		Map<String, String> row = Portfolios.row(nbfc, "20000");
		row.put("email", "receipt." + row.get("account_ref").toLowerCase() + "@example.in");
		row.put("language", "hi");
		AccountView account = this.portfolios.place(nbfc, row);
		this.preferences.consent(account.customerId(), ConsentKind.ELECTRONIC_DELIVERY, List.of(), null, null,
				"agreed to receipts by email", "tests");
		this.holds.place(account.customerId(), List.of(), HoldType.CEASE, null, null, "asked us to stop", "tests");
		PaymentView payment = pay(account, "2500.00", "UPI-MAIL-1");

		MessageView queued = receiptOf(account);
		assertThat(queued.channel()).isEqualTo(Channel.EMAIL);
		assertThat(queued.language()).isEqualTo("hi");
		assertThat(queued.body()).contains("₹2,500.00").contains(payment.receiptNumber());
		byte[] pdf = this.jdbc
			.sql("SELECT pdf FROM messaging_letters WHERE message_id = :m AND template = 'payment-receipt'")
			.param("m", queued.id())
			.query(byte[].class)
			.single();
		assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
		// the gate lets a receipt go although collection has stopped
		assertThat(this.dispatcher.dispatch(queued.id())).isIn(MessageStatus.SENT, MessageStatus.DELIVERED);
		assertThat(payment.receiptNumber()).isNotNull();
	}

	@Test
	void withoutConsentItGoesBySmsAndTheGateHoldsItOutsideTheContactHours() {
		CreditorView nbfc = this.portfolios.indianNbfc();
		AccountView account = this.portfolios.placed(nbfc, "20000", "0", "0", "5000", LocalDate.of(2026, 10, 1));
		// 22:30 in Kolkata
		this.clock.set(Instant.parse("2026-11-26T17:00:00Z"));
		PaymentView payment = pay(account, "1500.00", "UPI-SMS-1");

		MessageView queued = receiptOf(account);
		assertThat(queued.channel()).isEqualTo(Channel.SMS);
		assertThat(queued.body()).contains("₹1,500.00").contains("₹18,500.00").contains(payment.receiptNumber());
		assertThat(this.dispatcher.dispatch(queued.id())).isEqualTo(MessageStatus.QUEUED);
		MessageView held = this.messages.get(queued.id());
		assertThat(held.history()).last().satisfies((e) -> assertThat(e.detail()).startsWith("held back until"));
		// a repeated event queues nothing more: one receipt message per payment
		assertThat(this.messages.ofAccount(account.id(), 10)).hasSize(1);
	}

	private MessageView receiptOf(AccountView account) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.messages.ofAccount(account.id(), 10)
				.stream()
				.anyMatch((m) -> m.purpose() == MessagePurpose.PAYMENT_RECEIPT));
		return this.messages.ofAccount(account.id(), 10)
			.stream()
			.filter((m) -> m.purpose() == MessagePurpose.PAYMENT_RECEIPT)
			.findFirst()
			.orElseThrow();
	}

	private PaymentView pay(AccountView account, String amount, String reference) {
		return this.payments
			.post(account.id(), new NewPayment(Money.of(amount, "INR"), PaymentChannel.UPI, reference, null), "tester")
			.payment();
	}

}
