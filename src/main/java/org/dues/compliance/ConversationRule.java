package org.dues.compliance;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.dues.compliance.ContactFacts.Interaction;
import org.dues.compliance.ContactPolicy.CallFrequency;
import org.dues.shared.Phrase;

/**
 * Reg F 1006.14(b)(2)(ii): no call about a debt within seven days after a telephone
 * conversation with the person about it, whoever started it; the conversation's local
 * date is day 1. A conversation naming no debt counts for every debt (conservative).
 * Consent given directly after the conversation (1006.14(b)(3)(i)) allows the call.
 */
final class ConversationRule implements ContactRule {

	static final String NAME = "conversation-cooldown";

	@Override
	public List<RuleResult> evaluate(Situation situation) {
		ContactFacts facts = situation.facts();
		CallFrequency limit = situation.policy().callFrequency();
		if (limit == null || limit.conversationCooldownDays() <= 0) {
			return List
				.of(RuleResult.notApplicable(NAME, situation.policy().code() + " sets no wait after a conversation",
						Phrase.of("rule.conversation.none", situation.policy().code())));
		}
		if (facts.channel() != Channel.CALL || facts.person().role() != PersonRole.CONSUMER) {
			return List.of(RuleResult.notApplicable(NAME, "Applies only to calls to the consumer",
					Phrase.of("rule.conversation.callsOnly")));
		}
		for (String debt : CallFrequencyRule.debts(facts)) {
			for (ZoneId zone : facts.person().timeZones()) {
				LocalDate today = Situation.localDate(facts.at(), zone);
				Interaction latest = null;
				for (Interaction interaction : facts.history()) {
					if (interaction.isConversation() && !interaction.at().isAfter(facts.at())
							&& ContactFacts.concerns(interaction.debts(), Situation.debtSet(debt))) {
						latest = interaction;
					}
				}
				if (latest == null) {
					continue;
				}
				LocalDate day1 = Situation.localDate(latest.at(), zone);
				LocalDate lastBlocked = day1.plusDays(limit.conversationCooldownDays() - 1L);
				if (!today.isAfter(lastBlocked) && situation.callConsent(debt, facts.at()).isEmpty()) {
					return List.of(RuleResult.blocked(NAME,
							"%s: a telephone conversation on %s (%s); no call until %s"
								.formatted(CallFrequencyRule.label(debt), day1, zone, lastBlocked.plusDays(1)),
							Phrase.of("rule.conversation.blocked", Situation.debtSaid(debt), day1, zone.getId(),
									lastBlocked.plusDays(1))));
				}
			}
		}
		return List.of(RuleResult.allowed(NAME,
				"No telephone conversation about these debts in the last %d days, or consent given since"
					.formatted(limit.conversationCooldownDays()),
				Phrase.of("rule.conversation.allowed", limit.conversationCooldownDays())));
	}

}
