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
	public static final Map<String, String> KNOWN = Map.of("customerName", "the customer's name", "creditor",
			"the creditor's name", "amountDue", "the amount due (the overdue, a promise's or instalment's amount)",
			"balance", "the balance outstanding", "dueDate", "the date it is due", "instalment",
			"the instalment, as 2 of 12", "paymentLink", "a link to pay", "agent", "the agent's name", "accountLast4",
			"the last four characters of the account", "receiptNumber", "a payment's receipt number (receipts only)");

	/**
	 * The longest each may plausibly become, for counting an SMS's segments when a
	 * template is saved.
	 */
	static final Map<String, String> LONGEST = Map.of("customerName", "Abcdefghij Klmnopqrst", "creditor",
			"Abcdefghij Klmnopqrst", "amountDue", "₹12,34,567.89", "balance", "₹12,34,567.89", "dueDate",
			"30 Sept 2026", "instalment", "12 of 24", "paymentLink", "https://pay.example.in/p/ABCDEFGHIJKLMNOP",
			"agent", "Abcdefghij", "accountLast4", "1234", "receiptNumber", "ABCDEFGHIJKLMNOPQRST/2026-27/000123");

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
