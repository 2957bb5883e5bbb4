package org.dues.casework;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * The facts a legal proceeding's clocks run from. Each proceeding reads those it needs
 * and says which it misses.
 *
 * @param referredOn the day of the referral (today, from the caller's clock)
 * @param chequeReturnedOn Section 138: the day the payee received the bank's return memo
 * @param noticeSentOn Section 138, SARFAESI, arbitration: the day the notice was sent, if
 * it was; otherwise it is taken as going out on the day of the referral
 * @param noticeReceivedOn Section 138, arbitration: the day the notice reached the
 * drawer, if known; otherwise assumed
 * @param secured SARFAESI: whether the debt is secured by a security interest
 * @param npaOn SARFAESI: the day the account was classified a non-performing asset
 * @param letterOn letter of claim: its date, if already sent; otherwise the referral's
 * day
 * @param posted letter of claim: whether it goes (went) by post, not by email or by hand
 */
public record LegalFacts(LocalDate referredOn, @Nullable LocalDate chequeReturnedOn, @Nullable LocalDate noticeSentOn,
		@Nullable LocalDate noticeReceivedOn, boolean secured, @Nullable LocalDate npaOn, @Nullable LocalDate letterOn,
		boolean posted) {

	/** No facts but the day: a proceeding that needs one will say so. */
	public static LegalFacts on(LocalDate referredOn) {
		return new LegalFacts(referredOn, null, null, null, false, null, null, true);
	}

	/** With the cheque's return memo received on the day. */
	public LegalFacts chequeReturned(LocalDate on) {
		return new LegalFacts(this.referredOn, on, this.noticeSentOn, this.noticeReceivedOn, this.secured, this.npaOn,
				this.letterOn, this.posted);
	}

	/** With the notice sent on the day. */
	public LegalFacts noticeSent(LocalDate on) {
		return new LegalFacts(this.referredOn, this.chequeReturnedOn, on, this.noticeReceivedOn, this.secured,
				this.npaOn, this.letterOn, this.posted);
	}

	/** With the notice received on the day. */
	public LegalFacts noticeReceived(LocalDate on) {
		return new LegalFacts(this.referredOn, this.chequeReturnedOn, this.noticeSentOn, on, this.secured, this.npaOn,
				this.letterOn, this.posted);
	}

	/** A secured debt classified a non-performing asset on the day (null: not an NPA). */
	public LegalFacts secured(@Nullable LocalDate npaOn) {
		return new LegalFacts(this.referredOn, this.chequeReturnedOn, this.noticeSentOn, this.noticeReceivedOn, true,
				npaOn, this.letterOn, this.posted);
	}

	/** With a letter dated on the day, posted or not. */
	public LegalFacts letter(LocalDate on, boolean byPost) {
		return new LegalFacts(this.referredOn, this.chequeReturnedOn, this.noticeSentOn, this.noticeReceivedOn,
				this.secured, this.npaOn, on, byPost);
	}

}
