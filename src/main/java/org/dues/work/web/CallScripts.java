package org.dues.work.web;

import java.util.Locale;

import org.dues.customer.CustomerView;
import org.dues.identity.UserManagement;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.dues.work.Desk;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the agent says on the call, in the customer's language (English where Dues has no
 * bundle for it), and, when the agent reads the page in another language, what it means
 * in theirs. The rest of the desk stays in the agent's language.
 */
@Component
class CallScripts {

	private final MessageSource messages;

	private final UserManagement users;

	private final Desk desk;

	CallScripts(MessageSource messages, UserManagement users, Desk desk) {
		this.messages = messages;
		this.users = users;
		this.desk = desk;
	}

	/**
	 * What the agent says before the right party is verified: who they want to speak to
	 * and their own name, nothing of the creditor or the debt, which a third party who
	 * answered must not learn (FDCPA 805(b), 12 CFR 1006.6(d); the RBI's code on
	 * privacy).
	 */
	Script opening(CustomerView customer, String username) {
		Object[] args = { agentName(username), customer.name() };
		return say("script.opening", args, customer);
	}

	/**
	 * The disclosure the jurisdiction requires: for the US the first-communication
	 * disclosure until there has been a conversation, the debt-collector notice after.
	 */
	Script disclosure(AccountView account, CustomerView customer, CreditorView creditor, String username) {
		String key = switch (creditor.country()) {
			case "US" -> this.desk.spokenBefore(account.id()) ? "script.US.later" : "script.US.first";
			case "IN" -> "script.IN";
			case "GB" -> "script.GB";
			default -> "script.other";
		};
		UserManagement.UserView agent = this.users.find(username).orElse(null);
		String ref = account.accountRef();
		Object[] args = { agentName(username), creditor.name(), ref.substring(Math.max(0, ref.length() - 4)),
				(agent == null || agent.certificateNumber() == null) ? "—" : agent.certificateNumber() };
		return say(key, args, customer);
	}

	private Script say(String key, Object[] args, CustomerView customer) {
		Locale spoken = inBundles(key, args, customer.language());
		Locale reader = inBundles(key, args, LocaleContextHolder.getLocale().getLanguage());
		String text = this.messages.getMessage(key, args, spoken);
		@Nullable String meaning = spoken.getLanguage().equals(reader.getLanguage()) ? null
				: this.messages.getMessage(key, args, reader);
		return new Script(key, text, spoken.getLanguage(), meaning, reader.getLanguage());
	}

	/**
	 * The language the line is said in for someone of {@code language}: theirs where the
	 * bundles translate the line, else English.
	 */
	private Locale inBundles(String key, Object[] args, @Nullable String language) {
		if (language == null || language.isBlank()) {
			return Locale.ENGLISH;
		}
		Locale locale = Locale.forLanguageTag(language);
		boolean translated = !this.messages.getMessage(key, args, locale)
			.equals(this.messages.getMessage(key, args, Locale.ENGLISH));
		return translated ? locale : Locale.ENGLISH;
	}

	private String agentName(String username) {
		return this.users.find(username).map(UserManagement.UserView::displayName).orElse(username);
	}

	/**
	 * A line of the call script: its message key, the text to say and the language it is
	 * in, and what it means in the reader's language when that differs (else null).
	 */
	record Script(String key, String text, String language, @Nullable String meaning, String meaningLanguage) {
	}

}
