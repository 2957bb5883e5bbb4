package org.dues.messaging.letter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.dues.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * The validation notice of 12 CFR 1006.34 in the words of Model Form B-1 (Appendix B to
 * Part 1006), in English: who we are and whose debt it is, the itemization, the amount
 * now, how to dispute it and by when, the original-creditor request, the CFPB's website,
 * and the tear-off response form with its dispute prompts. Its text is the model form's,
 * not a translation, so it is not in the message bundles; Regulation F allows a Spanish
 * version, which Dues does not send.
 */
final class ValidationNoticeText {

	static final String TEMPLATE = "validation-notice";

	private ValidationNoticeText() {
	}

	/**
	 * The facts the notice states.
	 *
	 * @param accountEnding the last four characters of the creditor's account reference
	 * @param product what the account is ({@code credit card}), or null
	 */
	record Facts(Letter.Party collector, @Nullable String collectorPhone, @Nullable String collectorHours,
			@Nullable String collectorEmail, String creditor, Letter.Party consumer, String accountEnding,
			@Nullable String product, String reference, LocalDate sent, Itemization itemization, LocalDate periodEnds) {
	}

	static Letter letter(Facts facts) {
		String collector = facts.collector().name();
		String ends = date(facts.periodEnds());
		Itemization item = facts.itemization();
		List<Letter.Block> blocks = new ArrayList<>();
		blocks.add(new Letter.Paragraph(
				"%s is a debt collector. We are trying to collect a debt that you owe to %s. ".formatted(collector,
						facts.creditor()) + "We will use any information you give us to help collect the debt."));
		blocks.add(new Letter.Heading("Our information shows:"));
		blocks.add(new Letter.Paragraph("You had a%s from %s with account number ending in %s.".formatted(
				(facts.product() == null) ? "n account" : " " + facts.product(), facts.creditor(),
				facts.accountEnding())));
		blocks.add(new Letter.Table(List.of(
				new Letter.Row("As of %s, you owed:".formatted(date(item.date())), money(item.owedThen()), false),
				new Letter.Row("Between %s and today:".formatted(date(item.date())), "", false),
				new Letter.Row("You were charged this amount in interest:", "+ " + money(item.interest()), false),
				new Letter.Row("You were charged this amount in fees:", "+ " + money(item.fees()), false),
				new Letter.Row("You paid or were credited this amount toward the debt:",
						"\u2013 " + money(item.paymentsAndCredits()), false),
				new Letter.Row("Total amount of the debt now:", money(item.owedNow()), true))));
		blocks.add(new Letter.Heading("How can you dispute the debt?"));
		blocks
			.add(new Letter.Paragraph("Call or write to us by %s, to dispute all or part of the debt. ".formatted(ends)
					+ "If you do not, we will assume that our information is correct."));
		blocks.add(new Letter.Paragraph(("If you write to us by %s, we must stop collection on any amount you "
				+ "dispute until we send you information that shows you owe the debt. You may use the form below or "
				+ "write to us without the form. You may also include supporting documents.%s")
			.formatted(ends, (facts.collectorEmail() == null) ? ""
					: " We accept disputes electronically at " + facts.collectorEmail() + ".")));
		blocks.add(new Letter.Heading("What else can you do?"));
		blocks.add(new Letter.Paragraph(("Write to ask for the name and address of the original creditor, if "
				+ "different from the current creditor. If you write by %s, we must stop collection until we send "
				+ "you that information. You may use the form below or write to us without the form.%s")
			.formatted(ends, (facts.collectorEmail() == null) ? ""
					: " We accept such requests electronically at " + facts.collectorEmail() + ".")));
		blocks.add(new Letter.Paragraph("Go to www.cfpb.gov/debt-collection to learn more about your rights under "
				+ "federal law. For instance, you have the right to stop or limit how we contact you."));
		blocks.add(new Letter.Paragraph("Contact us about your payment options."));
		if (facts.collectorPhone() != null) {
			blocks.add(new Letter.Paragraph("Call us at %s%s, or write to %s.".formatted(facts.collectorPhone(),
					(facts.collectorHours() == null) ? "" : ", " + facts.collectorHours(), where(facts.collector()))));
		}
		blocks.add(new Letter.Heading("How do you want to respond?"));
		blocks.add(new Letter.Paragraph(
				"Mail this form to: %s. Reference: %s.".formatted(where(facts.collector()), facts.reference())));
		blocks.add(new Letter.Paragraph(
				"%s, %s".formatted(facts.consumer().name(), String.join(", ", facts.consumer().addressLines()))));
		blocks.add(new Letter.Paragraph("Check all that apply:"));
		blocks.add(new Letter.Paragraph("I want to dispute the debt because I think:"));
		blocks.add(new Letter.Check("This is not my debt."));
		blocks.add(new Letter.Check("The amount is wrong."));
		blocks.add(new Letter.Check("Other (please describe on reverse or attach additional information)."));
		blocks.add(new Letter.Check("I want you to send me the name and address of the original creditor."));
		blocks.add(new Letter.Check("I enclosed this amount: $ ____________"));
		blocks.add(new Letter.Paragraph("Make your check payable to %s. Include the reference number %s."
			.formatted(collector, facts.reference())));
		return new Letter("en", facts.collector(), facts.consumer(), date(facts.sent()), facts.reference(),
				"Notice of debt: validation of the debt you owe " + facts.creditor(), blocks);
	}

	/** A name and its address on one line. */
	private static String where(Letter.Party party) {
		return String.join(", ",
				java.util.stream.Stream.concat(java.util.stream.Stream.of(party.name()), party.addressLines().stream())
					.toList());
	}

	static String date(LocalDate date) {
		return LetterFormats.date(date, "en", "USD");
	}

	static String money(Money money) {
		return LetterFormats.money(money, "en");
	}

}
