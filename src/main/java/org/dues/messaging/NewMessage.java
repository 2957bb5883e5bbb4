package org.dues.messaging;

import java.time.Instant;
import java.util.UUID;

import org.dues.compliance.Channel;
import org.dues.portfolio.AccountId;
import org.jspecify.annotations.Nullable;

/**
 * A message to send.
 *
 * @param template a template's code
 * @param language ISO 639-1; default the customer's language
 * @param to an address of the customer's; default the best one the gate allows
 * @param notBefore a scheduled message's earliest moment; null for now
 * @param facts what the message is about beyond the account (an instalment's amount and
 * date), or null
 * @param bulkId the bulk send it belongs to
 * @param dedupKey a key that makes a second identical message a no-op (reminders)
 */
public record NewMessage(AccountId account, Channel channel, String template, @Nullable String language,
		@Nullable String to, @Nullable Instant notBefore, @Nullable Facts facts, @Nullable UUID bulkId,
		@Nullable String dedupKey) {

	public static NewMessage now(AccountId account, Channel channel, String template, @Nullable String language,
			@Nullable String to) {
		return new NewMessage(account, channel, template, language, to, null, null, null, null);
	}

	/**
	 * @param amountDue the amount the message asks for (an instalment, a promise), else
	 * the overdue
	 * @param instalment as "2 of 12"
	 * @param receiptNumber the receipt's number, for a payment's receipt
	 * @param paymentLink the payment link the message carries (one the agent made); null
	 * for the account's current link, or a new one for what it owes
	 * @param caseFacts a case's variables, already in the letter's language (but the
	 * outcome named by its code as {@link CaseLetters#OUTCOME_CODE}, which the letter
	 * says in its own)
	 */
	public record Facts(org.dues.shared.@Nullable Money amountDue, java.time.@Nullable LocalDate dueDate,
			@Nullable String instalment, @Nullable String receiptNumber,
			org.dues.payment.@Nullable PaymentLinkView paymentLink, java.util.Map<String, String> caseFacts) {

		public Facts {
			caseFacts = java.util.Map.copyOf(caseFacts);
		}

		public Facts(org.dues.shared.@Nullable Money amountDue, java.time.@Nullable LocalDate dueDate,
				@Nullable String instalment, @Nullable String receiptNumber,
				org.dues.payment.@Nullable PaymentLinkView paymentLink) {
			this(amountDue, dueDate, instalment, receiptNumber, paymentLink, java.util.Map.of());
		}

		/**
		 * A case's letter: its reference, due date, outcome and reasons
		 * ({@link TemplateVariables#CASE}).
		 */
		public static Facts ofCase(java.util.Map<String, String> caseFacts) {
			return new Facts(null, null, null, null, null, caseFacts);
		}

		public Facts(org.dues.shared.@Nullable Money amountDue, java.time.@Nullable LocalDate dueDate,
				@Nullable String instalment) {
			this(amountDue, dueDate, instalment, null, null);
		}

		public Facts(org.dues.shared.@Nullable Money amountDue, java.time.@Nullable LocalDate dueDate,
				@Nullable String instalment, @Nullable String receiptNumber) {
			this(amountDue, dueDate, instalment, receiptNumber, null);
		}

		/** A message carrying this link, for what is left to pay through it. */
		public static Facts of(org.dues.payment.PaymentLinkView link) {
			return new Facts(link.due(), null, null, null, link);
		}

	}

}
