package org.dues.compliance;

import java.util.List;

import org.dues.compliance.ContactFacts.Interaction;
import org.dues.compliance.ContactPolicy.ThirdParty;
import org.dues.shared.Phrase;

/**
 * Third parties (FDCPA 804, 12 CFR 1006.10(b)): someone other than the debtor may be
 * contacted only to learn where the debtor is, never told of the debt, and not more than
 * once unless they ask to be contacted again (an inbound contact from them after ours
 * counts as asking). An earlier attempt counts as the one contact if it reached them or
 * their voicemail or inbox. India's fair practices code bars pressing family, referees
 * and friends: any purpose but location is blocked and a warning is shown.
 */
final class ThirdPartyRule implements ContactRule {

	static final String NAME = "third-party";

	@Override
	public List<RuleResult> evaluate(Situation situation) {
		ContactFacts facts = situation.facts();
		if (facts.person().role() != PersonRole.THIRD_PARTY) {
			return List.of(RuleResult.notApplicable(NAME, "The contact is with the " + facts.person().role(),
					Phrase.of("rule.thirdParty.notThirdParty", Phrase.of("rule.person." + facts.person().role()))));
		}
		ThirdParty rules = situation.policy().thirdParty();
		String warning = "Location information only: never say or imply that the debtor owes a debt"
				+ (rules.noPressure() ? "; do not press family, referees or friends for payment" : "");
		Phrase warningSaid = Phrase
			.of(rules.noPressure() ? "rule.thirdParty.warningNoPressure" : "rule.thirdParty.warning");
		if (rules.locationOnly() && facts.purpose() != Purpose.LOCATION_INFORMATION) {
			return List
				.of(RuleResult
					.blocked(NAME,
							"A third party may be contacted only to learn where the debtor is, not for "
									+ facts.purpose(),
							Phrase.of("rule.thirdParty.locationOnly", Phrase.of("rule.purpose." + facts.purpose())))
					.warning(warning, warningSaid));
		}
		if (rules.once()) {
			Interaction earlier = null;
			for (Interaction interaction : facts.history()) {
				if (interaction.at().isAfter(facts.at())) {
					continue;
				}
				if (interaction.direction() == Direction.OUTBOUND && ContactResult.reached(interaction.result())) {
					earlier = interaction;
				}
				else if (interaction.direction() == Direction.INBOUND) {
					earlier = null;
				}
			}
			if (earlier != null) {
				return List.of(RuleResult
					.blocked(NAME,
							"This third party was already contacted on %s; again only if they ask".formatted(
									situation.local(earlier.at())),
							Phrase.of("rule.thirdParty.once", earlier.at()))
					.warning(warning, warningSaid));
			}
		}
		return List.of(RuleResult
			.allowed(NAME, "A location-information contact with a third party", Phrase.of("rule.thirdParty.allowed"))
			.warning(warning, warningSaid));
	}

}
