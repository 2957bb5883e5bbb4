package org.dues.compliance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.dues.compliance.ContactFacts.Blackout;
import org.dues.compliance.ContactFacts.Hold;
import org.dues.compliance.ContactPolicy.Window;

/**
 * The contact decision as a pure function of a policy and stated facts: every rule is
 * evaluated and listed; the contact is allowed only if none blocks it. The live gate and
 * {@code POST /api/v1/compliance/evaluate} both call this, so they cannot disagree.
 */
public final class ContactDecider {

	private static final List<ContactRule> RULES = List.of(new ContactHoursRule(), new InconvenientTimesRule(),
			new ChannelBansRule(), new ContactPointsRule(), new HoldsRule(), new ThirdPartyRule(),
			new CallFrequencyRule(), new ConversationRule(), new VolumeLimitsRule());

	/** How far ahead {@link #nextOpening} looks. */
	static final Duration HORIZON = Duration.ofDays(14);

	private ContactDecider() {
	}

	/** Decides whether the contact the facts describe is allowed under the policy. */
	public static ContactDecision decide(ContactPolicy policy, ContactFacts facts) {
		Situation situation = new Situation(policy, facts);
		List<RuleResult> results = new ArrayList<>(RULES.size() + policy.volumeLimits().size());
		for (ContactRule rule : RULES) {
			results.addAll(rule.evaluate(situation));
		}
		return ContactDecision.of(policy, results);
	}

	/**
	 * The first moment from the facts' time on, within two weeks, at which the same
	 * contact would be allowed, assuming nothing else happens in between; empty when
	 * there is none (a hold with no end, say). Candidates are the moments at which a
	 * rule's finding can change: local midnights, window openings, the ends of blackouts
	 * and holds.
	 */
	public static Optional<Instant> nextOpening(ContactPolicy policy, ContactFacts facts) {
		Instant start = facts.at();
		Instant end = start.plus(HORIZON);
		TreeSet<Instant> candidates = new TreeSet<>();
		candidates.add(start);
		Window window = policy.hours().get(facts.channel());
		for (ZoneId zone : facts.person().timeZones()) {
			LocalDate today = LocalDate.ofInstant(start, zone);
			for (int day = 0; day <= HORIZON.toDays(); day++) {
				LocalDate date = today.plusDays(day);
				candidates.add(date.atStartOfDay(zone).toInstant());
				if (window != null) {
					candidates.add(date.atTime(window.from()).atZone(zone).toInstant());
				}
				for (Blackout blackout : facts.blackouts()) {
					if (blackout.to() != null) {
						candidates.add(date.atTime(blackout.to()).atZone(zone).toInstant());
					}
				}
			}
		}
		for (Hold hold : facts.holds()) {
			if (hold.to() != null) {
				candidates.add(hold.to());
			}
		}
		for (Instant candidate : candidates.subSet(start, true, end, true)) {
			if (decide(policy, facts.at(candidate)).allowed()) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

}
