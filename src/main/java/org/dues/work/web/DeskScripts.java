package org.dues.work.web;

import java.util.Locale;

import org.dues.customer.CustomerView;
import org.dues.identity.UserManagement;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.dues.work.AgentCertificates;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the person at the desk says, in the customer's language where Dues has it (else
 * English): the neutral opening line before the right party is verified, and the
 * disclosure the jurisdiction requires after. When the agent reads the desk in another
 * language, each line comes with what it means in theirs. A disclosure that names the
 * caller's recovery-agent certificate is given only while the certificate is current:
 * with none, the caller makes no call on the account and has nothing to recite.
 */
@Component
class DeskScripts {

	private final UserManagement users;

	private final MessageSource messages;

	private final AgentCertificates certificates;

	DeskScripts(UserManagement users, MessageSource messages, AgentCertificates certificates) {
		this.users = users;
		this.messages = messages;
		this.certificates = certificates;
	}

	/** The caller's recovery-agent certificate as it stands today. */
	AgentCertificates.Standing certificate(String user) {
		return this.certificates.standing(user);
	}

	/**
	 * Whether the account's calls need a certificate the caller lacks (an Indian account,
	 * no current certificate): their Call is closed.
	 */
	boolean lacksCertificate(AccountView account, AgentCertificates.Standing standing) {
		return !standing.current() && this.certificates.needed(account);
	}

	/**
	 * What the agent says before the right party is verified: who they want to speak to
	 * and their own name, nothing of the creditor or the debt, which a third party who
	 * answered must not learn (FDCPA 805(b), 12 CFR 1006.6(d); the RBI's code on
	 * privacy).
	 */
	Script opening(CustomerView customer, String user) {
		Object[] args = { displayName(user), customer.name() };
		return say("script.opening", args, customer);
	}

	/**
	 * The disclosure the jurisdiction requires, in the customer's language where Dues has
	 * it: for the US the first-communication disclosure until there has been a
	 * conversation, the debt-collector notice after; null when it would recite a
	 * certificate the caller does not hold now.
	 */
	@Nullable Script disclosure(AccountView account, CustomerView customer, CreditorView creditor, String user,
			boolean spokenBefore) {
		String key = switch (creditor.country()) {
			case "US" -> spokenBefore ? "script.US.later" : "script.US.first";
			case "IN" -> "script.IN";
			case "GB" -> "script.GB";
			default -> "script.other";
		};
		AgentCertificates.Standing standing = this.certificates.standing(user);
		if (key.equals("script.IN") && (!standing.current() || standing.number() == null)) {
			return null;
		}
		String ref = account.accountRef();
		Object[] args = { displayName(user), creditor.name(), ref.substring(Math.max(0, ref.length() - 4)),
				(standing.number() == null) ? "—" : standing.number() };
		return say(key, args, customer);
	}

	/**
	 * The line in the customer's language, and what it means in the reader's (the UI's)
	 * language when that is another.
	 */
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

	private String displayName(String user) {
		return this.users.find(user).map(UserManagement.UserView::displayName).orElse(user);
	}

	/**
	 * The call script: the message key, the text and the language it is in, and what it
	 * means in the reader's language when that is another (else null).
	 */
	record Script(String key, String text, String language, @Nullable String meaning, String meaningLanguage) {
	}

}
