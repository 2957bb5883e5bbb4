package org.dues.compliance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.dues.compliance.ContactFacts.Consent;
import org.dues.compliance.ContactFacts.Interaction;
import org.dues.compliance.ContactPolicy.CallFrequency;
import org.dues.shared.Phrase;

/**
 * Reg F's call frequency presumption (12 CFR 1006.14(b)(2)(i)), per person and per debt:
 * no more than seven calls within seven consecutive days, counted in the person's local
 * calendar (every zone they may be in; the strictest count wins). Counted: outbound calls
 * that rang, were answered (even if dropped) or reached voicemail; not those that never
 * connected (busy, not in service), nor calls to a number that was someone else's. A call
 * naming no debt counts toward every debt (conservative). Calls placed under the person's
 * direct consent (1006.14(b)(3)(i)) are not counted, and a call under such consent is
 * allowed.
 */
final class CallFrequencyRule implements ContactRule {

	static final String NAME = "call-frequency";

	@Override
	public List<RuleResult> evaluate(Situation situation) {
		ContactFacts facts = situation.facts();
		CallFrequency limit = situation.policy().callFrequency();
		if (limit == null) {
			return List.of(RuleResult.notApplicable(NAME, situation.policy().code() + " sets no call frequency limit",
					Phrase.of("rule.frequency.none", situation.policy().code())));
		}
		if (facts.channel() != Channel.CALL || facts.person().role() != PersonRole.CONSUMER) {
			return List.of(RuleResult.notApplicable(NAME,
					"Counts only calls to the consumer; texts and emails fall under the volume limits",
					Phrase.of("rule.frequency.callsOnly")));
		}
		List<String> allowed = new ArrayList<>();
		List<Phrase> allowedSaid = new ArrayList<>();
		for (String debt : debts(facts)) {
			Optional<Consent> consent = situation.callConsent(debt, facts.at());
			if (consent.isPresent()) {
				allowed.add("%s: allowed under consent given directly on %s".formatted(label(debt),
						situation.local(consent.get().receivedAt())));
				allowedSaid
					.add(Phrase.of("rule.frequency.consented", Situation.debtSaid(debt), consent.get().receivedAt()));
				continue;
			}
			for (ZoneId zone : facts.person().timeZones()) {
				LocalDate today = Situation.localDate(facts.at(), zone);
				LocalDate first = today.minusDays(limit.days() - 1L);
				int calls = count(situation, debt, zone, first);
				if (calls >= limit.maxCalls()) {
					return List.of(RuleResult.blocked(NAME,
							"%s: %d calls already placed in the %d days %s to %s (%s); the limit is %d"
								.formatted(label(debt), calls, limit.days(), first, today, zone, limit.maxCalls()),
							Phrase.of("rule.frequency.blocked", Situation.debtSaid(debt), calls, limit.days(), first,
									today, zone.getId(), limit.maxCalls())));
				}
				allowed.add("%s: %d of %d calls in the %d days %s to %s (%s)".formatted(label(debt), calls,
						limit.maxCalls(), limit.days(), first, today, zone));
				allowedSaid.add(Phrase.of("rule.frequency.counted", Situation.debtSaid(debt), calls, limit.maxCalls(),
						limit.days(), first, today, zone.getId()));
			}
		}
		return List.of(RuleResult.allowed(NAME, String.join("; ", allowed), Phrase.all(allowedSaid)));
	}

	/** The counted calls about a debt on the local days from {@code first} to now. */
	static int count(Situation situation, String debt, ZoneId zone, LocalDate first) {
		ContactFacts facts = situation.facts();
		Instant horizon = first.atStartOfDay(zone).toInstant().minus(Duration.ofDays(1));
		Set<String> debts = Situation.debtSet(debt);
		int calls = 0;
		for (Interaction call : facts.history()) {
			if (call.at().isBefore(horizon) || call.at().isAfter(facts.at()) || call.channel() != Channel.CALL
					|| call.direction() != Direction.OUTBOUND || !ContactResult.countsAsPlacedCall(call.result())
					|| !ContactFacts.concerns(call.debts(), debts)
					|| Situation.localDate(call.at(), zone).isBefore(first)) {
				continue;
			}
			if (situation.callConsent(debt, call.at()).isEmpty()) {
				calls++;
			}
		}
		return calls;
	}

	static Set<String> debts(ContactFacts facts) {
		return facts.debts().isEmpty() ? Set.of("") : facts.debts();
	}

	static String label(String debt) {
		return debt.isEmpty() ? "any debt" : "debt " + debt;
	}

}
