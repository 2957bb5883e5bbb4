package org.dues.messaging;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables a template may name, written {@code {{name}}}; each arrives formatted for
 * the message's language and the account's currency.
 */
public final class TemplateVariables {

	/** The documented set, with what each becomes. */
	public static final Map<String, String> KNOWN = Map.ofEntries(Map.entry("customerName", "the customer's name"),
			Map.entry("creditor", "the creditor's name"),
			Map.entry("amountDue", "the amount due (the overdue, a promise's or instalment's amount)"),
			Map.entry("balance", "the balance outstanding"), Map.entry("dueDate", "the date it is due"),
			Map.entry("instalment", "the instalment, as 2 of 12"), Map.entry("paymentLink", "a link to pay"),
			Map.entry("agent", "the agent's name"),
			Map.entry("accountLast4", "the last four characters of the account"),
			Map.entry("receiptNumber", "a payment's receipt number (receipts only)"),
			Map.entry("caseNumber", "a dispute's or complaint's reference, as C-1001 (case letters only)"),
			Map.entry("caseDueDate", "the date by which we answer (case letters only)"),
			Map.entry("caseOutcome", "the outcome and our reasons (case letters only)"));

	/** The variables only a case's letter fills. */
	public static final java.util.Set<String> CASE = java.util.Set.of("caseNumber", "caseDueDate", "caseOutcome");

	/**
	 * The longest each may plausibly become, for counting an SMS's segments when a
	 * template is saved.
	 */
	static final Map<String, String> LONGEST = Map.ofEntries(Map.entry("customerName", "Abcdefghij Klmnopqrst"),
			Map.entry("creditor", "Abcdefghij Klmnopqrst"), Map.entry("amountDue", "₹12,34,567.89"),
			Map.entry("balance", "₹12,34,567.89"), Map.entry("dueDate", "30 Sept 2026"),
			Map.entry("instalment", "12 of 24"), Map.entry("paymentLink", "https://pay.example.in/p/ABCDEFGHIJKLMNOP"),
			Map.entry("agent", "Abcdefghij"), Map.entry("accountLast4", "1234"),
			Map.entry("receiptNumber", "ABCDEFGHIJKLMNOPQRST/2026-27/000123"), Map.entry("caseNumber", "C-1234567"),
			Map.entry("caseDueDate", "30 Sept 2026"), Map.entry("caseOutcome", "Abcdefghij Klmnopqrst"));

	private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

	private TemplateVariables() {
	}

	/** The names a text uses, in order. */
	public static Set<String> used(String text) {
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = VARIABLE.matcher(text);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	/** The names a text uses that are not in the documented set. */
	public static List<String> unknown(String text) {
		return used(text).stream().filter((name) -> !KNOWN.containsKey(name)).toList();
	}

	/** The text with each variable replaced; one without a value becomes empty. */
	public static String fill(String text, Map<String, String> values) {
		Matcher matcher = VARIABLE.matcher(text);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(matcher.group(1), "")));
		}
		matcher.appendTail(out);
		return out.toString();
	}

}
