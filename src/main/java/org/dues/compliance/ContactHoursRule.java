package org.dues.compliance;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.dues.compliance.ContactFacts.Consent;
import org.dues.compliance.ContactPolicy.Window;
import org.dues.shared.Phrase;

/**
 * Contact hours in the person's local time: the moment must fall inside the channel's
 * window in every zone the person may be in (so the window is their overlap). US: 08:00
 * to 21:00 (12 CFR 1006.6(b)(1)(i)); India: 08:00 to 19:00 (RBI circular of 12 Aug 2022);
 * GB: 08:00 to 21:00 by default (CONC 7.9.4 read with the FCA's guidance on unreasonable
 * times). An email or text is judged at its send time (1006.6(b)(1)(i) commentary).
 * Letters have no hours. With no known zone the contact is blocked: we cannot show it is
 * convenient. Where the policy allows it, the person's direct consent to be contacted at
 * this time lifts the rule.
 */
final class ContactHoursRule implements ContactRule {

	static final String NAME = "contact-hours";

	@Override
	public List<RuleResult> evaluate(Situation situation) {
		ContactFacts facts = situation.facts();
		Window window = situation.policy().hours().get(facts.channel());
		if (window == null) {
			return List.of(RuleResult.notApplicable(NAME,
					"%s has no contact hours under %s".formatted(facts.channel(), situation.policy().code()),
					Phrase.of("rule.hours.none", Situation.said(facts.channel()), situation.policy().code())));
		}
		if (window.from().equals(window.to())) {
			return List.of(RuleResult.blocked(NAME,
					"%s allows no %s contact at any hour".formatted(situation.policy().code(), facts.channel()),
					Phrase.of("rule.hours.never", situation.policy().code(), Situation.said(facts.channel()))));
		}
		List<ZoneId> zones = facts.person().timeZones();
		if (zones.isEmpty()) {
			return List.of(RuleResult.blocked(NAME,
					"No time zone is known for the person, so the contact cannot be shown to fall within %s local time"
						.formatted(window),
					Phrase.of("rule.hours.noZone", window.from(), window.to())));
		}
		for (ZoneId zone : zones) {
			LocalTime local = facts.at().atZone(zone).toLocalTime();
			if (!window.contains(local)) {
				Optional<Consent> consent = situation.policy().inconvenientTimeConsent() ? situation.timeConsent()
						: Optional.empty();
				if (consent.isPresent()) {
					return List.of(RuleResult.allowed(NAME,
							"Outside %s in %s, but the person consented directly on %s to contact at this time"
								.formatted(window, zone, Situation.local(consent.get().receivedAt(), zone)),
							Phrase.of("rule.hours.consented", window.from(), window.to(), zone.getId(),
									consent.get().receivedAt())));
				}
				return List.of(RuleResult.blocked(NAME,
						"It is %s for the person; %s allows %s contact only between %s local time".formatted(
								Situation.local(facts.at(), zone), situation.policy().code(), facts.channel(), window),
						Phrase.of("rule.hours.outside", Situation.localSaid(facts.at(), zone), zone.getId(),
								situation.policy().code(), Situation.said(facts.channel()), window.from(),
								window.to())));
			}
		}
		return List.of(RuleResult.allowed(NAME,
				"%s falls within %s in %s".formatted(facts.channel(), window,
						zones.stream().map(ZoneId::getId).toList()),
				Phrase.of("rule.hours.within", Situation.said(facts.channel()), window.from(), window.to(),
						String.join(", ", zones.stream().map(ZoneId::getId).toList()))));
	}

}
