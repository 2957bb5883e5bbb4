package org.dues.payment;

import java.util.Set;
import java.util.UUID;

import org.dues.customer.CustomerManagement;
import org.dues.customer.CustomerView;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.Creditors;
import org.dues.portfolio.LedgerEntryView;
import org.dues.shared.Money;
import org.dues.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A payment's receipt as a PDF in the customer's language (English, Hindi or Malayalam;
 * English for any other), made when asked from what is recorded: the balance it states is
 * the account's right after the payment (the ledger summed up to the payment's entry),
 * whatever happened since; a reversed payment's receipt says it is reversed.
 */
@Service
public class ReceiptDocuments {

	private static final Set<String> LANGUAGES = Set.of("en", "hi", "ml");

	private final JdbcClient jdbc;

	private final PaymentManagement payments;

	private final Receipts receipts;

	private final Accounts accounts;

	private final Creditors creditors;

	private final CustomerManagement customers;

	private final ReceiptPdf pdf;

	ReceiptDocuments(JdbcClient jdbc, PaymentManagement payments, Receipts receipts, Accounts accounts,
			Creditors creditors, CustomerManagement customers, ReceiptPdf pdf) {
		this.jdbc = jdbc;
		this.payments = payments;
		this.receipts = receipts;
		this.accounts = accounts;
		this.creditors = creditors;
		this.customers = customers;
		this.pdf = pdf;
	}

	/** A receipt's PDF, its file name and its language. */
	public record Document(byte[] pdf, String fileName, String language) {
	}

	/**
	 * The receipt of a payment of the account.
	 * @throws NotFoundException if the account has no such payment, or it has no receipt
	 */
	@Transactional(readOnly = true)
	public Document of(AccountId account, PaymentId payment) {
		PaymentView view = this.payments.get(account, payment);
		ReceiptView receipt = this.receipts.of(payment).orElseThrow(() -> new NotFoundException("receipt", payment));
		AccountView accountView = this.accounts.get(account);
		CustomerView customer = this.customers.get(accountView.customerId());
		String language = (customer.language() != null && LANGUAGES.contains(customer.language())) ? customer.language()
				: "en";
		ReceiptFacts facts = new ReceiptFacts(language, this.creditors.get(accountView.creditorId()).name(),
				customer.name(), ReceiptFacts.mask(accountView.accountRef()), receipt, view.amount(), view.channel(),
				view.reference(), view.receivedOn(), view.allocation(), balanceAfter(accountView, payment),
				view.status() == PaymentStatus.REVERSED, view.reversalReason());
		String file = "receipt-" + receipt.number().replaceAll("[^A-Za-z0-9-]+", "-") + ".pdf";
		return new Document(this.pdf.render(facts), file, language);
	}

	/** The receipt of the payment, found by the payment alone. */
	public Document of(PaymentId payment) {
		return of(accountOf(payment), payment);
	}

	/** The account the payment was made to. */
	public AccountId accountOf(PaymentId payment) {
		return new AccountId(this.jdbc.sql("SELECT account_id FROM payment_payments WHERE id = :id")
			.param("id", payment.value())
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("payment", payment)));
	}

	private Money balanceAfter(AccountView account, PaymentId payment) {
		UUID entry = this.jdbc.sql("SELECT ledger_entry_id FROM payment_payments WHERE id = :id")
			.param("id", payment.value())
			.query(UUID.class)
			.single();
		Money balance = Money.zero(account.currency());
		for (LedgerEntryView e : this.accounts.ledger(account.id())) {
			balance = balance.plus(e.amounts().total());
			if (e.id().value().equals(entry)) {
				break;
			}
		}
		return balance;
	}

}
