package org.dues.compliance;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A decision as the API gives it: the outcome, every rule evaluated with its finding, the
 * warnings, the policy applied, and when the contact would next be allowed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecisionJson(String decision, Policy policy, List<Rule> rules, List<String> warnings,
		@Nullable Instant nextOpening, @Nullable String decisionId) {

	public static DecisionJson of(ContactDecision decision, @Nullable Instant nextOpening, @Nullable String id) {
		return new DecisionJson(decision.outcome().name(), new Policy(decision.policyCode(), decision.policyVersion()),
				decision.rules().stream().map((r) -> new Rule(r.rule(), r.outcome().name(), r.reason())).toList(),
				decision.warnings(), nextOpening, id);
	}

	/** The policy applied. */
	public record Policy(String code, int version) {
	}

	/** One rule's finding. */
	public record Rule(String rule, String outcome, String reason) {
	}

}
