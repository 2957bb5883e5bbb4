package org.dues.casework;

import java.time.Instant;
import java.time.LocalDate;

import org.dues.shared.Phrase;
import org.jspecify.annotations.Nullable;

/**
 * A date a case must meet, and the rule that set it, said for the reader.
 *
 * @param code what is due (an acknowledgement, a final response, a stage of a proceeding)
 * @param rule why this date: the rule and its source
 * @param doneAt when it was met; null while it is open
 */
public record CaseDeadline(String code, @Nullable LocalDate dueOn, Phrase rule, @Nullable Instant doneAt) {

	public CaseDeadline(String code, @Nullable LocalDate dueOn, Phrase rule) {
		this(code, dueOn, rule, null);
	}

	/** The title's phrase: {@code casework.deadline.<code>}. */
	public Phrase title() {
		return Phrase.of("casework.deadline." + this.code);
	}

	/** Whether it is past and not met on the day. */
	public boolean overdueOn(LocalDate day) {
		return open() && this.dueOn != null && day.isAfter(this.dueOn);
	}

	/** Whether it is still to be met. */
	public boolean open() {
		return this.doneAt == null;
	}

}
