package org.dues.messaging;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.dues.compliance.Channel;
import org.dues.messaging.letter.VerificationLetters;
import org.dues.portfolio.AccountId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The letters casework sends: a dispute's verification, and the acknowledgements and
 * responses written from templates ({@code dispute-acknowledgement},
 * {@code dispute-resolution}, {@code complaint-acknowledgement},
 * {@code complaint-response-in} …), each a notice that goes even while collection is
 * held; and the end of the validation period that decides whether a US dispute stops
 * collection.
 */
@Service
public class CaseLetters {

	private final JdbcClient jdbc;

	private final Messages messages;

	private final VerificationLetters verifications;

	CaseLetters(JdbcClient jdbc, Messages messages, VerificationLetters verifications) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.verifications = verifications;
	}

	/**
	 * The day the account's validation notice was sent; empty when none was (so the
	 * validation period has not begun).
	 */
	@Transactional(readOnly = true)
	public Optional<LocalDate> validationNoticeSentOn(AccountId account) {
		return this.jdbc
			.sql("SELECT letter_date FROM messaging_letters WHERE account_id = :account"
					+ " AND template = 'validation-notice'")
			.param("account", account.value())
			.query(LocalDate.class)
			.optional();
	}

	/**
	 * Sends the verification of a disputed debt.
	 * @return the letter's id
	 */
	@Transactional
	public UUID verification(AccountId account, String caseReference, boolean originalCreditor, String actor) {
		return this.verifications.send(account, caseReference, originalCreditor, actor);
	}

	/**
	 * A case fact naming the outcome by its code ({@code UPHELD}, {@code REJECTED}…): the
	 * letter then says {@code caseOutcome} as the outcome in the letter's language, a
	 * colon and the reasons given as {@code caseOutcome}.
	 */
	public static final String OUTCOME_CODE = "caseOutcomeCode";

	/**
	 * Queues a letter from a template in the customer's language.
	 * @param caseFacts the case's variables ({@link TemplateVariables#CASE}): the due
	 * date as ISO {@code yyyy-MM-dd} (written in the letter's language), the rest as text
	 * @return the message's id
	 */
	@Transactional
	public UUID send(AccountId account, String template, Map<String, String> caseFacts, String actor) {
		return this.messages
			.queue(new NewMessage(account, Channel.LETTER, template, null, null, null,
					NewMessage.Facts.ofCase(caseFacts), null, null), actor)
			.id();
	}

}
