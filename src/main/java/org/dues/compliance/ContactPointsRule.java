package org.dues.compliance;

import java.util.List;

import org.dues.compliance.ContactFacts.MarkedAddress;
import org.dues.shared.Phrase;

/**
 * A number or email address marked wrong (someone else's: calling it tells a third party
 * of the debt, FDCPA 805(b), 12 CFR 1006.6(d)) or not to be used is not contacted on any
 * channel. The marks are the customer's contact points as agents and call outcomes left
 * them at the moment of the decision.
 */
final class ContactPointsRule implements ContactRule {

	static final String NAME = "contact-points";

	@Override
	public List<RuleResult> evaluate(Situation situation) {
		ContactFacts facts = situation.facts();
		String address = ContactFacts.normalise(facts.person().address());
		if (address == null) {
			return List.of(RuleResult.notApplicable(NAME, "No number or address is stated",
					Phrase.of("rule.contactPoints.none")));
		}
		for (MarkedAddress marked : facts.markedAddresses()) {
			if (address.equals(ContactFacts.normalise(marked.address()))) {
				return List.of(RuleResult.blocked(NAME,
						marked.wrong() ? "%s is marked as a wrong number or address".formatted(marked.address())
								: "%s is marked not to be used".formatted(marked.address()),
						Phrase.of(marked.wrong() ? "rule.contactPoints.wrong" : "rule.contactPoints.doNotUse",
								marked.address())));
			}
		}
		return List
			.of(RuleResult.allowed(NAME, "%s is not marked wrong or not to be used".formatted(facts.person().address()),
					Phrase.of("rule.contactPoints.fine", String.valueOf(facts.person().address()))));
	}

}
