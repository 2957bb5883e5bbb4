package org.dues.messaging.letter;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.dues.compliance.Channel;
import org.dues.compliance.ConsentKind;
import org.dues.compliance.ContactPreferences;
import org.dues.customer.CustomerManagement;
import org.dues.customer.CustomerView;
import org.dues.messaging.MessageView;
import org.dues.messaging.Messages;
import org.dues.messaging.NewMessage;
import org.dues.payment.PaymentManagement;
import org.dues.payment.PaymentView;
import org.dues.payment.ReceiptDocuments;
import org.dues.payment.ReceiptIssued;
import org.dues.payment.ReceiptsIssued;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.shared.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a payment's receipt to the customer once its posting commits, through the outbox
 * like every message, so the compliance gate decides it as it leaves. The purpose,
 * {@code PAYMENT_RECEIPT}, is not a collection message: a hold or a cleared overdue does
 * not stop it. By email with the receipt's PDF attached where the customer agreed to
 * electronic delivery ({@link ConsentKind#ELECTRONIC_DELIVERY}) and has an address we may
 * use; else by SMS (the amount and the balance left); else not at all. Queued once per
 * payment (the dedup key), so a redelivered event sends nothing twice.
 */
@Component
class ReceiptDelivery {

	static final String TEMPLATE = "payment-receipt";

	private static final Logger log = LoggerFactory.getLogger(ReceiptDelivery.class);

	private final Messages messages;

	private final Letters letters;

	private final ReceiptDocuments documents;

	private final PaymentManagement payments;

	private final Accounts accounts;

	private final CustomerManagement customers;

	private final ContactPreferences preferences;

	private final Clock clock;

	/**
	 * Each receipt's message in a savepoint: one that cannot be queued (no address we may
	 * use) leaves the listener's transaction usable for the rest of a batch, instead of
	 * marking it rollback-only and failing the batch's 1,000 receipts.
	 */
	private final TransactionTemplate savepoint;

	ReceiptDelivery(Messages messages, Letters letters, ReceiptDocuments documents, PaymentManagement payments,
			Accounts accounts, CustomerManagement customers, ContactPreferences preferences, Clock clock,
			PlatformTransactionManager transactions) {
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.messages = messages;
		this.letters = letters;
		this.documents = documents;
		this.payments = payments;
		this.accounts = accounts;
		this.customers = customers;
		this.preferences = preferences;
		this.clock = clock;
	}

	/** As {@link #on(ReceiptIssued)}, for each receipt of a batch. */
	@ApplicationModuleListener
	void on(ReceiptsIssued issued) {
		this.payments.receipted(issued).forEach(this::on);
	}

	@ApplicationModuleListener
	void on(ReceiptIssued issued) {
		AccountView account = this.accounts.get(issued.account());
		CustomerView customer = this.customers.get(account.customerId());
		PaymentView payment = this.payments.get(issued.account(), issued.payment());
		boolean email = customer.emails().stream().anyMatch(CustomerView.Email::usable) && this.preferences
			.consented(customer.id(), ConsentKind.ELECTRONIC_DELIVERY, account.id().value(), this.clock.instant());
		Channel channel = email ? Channel.EMAIL : Channel.SMS;
		try {
			this.savepoint.executeWithoutResult((status) -> {
				MessageView message = this.messages.queue(new NewMessage(account.id(), channel, TEMPLATE, null, null,
						null, new NewMessage.Facts(payment.amount(), null, null, issued.receiptNumber()), null,
						TEMPLATE + ":" + issued.payment()), NoticeDelivery.BY);
				if (email && !kept(account, message)) {
					ReceiptDocuments.Document receipt = this.documents.of(account.id(), issued.payment());
					this.letters.store(
							new Letters.NewLetter(account.id().value(), customer.id().value(), TEMPLATE,
									receipt.language(), LocalDate.now(this.clock), customer.name(), List.of(),
									new LetterPdf.Rendered(receipt.pdf(), 1), null, message.id(), NoticeDelivery.BY),
							"EMAIL");
				}
			});
		}
		catch (InvalidInputException ex) {
			// no address we may use, or no template: the receipt stays downloadable
			log.debug("No receipt message for payment {}: {}", issued.payment(), ex.getMessage());
		}
	}

	/** Whether the message's PDF is kept already (the event was delivered again). */
	private boolean kept(AccountView account, MessageView message) {
		return this.letters.ofAccount(account.id())
			.stream()
			.filter((l) -> TEMPLATE.equals(l.template()))
			.anyMatch((l) -> this.letters.messageOf(l.id()).filter(message.id()::equals).isPresent());
	}

}
