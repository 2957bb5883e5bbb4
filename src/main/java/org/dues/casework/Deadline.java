package org.dues.casework;

import java.time.LocalDate;

import org.dues.shared.Phrase;
import org.jspecify.annotations.Nullable;

/**
 * One date a rule sets, with the rule that sets it, so a page can say "why this date": a
 * complaint's acknowledgement, a dispute's resolution, a stage of a legal proceeding.
 *
 * @param code what the date is for, a stable code ({@code ACKNOWLEDGE},
 * {@code NOTICE_BY}); its title is the message {@code casework.deadline.<code>}
 * @param dueOn the last day on which it is done in time; null for a stage whose date the
 * rule does not set (a hearing the court will fix)
 * @param why the rule, as a phrase with its citation
 */
public record Deadline(String code, @Nullable LocalDate dueOn, Phrase why) {

	/** The title's phrase: {@code casework.deadline.<code>}. */
	public Phrase title() {
		return Phrase.of("casework.deadline." + this.code);
	}

	/** Whether it is past: the day is after its due date. */
	public boolean overdueOn(LocalDate day) {
		return this.dueOn != null && day.isAfter(this.dueOn);
	}

}
