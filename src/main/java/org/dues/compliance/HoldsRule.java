package org.dues.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.dues.compliance.ContactFacts.Hold;
import org.dues.compliance.ContactPolicy.Action;
import org.dues.compliance.ContactPolicy.HoldEffect;
import org.dues.shared.Phrase;

/**
 * Holds on the debts the contact is about, in force from when they were received until
 * lifted or ended. Each hold type acts as the policy says:
 * <ul>
 * <li>cease (FDCPA 805(c), 1006.6(c)): nothing but the notices a cease still permits, by
 * letter or email;</li>
 * <li>attorney (805(a)(2), 1006.6(b)(2)): no contact with the person; contact with the
 * attorney is the point, and one reply to a contact the person started is allowed;</li>
 * <li>dispute (809(b), 1006.34(c)(5)): no collection until verification is sent, which
 * lifts the hold; the verification itself is a notice;</li>
 * <li>bankruptcy (11 U.S.C. 362), deceased, UK Breathing Space and mental-health crisis
 * moratoria (Debt Respite Scheme Regulations 2020, reg. 7): no collection contact, only
 * notices;</li>
 * <li>an open complaint: India blocks recovery-agent contact while it is open; elsewhere
 * it warns.</li>
 * </ul>
 * A hold naming no debt holds every debt of the person. A type the policy does not name
 * blocks (the conservative reading).
 */
final class HoldsRule implements ContactRule {

	static final String NAME = "holds";

	private static final Set<Channel> NOTICE_CHANNELS = Set.of(Channel.LETTER, Channel.EMAIL);

	private static final HoldEffect UNKNOWN = new HoldEffect(Action.BLOCK, true, false);

	@Override
	public List<RuleResult> evaluate(Situation situation) {
		ContactFacts facts = situation.facts();
		List<String> blocking = new ArrayList<>();
		List<String> passing = new ArrayList<>();
		List<String> warnings = new ArrayList<>();
		List<Phrase> blockingSaid = new ArrayList<>();
		List<Phrase> passingSaid = new ArrayList<>();
		List<Phrase> warningsSaid = new ArrayList<>();
		for (Hold hold : facts.holds()) {
			if (!hold.activeAt(facts.at()) || !ContactFacts.concerns(hold.debts(), facts.debts())) {
				continue;
			}
			HoldEffect effect = situation.policy().holds().getOrDefault(hold.type(), UNKNOWN);
			String since = "%s hold since %s".formatted(hold.type(), situation.local(hold.from()));
			Phrase sinceSaid = Phrase.of("rule.holds.since", Phrase.of("hold." + hold.type()), hold.from());
			Phrase explained = Phrase.of("rule.holds.explained", sinceSaid, Phrase.of("rule.holds.why." + hold.type()));
			if (hold.type() == HoldType.ATTORNEY && facts.person().role() == PersonRole.ATTORNEY) {
				passing.add(since + " (the contact is with the attorney)");
				passingSaid.add(Phrase.of("rule.holds.attorneyContact", sinceSaid));
			}
			else if (effect.action() == Action.WARN) {
				warnings.add(since + ": " + explain(hold.type()));
				warningsSaid.add(explained);
				passing.add(since + " warns only under " + situation.policy().code());
				passingSaid.add(Phrase.of("rule.holds.warnOnly", sinceSaid, situation.policy().code()));
			}
			else if (effect.noticesAllowed() && facts.purpose() == Purpose.REQUIRED_NOTICE
					&& NOTICE_CHANNELS.contains(facts.channel())) {
				passing.add(since + " (a required notice may still go out)");
				passingSaid.add(Phrase.of("rule.holds.notice", sinceSaid));
			}
			else if (effect.repliesAllowed() && situation.replyTo().isPresent()) {
				passing.add(since + " (one reply to the contact the person started)");
				passingSaid.add(Phrase.of("rule.holds.reply", sinceSaid));
			}
			else {
				blocking.add(since + ": " + explain(hold.type()));
				blockingSaid.add(explained);
			}
		}
		RuleResult result;
		if (!blocking.isEmpty()) {
			result = RuleResult.blocked(NAME, String.join("; ", blocking), Phrase.all(blockingSaid));
		}
		else if (!passing.isEmpty()) {
			result = RuleResult.allowed(NAME, String.join("; ", passing), Phrase.all(passingSaid));
		}
		else {
			result = RuleResult.allowed(NAME, "No hold on the debts this contact is about",
					Phrase.of("rule.holds.none"));
		}
		return List
			.of(warnings.isEmpty() ? result : result.warning(String.join("; ", warnings), Phrase.all(warningsSaid)));
	}

	static String explain(HoldType type) {
		return switch (type) {
			case CEASE -> "the person asked us to stop communicating; only permitted notices may go out";
			case ATTORNEY -> "the person is represented by an attorney; contact the attorney instead";
			case DISPUTE -> "the debt is disputed; no collection until verification is sent";
			case BANKRUPTCY -> "bankruptcy: the automatic stay bars collection";
			case DECEASED -> "the person has died; deal only with the estate's representative";
			case BREATHING_SPACE -> "Breathing Space moratorium: no contact to collect the debt";
			case MENTAL_CAPACITY -> "mental health crisis moratorium: no contact to collect the debt";
			case COMPLAINT -> "a complaint is open";
		};
	}

}
