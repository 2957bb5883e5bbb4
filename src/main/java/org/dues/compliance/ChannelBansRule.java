package org.dues.compliance;

import java.util.List;
import java.util.Optional;

import org.dues.compliance.ContactFacts.ChannelBan;
import org.dues.compliance.ContactFacts.Interaction;
import org.dues.shared.Phrase;

/**
 * Media the person asked not to be used (12 CFR 1006.14(h)): a whole channel, or one
 * number or address. A number-specific ban blocks a contact whose number is not stated
 * (we cannot show it is another one). One reply to a contact the person started in that
 * medium is allowed (1006.14(h)(2)).
 */
final class ChannelBansRule implements ContactRule {

	static final String NAME = "channel-bans";

	@Override
	public List<RuleResult> evaluate(Situation situation) {
		ContactFacts facts = situation.facts();
		String address = ContactFacts.normalise(facts.person().address());
		for (ChannelBan ban : facts.channelBans()) {
			if (ban.channel() != facts.channel()) {
				continue;
			}
			String banned = ContactFacts.normalise(ban.address());
			if (banned == null || address == null || banned.equals(address)) {
				// the one reply to a contact the person started, unless that contact was
				// the request to stop
				Optional<Interaction> reply = situation.replyTo()
					.filter((inbound) -> ban.receivedAt() == null || inbound.at().isAfter(ban.receivedAt()));
				if (reply.isPresent()) {
					return List.of(RuleResult.allowed(NAME,
							"%s is banned, but this is the one reply to the contact ".formatted(what(ban))
									+ "the person started in that medium",
							Phrase.of("rule.bans.reply", whatSaid(ban))));
				}
				boolean unstated = banned != null && address == null;
				return List.of(RuleResult.blocked(NAME,
						"The person asked not to be contacted by %s".formatted(what(ban))
								+ (unstated ? " and no number was given" : ""),
						Phrase.of(unstated ? "rule.bans.blockedNoNumber" : "rule.bans.blocked", whatSaid(ban))));
			}
		}
		return List.of(RuleResult.allowed(NAME,
				"The person has not banned %s%s".formatted(facts.channel(),
						(address == null) ? "" : " to " + facts.person().address()),
				(address == null) ? Phrase.of("rule.bans.none", Situation.said(facts.channel()))
						: Phrase.of("rule.bans.noneTo", Situation.said(facts.channel()),
								String.valueOf(facts.person().address()))));
	}

	private static Phrase whatSaid(ChannelBan ban) {
		return (ban.address() == null) ? Situation.said(ban.channel())
				: Phrase.of("rule.bans.to", Situation.said(ban.channel()), ban.address());
	}

	private static String what(ChannelBan ban) {
		return (ban.address() == null) ? ban.channel().name() : ban.channel() + " to " + ban.address();
	}

}
