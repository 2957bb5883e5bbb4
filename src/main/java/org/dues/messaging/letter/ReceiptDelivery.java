package org.dues.messaging.letter;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dues.compliance.Channel;
import org.dues.compliance.ConsentKind;
import org.dues.compliance.ContactPreferences;
import org.dues.customer.CustomerId;
import org.dues.customer.CustomerManagement;
import org.dues.customer.CustomerView;
import org.dues.messaging.MessageBatches;
import org.dues.messaging.MessageView;
import org.dues.messaging.Messages;
import org.dues.messaging.NewMessage;
import org.dues.payment.PaymentId;
import org.dues.payment.PaymentManagement;
import org.dues.payment.PaymentView;
import org.dues.payment.ReceiptDocuments;
import org.dues.payment.ReceiptIssued;
import org.dues.payment.ReceiptsIssued;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
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

	private final MessageBatches batches;

	/**
	 * Each receipt's message in a savepoint: one that cannot be queued (no address we may
	 * use) leaves the listener's transaction usable for the rest of a batch, instead of
	 * marking it rollback-only and failing the batch's 1,000 receipts.
	 */
	private final TransactionTemplate savepoint;

	ReceiptDelivery(Messages messages, Letters letters, ReceiptDocuments documents, PaymentManagement payments,
			Accounts accounts, CustomerManagement customers, ContactPreferences preferences, Clock clock,
			PlatformTransactionManager transactions, MessageBatches batches) {
		this.batches = batches;
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

	/**
	 * As {@link #on(ReceiptIssued)}, for each receipt of a part of a batch: the payments,
	 * accounts, customers and their consents read in bulk and the messages queued
	 * together ({@link MessageBatches#queueAll}, which takes the first address the
	 * customer has not banned rather than asking the gate about each); only the PDFs of
	 * emailed receipts are made one at a time.
	 */
	@ApplicationModuleListener
	void on(ReceiptsIssued issued) {
		List<ReceiptIssued> receipts = this.payments.receipted(issued);
		if (receipts.isEmpty()) {
			return;
		}
		Map<PaymentId, PaymentView> payments = this.payments
			.getAll(receipts.stream().map(ReceiptIssued::payment).toList());
		Map<AccountId, AccountView> accounts = this.accounts
			.getAll(receipts.stream().map(ReceiptIssued::account).distinct().toList());
		Map<CustomerId, CustomerView> customers = this.customers
			.getAll(accounts.values().stream().map(AccountView::customerId).distinct().toList());
		Instant now = this.clock.instant();
		Map<CustomerId, ContactPreferences.Recorded> consents = this.preferences.ofCustomers(customers.values()
			.stream()
			.filter((c) -> c.emails().stream().anyMatch(CustomerView.Email::usable))
			.map(CustomerView::id)
			.toList());
		List<NewMessage> messages = new ArrayList<>(receipts.size());
		List<Boolean> emailed = new ArrayList<>(receipts.size());
		for (ReceiptIssued receipt : receipts) {
			AccountView account = accounts.get(receipt.account());
			CustomerView customer = customers.get(account.customerId());
			ContactPreferences.Recorded recorded = consents.get(customer.id());
			boolean email = recorded != null && recorded.consents()
				.stream()
				.anyMatch((c) -> c.kind() == ConsentKind.ELECTRONIC_DELIVERY && !c.receivedAt().isAfter(now)
						&& (c.accountIds().isEmpty() || c.accountIds().contains(account.id().value()))
						&& (c.until() == null || c.until().isAfter(now))
						&& (c.recording().liftedAt() == null || c.recording().liftedAt().isAfter(now)));
			emailed.add(email);
			messages.add(new NewMessage(account.id(), email ? Channel.EMAIL : Channel.SMS, TEMPLATE, null, null, null,
					new NewMessage.Facts(payments.get(receipt.payment()).amount(), null, null, receipt.receiptNumber()),
					null, TEMPLATE + ":" + receipt.payment()));
		}
		List<@Nullable UUID> queued = this.batches.queueAll(messages, NoticeDelivery.BY, accounts, customers);
		for (int i = 0; i < receipts.size(); i++) {
			UUID message = queued.get(i);
			if (message == null) {
				log.debug("No receipt message for payment {}", receipts.get(i).payment());
			}
			else if (emailed.get(i)) {
				AccountView account = accounts.get(receipts.get(i).account());
				CustomerView customer = customers.get(account.customerId());
				ReceiptIssued receipt = receipts.get(i);
				try {
					this.savepoint.executeWithoutResult((status) -> {
						if (!kept(account, message)) {
							store(account, customer, receipt, message);
						}
					});
				}
				catch (InvalidInputException ex) {
					// the message is queued; its PDF stays downloadable from the payment
					log.debug("No receipt PDF kept for payment {}: {}", receipt.payment(), ex.getMessage());
				}
			}
		}
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
				if (email && !kept(account, message.id())) {
					store(account, customer, issued, message.id());
				}
			});
		}
		catch (InvalidInputException ex) {
			// no address we may use, or no template: the receipt stays downloadable
			log.debug("No receipt message for payment {}: {}", issued.payment(), ex.getMessage());
		}
	}

	/** Keeps the receipt's PDF as the emailed message's letter. */
	private void store(AccountView account, CustomerView customer, ReceiptIssued issued, UUID message) {
		ReceiptDocuments.Document receipt = this.documents.of(account.id(), issued.payment());
		this.letters.store(new Letters.NewLetter(account.id().value(), customer.id().value(), TEMPLATE,
				receipt.language(), LocalDate.now(this.clock), customer.name(), List.of(),
				new LetterPdf.Rendered(receipt.pdf(), 1), null, message, NoticeDelivery.BY), "EMAIL");
	}

	/** Whether the message's PDF is kept already (the event was delivered again). */
	private boolean kept(AccountView account, UUID message) {
		return this.letters.ofAccount(account.id())
			.stream()
			.filter((l) -> TEMPLATE.equals(l.template()))
			.anyMatch((l) -> this.letters.messageOf(l.id()).filter(message::equals).isPresent());
	}

}
