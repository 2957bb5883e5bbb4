package org.dues.compliance;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.dues.compliance.ContactFacts.Blackout;
import org.dues.compliance.ContactFacts.Interaction;
import org.dues.shared.Phrase;

/**
 * Times the person said are inconvenient (12 CFR 1006.6(b)(1)(i): a time the collector
 * knows or should know is inconvenient). A blackout is judged in every zone the person
 * may be in. If the person starts a contact at such a time, one reply in the same medium
 * may follow (commentary 6(b)(1)(i)-2), within the policy's reply window. Where the
 * policy allows it, direct consent to contact at this time lifts the rule.
 */
final class InconvenientTimesRule implements ContactRule {

	static final String NAME = "inconvenient-times";

	@Override
	public List<RuleResult> evaluate(Situation situation) {
		ContactFacts facts = situation.facts();
		if (facts.blackouts().isEmpty()) {
			return List.of(RuleResult.notApplicable(NAME, "The person has named no inconvenient times",
					Phrase.of("rule.inconvenient.none")));
		}
		for (Blackout blackout : facts.blackouts()) {
			for (ZoneId zone : facts.person().timeZones()) {
				LocalDate date = Situation.localDate(facts.at(), zone);
				LocalTime time = facts.at().atZone(zone).toLocalTime();
				if (blackout.covers(date, time)) {
					return List.of(inside(situation, blackout, zone));
				}
			}
		}
		return List.of(RuleResult.allowed(NAME, "Outside every time the person called inconvenient",
				Phrase.of("rule.inconvenient.outside")));
	}

	private static RuleResult inside(Situation situation, Blackout blackout, ZoneId zone) {
		Optional<Interaction> reply = situation.replyTo();
		if (reply.isPresent()) {
			return RuleResult.allowed(NAME,
					"Inside a time the person called inconvenient, but this is the one reply "
							+ "to the contact they started at " + Situation.local(reply.get().at(), zone),
					Phrase.of("rule.inconvenient.reply", reply.get().at()));
		}
		if (situation.policy().inconvenientTimeConsent() && situation.timeConsent().isPresent()) {
			return RuleResult.allowed(NAME,
					"Inside a time the person called inconvenient, but they consented directly to contact now",
					Phrase.of("rule.inconvenient.consented"));
		}
		Phrase days = Phrase.commas(blackout.daysOfWeek().stream().sorted().map((d) -> Phrase.of("day." + d)).toList());
		Phrase when = (blackout.from() == null) ? days
				: Phrase.of("rule.inconvenient.hours", days, blackout.from(), blackout.to());
		if (blackout.until() != null) {
			when = Phrase.of("rule.inconvenient.until", when, blackout.until());
		}
		return RuleResult.blocked(NAME,
				"It is %s: the person said %s%s is inconvenient%s".formatted(
						Situation.local(situation.at(), zone), blackout.daysOfWeek().stream().sorted().toList(),
						(blackout.from() == null) ? "" : " " + blackout.from() + "–" + blackout.to(),
						(blackout.until() == null) ? "" : " (until " + blackout.until() + ")"),
				Phrase.of("rule.inconvenient.blocked", Situation.localSaid(situation.at(), zone), zone.getId(), when));
	}

}
