package org.dues.compliance;

import org.jspecify.annotations.Nullable;

/**
 * What one rule found: the contact allowed, blocked, or the rule not applicable to it,
 * with the reason a person can read, and a warning that does not block.
 */
public record RuleResult(String rule, Outcome outcome, String reason, @Nullable String warning) {

	/** A rule's finding. */
	public enum Outcome {

		ALLOWED, BLOCKED, NOT_APPLICABLE

	}

	static RuleResult allowed(String rule, String reason) {
		return new RuleResult(rule, Outcome.ALLOWED, reason, null);
	}

	static RuleResult blocked(String rule, String reason) {
		return new RuleResult(rule, Outcome.BLOCKED, reason, null);
	}

	static RuleResult notApplicable(String rule, String reason) {
		return new RuleResult(rule, Outcome.NOT_APPLICABLE, reason, null);
	}

	RuleResult warning(String text) {
		return new RuleResult(this.rule, this.outcome, this.reason, text);
	}

	public boolean isBlocked() {
		return this.outcome == Outcome.BLOCKED;
	}

}
