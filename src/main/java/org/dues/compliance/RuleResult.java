package org.dues.compliance;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.dues.shared.Phrase;
import org.jspecify.annotations.Nullable;

/**
 * What one rule found: the contact allowed, blocked, or the rule not applicable to it,
 * with the reason a person can read, and a warning that does not block. The reason and
 * the warning are the English that the API answers and the decision record keeps; the
 * phrases say the same on pages in the reader's language (they are not stored: the
 * English is the record).
 *
 * @param said the reason as a phrase
 * @param warningSaid the warning as a phrase, where there is a warning
 */
public record RuleResult(String rule, Outcome outcome, String reason, @Nullable String warning,
		@JsonIgnore @Nullable Phrase said, @JsonIgnore @Nullable Phrase warningSaid) {

	public RuleResult(String rule, Outcome outcome, String reason, @Nullable String warning) {
		this(rule, outcome, reason, warning, null, null);
	}

	/** A rule's finding. */
	public enum Outcome {

		ALLOWED, BLOCKED, NOT_APPLICABLE

	}

	static RuleResult allowed(String rule, String reason, Phrase said) {
		return new RuleResult(rule, Outcome.ALLOWED, reason, null, said, null);
	}

	static RuleResult blocked(String rule, String reason, Phrase said) {
		return new RuleResult(rule, Outcome.BLOCKED, reason, null, said, null);
	}

	static RuleResult notApplicable(String rule, String reason, Phrase said) {
		return new RuleResult(rule, Outcome.NOT_APPLICABLE, reason, null, said, null);
	}

	RuleResult warning(String text, Phrase phrase) {
		return new RuleResult(this.rule, this.outcome, this.reason, text, this.said, phrase);
	}

	public boolean isBlocked() {
		return this.outcome == Outcome.BLOCKED;
	}

	/** The reason as a page says it: the phrase, else the English. */
	@JsonIgnore
	public Phrase phrase() {
		return (this.said != null) ? this.said : Phrase.of("rule.text", this.reason);
	}

}
