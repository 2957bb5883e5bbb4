package org.dues.compliance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.dues.compliance.ContactFacts.Interaction;
import org.dues.compliance.ContactPolicy.Action;
import org.dues.compliance.ContactPolicy.VolumeLimit;
import org.dues.shared.Phrase;

/**
 * The policy's counted limits, each reported as its own rule: state overlays such as
 * Massachusetts' two calls or texts per debt in seven days (940 CMR 7.04(1)(f); every
 * call that rang or reached voicemail and every text, SMS or WhatsApp, counts,
 * conservatively, and every number of the person is treated as their own), and
 * cross-channel volume warnings. The count is over consecutive local days in every zone
 * of the person; outbound contacts that never reached the dialled number are not counted.
 */
final class VolumeLimitsRule implements ContactRule {

	@Override
	public List<RuleResult> evaluate(Situation situation) {
		List<RuleResult> results = new ArrayList<>();
		for (VolumeLimit limit : situation.policy().volumeLimits()) {
			results.add(evaluate(situation, limit));
		}
		return results;
	}

	private static RuleResult evaluate(Situation situation, VolumeLimit limit) {
		ContactFacts facts = situation.facts();
		if (!limit.channels().contains(facts.channel())) {
			return RuleResult.notApplicable(limit.name(),
					"%s counts only %s".formatted(limit.citation(), limit.channels().stream().sorted().toList()),
					Phrase.of("rule.volume.counts", limit.citation(), channels(limit)));
		}
		Set<String> debts = limit.perDebt() ? CallFrequencyRule.debts(facts) : Set.of("");
		for (String debt : debts) {
			for (ZoneId zone : facts.person().timeZones()) {
				LocalDate today = Situation.localDate(facts.at(), zone);
				LocalDate first = today.minusDays(limit.days() - 1L);
				int count = count(facts, limit, debt, zone, first);
				if (count >= limit.max()) {
					String text = "%s: %d %s contacts%s in the %d days %s to %s; the limit is %d".formatted(
							limit.citation(), count, limit.channels().stream().sorted().toList(),
							debt.isEmpty() ? "" : " about debt " + debt, limit.days(), first, today, limit.max());
					Phrase said = Phrase.of("rule.volume.over", limit.citation(), count, channels(limit),
							Situation.debtSaid(debt), limit.days(), first, today, limit.max());
					return (limit.action() == Action.BLOCK) ? RuleResult.blocked(limit.name(), text, said)
							: RuleResult
								.allowed(limit.name(), "Over a warning limit", Phrase.of("rule.volume.warnOnly"))
								.warning(text, said);
				}
			}
		}
		return RuleResult.allowed(limit.name(),
				"Under %s's limit of %d in %d days".formatted(limit.citation(), limit.max(), limit.days()),
				Phrase.of("rule.volume.under", limit.citation(), limit.max(), limit.days()));
	}

	private static Phrase channels(VolumeLimit limit) {
		return Phrase.commas(limit.channels().stream().sorted().map(Situation::said).toList());
	}

	private static int count(ContactFacts facts, VolumeLimit limit, String debt, ZoneId zone, LocalDate first) {
		Instant horizon = first.atStartOfDay(zone).toInstant().minus(Duration.ofDays(1));
		Set<String> debts = Situation.debtSet(debt.isEmpty() ? null : debt);
		int count = 0;
		for (Interaction interaction : facts.history()) {
			if (interaction.at().isBefore(horizon) || interaction.at().isAfter(facts.at())
					|| interaction.direction() != Direction.OUTBOUND
					|| !limit.channels().contains(interaction.channel())
					|| !ContactResult.countsAsPlacedCall(interaction.result())
					|| interaction.result() == ContactResult.FAILED && interaction.channel() != Channel.CALL
					|| !ContactFacts.concerns(interaction.debts(), debts)
					|| Situation.localDate(interaction.at(), zone).isBefore(first)) {
				continue;
			}
			count++;
		}
		return count;
	}

}
