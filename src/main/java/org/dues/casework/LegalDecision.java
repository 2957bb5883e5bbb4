package org.dues.casework;

import java.util.List;

import org.dues.shared.Phrase;

/**
 * Whether an account may be referred to a proceeding: its stages with their dates, or the
 * refusal with its reason.
 */
public sealed interface LegalDecision permits LegalDecision.Proceed, LegalDecision.Refused {

	Proceeding proceeding();

	/**
	 * The referral may go ahead.
	 *
	 * @param stages the stages in order, each with its date (or none where the rule sets
	 * none) and its rule
	 */
	record Proceed(Proceeding proceeding, List<Deadline> stages) implements LegalDecision {

		public Proceed {
			stages = List.copyOf(stages);
		}

	}

	/**
	 * The referral may not go ahead.
	 *
	 * @param code why, as a stable code: {@code NOT_IN_JURISDICTION},
	 * {@code TIME_BARRED}, {@code NOTICE_LAPSED}, {@code COMPLAINT_LAPSED},
	 * {@code NOT_SECURED}, {@code NOT_NPA}, {@code MISSING_FACT}
	 * @param reason the reason to show, naming the statute
	 */
	record Refused(Proceeding proceeding, String code, Phrase reason) implements LegalDecision {

	}

}
