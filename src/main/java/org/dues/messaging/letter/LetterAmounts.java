package org.dues.messaging.letter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.dues.messaging.MessagePurpose;
import org.dues.messaging.TemplateVariables;
import org.dues.messaging.Templates;
import org.dues.portfolio.AccountView;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The table of amounts a letter from a template carries when it asks for money (a demand
 * notice, a settlement offer), laid out as the validation notice's itemization
 * ({@link Letter.Table}): the balance, the date it is due and the amount due, in bold
 * under a rule. The figures are the template's variables as the message was rendered
 * ({@code balance}, {@code dueDate}, {@code amountDue}), so the table says what the text
 * says; a variable the text does not use is the account's own figure (the balance, the
 * overdue), and a due date the text does not name is left out.
 */
@Component
class LetterAmounts {

	private final MessageSource labels;

	private final Templates templates;

	LetterAmounts(MessageSource labels, Templates templates) {
		this.labels = labels;
		this.templates = templates;
	}

	/** Whether a letter of this purpose carries the table. */
	static boolean asksForMoney(@Nullable MessagePurpose purpose) {
		return purpose == MessagePurpose.DEMAND_NOTICE || purpose == MessagePurpose.SETTLEMENT_OFFER;
	}

	/**
	 * The table.
	 * @param parameters the message's, the values of its template's variables in the
	 * order they first stand in the body
	 */
	Letter.Table table(MessagePurpose purpose, UUID template, int version, List<String> parameters, AccountView account,
			String language) {
		Map<String, String> values = new HashMap<>();
		List<String> names = new ArrayList<>(TemplateVariables.used(this.templates.version(template, version).body()));
		for (int i = 0; i < names.size() && i < parameters.size(); i++) {
			values.put(names.get(i), parameters.get(i));
		}
		Locale locale = Locale.forLanguageTag(language);
		List<Letter.Row> rows = new ArrayList<>();
		rows.add(new Letter.Row(label("letter.amounts.balance", locale),
				values.getOrDefault("balance", LetterFormats.money(account.balances().owed(), language)), false));
		String due = values.get("dueDate");
		if (due != null && !due.isBlank()) {
			rows.add(new Letter.Row(label("letter.amounts.dueDate", locale), due, false));
		}
		rows.add(new Letter.Row(
				label((purpose == MessagePurpose.SETTLEMENT_OFFER) ? "letter.amounts.settlement"
						: "letter.amounts.amountDue", locale),
				values.getOrDefault("amountDue", LetterFormats.money(account.overdueAmount(), language)), true));
		return new Letter.Table(rows);
	}

	private String label(String key, Locale locale) {
		return this.labels.getMessage(key, null, locale);
	}

}
