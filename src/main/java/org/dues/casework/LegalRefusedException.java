package org.dues.casework;

import org.dues.shared.Phrase;

/**
 * A legal referral that may not proceed: the debt is time-barred, the proceeding is not
 * the jurisdiction's, a statutory period has lapsed or a fact it needs is missing. The
 * API answers 422 with the code and the reason; nothing is recorded.
 */
public class LegalRefusedException extends RuntimeException {

	private final String code;

	private final transient Phrase reason;

	public LegalRefusedException(String code, String message, Phrase reason) {
		super(message);
		this.code = code;
		this.reason = reason;
	}

	/** Why, as a stable code ({@code TIME_BARRED}, {@code NOTICE_LAPSED}…). */
	public String code() {
		return this.code;
	}

	/** Why, for the reader. */
	public Phrase reason() {
		return this.reason;
	}

}
