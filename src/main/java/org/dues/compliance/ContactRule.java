package org.dues.compliance;

import java.util.List;

/**
 * One named rule: a pure function from a policy and the facts to its findings (most rules
 * give one; the volume limits give one per limit).
 */
interface ContactRule {

	List<RuleResult> evaluate(Situation situation);

}
