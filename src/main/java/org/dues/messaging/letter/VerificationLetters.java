package org.dues.messaging.letter;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.dues.customer.CustomerManagement;
import org.dues.customer.CustomerView;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The verification of a disputed debt (FDCPA § 809(b), Regulation F § 1006.34): the
 * itemization of the debt as of its itemization date to now, whose debt it is, and, when
 * the consumer asked, the name and address of the original creditor. It goes by the same
 * path as the validation notice (PDF kept, by post or by email where the consumer
 * agreed), since a hold on the debt does not stop a notice the law requires.
 */
@Service
public class VerificationLetters {

	/** The template code a verification is kept under. */
	public static final String TEMPLATE = "dispute-verification";

	private final Accounts accounts;

	private final Creditors creditors;

	private final CustomerManagement customers;

	private final LetterPdf pdf;

	private final NoticeDelivery delivery;

	private final ValidationNotices.Collector collector;

	private final Clock clock;

	VerificationLetters(Accounts accounts, Creditors creditors, CustomerManagement customers, LetterPdf pdf,
			NoticeDelivery delivery, ValidationNotices.Collector collector, Clock clock) {
		this.accounts = accounts;
		this.creditors = creditors;
		this.customers = customers;
		this.pdf = pdf;
		this.delivery = delivery;
		this.collector = collector;
		this.clock = clock;
	}

	/**
	 * Makes and sends the verification of the account's debt for a dispute.
	 * @param caseReference the dispute's reference, which the letter quotes
	 * @param originalCreditor whether the consumer asked for the original creditor's name
	 * and address
	 * @return the letter's id
	 */
	@Transactional
	public UUID send(AccountId id, String caseReference, boolean originalCreditor, String by) {
		AccountView account = this.accounts.get(id);
		CreditorView creditor = this.creditors.get(account.creditorId());
		CustomerView customer = this.customers.get(account.customerId());
		LocalDate today = LocalDate.now(this.clock.withZone(creditor.timeZone()));
		LocalDate placedOn = LocalDate.ofInstant(account.placedAt(), creditor.timeZone());
		Itemization item = Itemization.of(account, placedOn, this.accounts.ledger(id));
		List<String> address = customer.addresses()
			.stream()
			.filter((a) -> a.status().current())
			.findFirst()
			.map((a) -> ValidationNotices.lines(a.address()))
			.orElse(List.of());
		String ref = account.accountRef();
		String ending = ref.substring(Math.max(0, ref.length() - 4));
		List<Letter.Block> blocks = new ArrayList<>();
		blocks.add(new Letter.Paragraph(("%s is a debt collector. You disputed the debt you owe to %s on your account "
				+ "ending in %s (our reference %s). Collection stopped while we verified it. This letter is that "
				+ "verification.")
			.formatted(this.collector.party().name(), creditor.name(), ending, caseReference)));
		blocks.add(new Letter.Heading("The debt"));
		blocks.add(new Letter.Table(List.of(
				new Letter.Row("As of %s, you owed:".formatted(ValidationNoticeText.date(item.date())),
						ValidationNoticeText.money(item.owedThen()), false),
				new Letter.Row("Between %s and today:".formatted(ValidationNoticeText.date(item.date())), "", false),
				new Letter.Row("You were charged this amount in interest:",
						"+ " + ValidationNoticeText.money(item.interest()), false),
				new Letter.Row("You were charged this amount in fees:", "+ " + ValidationNoticeText.money(item.fees()),
						false),
				new Letter.Row("You paid or were credited this amount toward the debt:",
						"– " + ValidationNoticeText.money(item.paymentsAndCredits()), false),
				new Letter.Row("Total amount of the debt now:", ValidationNoticeText.money(item.owedNow()), true))));
		if (originalCreditor) {
			blocks.add(new Letter.Heading("The original creditor"));
			blocks.add(new Letter.Paragraph("You asked for the name and address of the original creditor: %s, %s."
				.formatted(creditor.name(), "as shown on your account statements from it")));
		}
		blocks.add(new Letter.Paragraph("Collection of the debt may now resume. If you still believe you do not owe "
				+ "it, you may write to us with your reasons and any documents, and you may contact the Consumer "
				+ "Financial Protection Bureau at www.consumerfinance.gov."));
		Letter letter = new Letter("en", this.collector.party(), new Letter.Party(customer.name(), address),
				ValidationNoticeText.date(today), creditor.code() + "-" + ref, "Verification of the debt", blocks);
		LetterPdf.Rendered rendered = this.pdf.render(letter, true);
		String facts = """
				{"case":"%s","originalCreditor":%s,"owedNow":"%s","currency":"%s"}""".formatted(caseReference,
				originalCreditor, item.owedNow().amount().toPlainString(), item.owedNow().currencyCode());
		return this.delivery
			.deliver(new Letters.NewLetter(id.value(), customer.id().value(), TEMPLATE, "en", today, customer.name(),
					address, rendered, facts, null, by), customer)
			.id();
	}

}
