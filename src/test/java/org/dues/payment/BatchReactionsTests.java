package org.dues.payment;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.Portfolios;
import org.dues.TestAgents;
import org.dues.arrangement.ArrangementManagement;
import org.dues.arrangement.ArrangementStatus;
import org.dues.arrangement.NewArrangement;
import org.dues.compliance.Channel;
import org.dues.compliance.ConsentKind;
import org.dues.compliance.ContactPreferences;
import org.dues.identity.Role;
import org.dues.messaging.MessagePurpose;
import org.dues.messaging.MessageStatus;
import org.dues.messaging.MessageView;
import org.dues.messaging.Messages;
import org.dues.messaging.NewMessage;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.dues.shared.Money;
import org.dues.work.Dispositions;
import org.dues.work.NextAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The listeners of a batch of payments ({@link PaymentsPosted}, {@link ReceiptsIssued})
 * do for each payment what they do for a single one, reading and writing a part of the
 * batch at a time: the payment credited to the agent who earned it, the promise it keeps
 * kept, the collection messages of an account it clears cancelled, the receipt sent by
 * email with its PDF where the customer agreed, else by SMS; and the same events
 * delivered again change nothing.
 */
@IntegrationTest
@ExtendWith(MutableClock.BackToStart.class)
class BatchReactionsTests {

	@Autowired
	Portfolios portfolios;

	@Autowired
	PaymentBatch batch;

	@Autowired
	TestAgents agents;

	@Autowired
	NextAccount next;

	@Autowired
	ArrangementManagement arrangements;

	@Autowired
	ContactPreferences preferences;

	@Autowired
	Messages messages;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void eachPaymentOfABatchGetsWhatASinglePaymentGetsAndARedeliveryNothingMore() {
		this.agents.named("batch-owner", "Agent Owner", "batch-secret", Role.AGENT, "en");
		this.agents.named("batch-taker", "Agent Taker", "batch-secret", Role.AGENT, "en");
		CreditorView nbfc = this.portfolios.indianNbfc();
		LocalDate due = LocalDate.of(2026, 10, 1);
		Map<String, String> row = Portfolios.row(nbfc, "20000");
		row.put("email", "batch." + row.get("account_ref").toLowerCase() + "@example.in");
		AccountView emailed = this.portfolios.place(nbfc, row);
		this.preferences.consent(emailed.customerId(), ConsentKind.ELECTRONIC_DELIVERY, List.of(), null, null,
				"agreed to receipts by email", "tests");
		AccountView owned = this.portfolios.placed(nbfc, "10000", "0", "0", "3000", due);
		this.next.assign(owned.id(), "batch-owner", "lead");
		AccountView promised = this.portfolios.placed(nbfc, "9000", "0", "0", "2000", due);
		this.arrangements.promise(promised.id(), new NewArrangement.Promise(Money.of("1500.00", "INR"),
				LocalDate.now(this.clock).plusDays(5), null, null), Dispositions.agent("batch-taker"));
		AccountView cleared = this.portfolios.placed(nbfc, "8000", "0", "0", "1000", due);
		MessageView reminder = this.messages.queue(new NewMessage(cleared.id(), Channel.SMS, "reminder", null, null,
				null, null, null, "batch-reminder-" + cleared.id()), "tests");
		assertThat(reminder.status()).isEqualTo(MessageStatus.QUEUED);

		LocalDate today = LocalDate.now(this.clock);
		List<PaymentBatch.Item> items = List.of(item(emailed, "2500.00", "B-MAIL", today),
				item(owned, "700.00", "B-OWNED", today), item(promised, "1500.00", "B-PROMISE", today),
				item(cleared, "1000.00", "B-CLEARED", today));
		List<PaymentBatch.Outcome> outcomes = this.transactions
			.execute((status) -> this.batch.post(nbfc, items, "bank-statement"));
		assertThat(outcomes).allSatisfy((o) -> assertThat(o.created()).isTrue());
		UUID batchId = this.jdbc.sql("SELECT batch_id FROM payment_payments WHERE id = :id")
			.param("id", outcomes.get(0).payment().value())
			.query(UUID.class)
			.single();
		awaitListeners();

		assertThat(credit(outcomes.get(1))).isEqualTo("batch-owner ACCOUNT_HOLDER");
		assertThat(credit(outcomes.get(2))).isEqualTo("batch-taker ARRANGEMENT_TAKER");
		assertThat(credit(outcomes.get(0))).isNull();
		assertThat(credits()).isEqualTo(4);
		assertThat(this.arrangements.ofAccount(promised.id()))
			.anySatisfy((p) -> assertThat(p.status()).isEqualTo(ArrangementStatus.KEPT));
		assertThat(this.messages.get(reminder.id()).status()).isEqualTo(MessageStatus.CANCELLED);
		MessageView mail = receiptOf(emailed);
		assertThat(mail.channel()).isEqualTo(Channel.EMAIL);
		assertThat(mail.body()).contains("₹2,500.00");
		assertThat(letters(mail)).isEqualTo(1);
		MessageView sms = receiptOf(owned);
		assertThat(sms.channel()).isEqualTo(Channel.SMS);
		assertThat(sms.body()).contains("₹700.00").contains(receiptNumber(outcomes.get(1)));
		assertThat(receipts()).isEqualTo(4);

		// the same events again: nothing more
		this.transactions.executeWithoutResult((status) -> {
			this.events.publishEvent(new PaymentsPosted(batchId, 0, 4));
			this.events.publishEvent(new ReceiptsIssued(batchId, 0, 4));
		});
		awaitListeners();
		assertThat(credits()).isEqualTo(4);
		assertThat(receipts()).isEqualTo(4);
		assertThat(letters(mail)).isEqualTo(1);
		assertThat(credit(outcomes.get(1))).isEqualTo("batch-owner ACCOUNT_HOLDER");
	}

