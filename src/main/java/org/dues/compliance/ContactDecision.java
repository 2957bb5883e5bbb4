package org.dues.compliance;

import java.util.List;

/**
 * The answer to "may we contact this person now, this way?": allowed or blocked, every
 * rule evaluated with its finding, warnings that do not block, and the policy applied.
 */
public record ContactDecision(Outcome outcome, String policyCode, int policyVersion, List<RuleResult> rules,
		List<String> warnings) {

	public ContactDecision {
		rules = List.copyOf(rules);
		warnings = List.copyOf(warnings);
	}

	/** A decision. */
	public enum Outcome {

		ALLOWED, BLOCKED

	}

	public boolean allowed() {
		return this.outcome == Outcome.ALLOWED;
	}

	/** The rules that blocked the contact, in the order evaluated. */
	public List<RuleResult> blockedBy() {
		return this.rules.stream().filter(RuleResult::isBlocked).toList();
	}

	static ContactDecision of(ContactPolicy policy, List<RuleResult> results) {
		boolean blocked = results.stream().anyMatch(RuleResult::isBlocked);
		List<String> warnings = results.stream()
			.filter((r) -> r.warning() != null)
			.map((r) -> r.rule() + ": " + r.warning())
			.toList();
		return new ContactDecision(blocked ? Outcome.BLOCKED : Outcome.ALLOWED, policy.code(), policy.version(),
				results, warnings);
	}

}