	private static PaymentBatch.Item item(AccountView account, String amount, String reference, LocalDate on) {
		return new PaymentBatch.Item(account.id(), Money.of(amount, "INR"), PaymentReferences.bank(reference), on,
				null);
	}

	private void awaitListeners() {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
				.query(Long.class)
				.single() == 0);
	}

	private String credit(PaymentBatch.Outcome outcome) {
		return this.jdbc.sql("""
				SELECT agent || ' ' || credited_as FROM reporting_payment_credits
				WHERE payment_id = :id AND kind = 'PAYMENT'""")
			.param("id", outcome.payment().value())
			.query((rs, n) -> java.util.Optional.ofNullable(rs.getString(1)))
			.single()
			.orElse(null);
	}

	private long credits() {
		return this.jdbc.sql("""
				SELECT count(*) FROM reporting_payment_credits c JOIN payment_payments p ON p.id = c.payment_id
				WHERE p.reference LIKE 'BANK:B-%'""").query(Long.class).single();
	}

	private long receipts() {
		return this.jdbc
			.sql("""
					SELECT count(*) FROM messaging_messages m JOIN payment_payments p ON m.dedup_key = 'payment-receipt:' || p.id
					WHERE p.reference LIKE 'BANK:B-%'""")
			.query(Long.class)
			.single();
	}

	private long letters(MessageView message) {
		return this.jdbc.sql("SELECT count(*) FROM messaging_letters WHERE message_id = :m")
			.param("m", message.id())
			.query(Long.class)
			.single();
	}

	private String receiptNumber(PaymentBatch.Outcome outcome) {
		return this.jdbc.sql("SELECT coalesce(book_number, system_number) FROM payment_receipts WHERE payment_id = :p")
			.param("p", outcome.payment().value())
			.query(String.class)
			.single();
	}

	private MessageView receiptOf(AccountView account) {
		return this.messages.ofAccount(account.id(), 10)
			.stream()
			.filter((m) -> m.purpose() == MessagePurpose.PAYMENT_RECEIPT)
			.findFirst()
			.orElseThrow();
	}

}
