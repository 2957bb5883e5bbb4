package org.dues.compliance;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dues.compliance.Contacts.KOLKATA;
import static org.dues.compliance.Contacts.LONDON;
import static org.dues.compliance.Contacts.LOS_ANGELES;
import static org.dues.compliance.Contacts.NEW_YORK;
import static org.dues.compliance.Contacts.at;
import static org.dues.compliance.Contacts.call;
import static org.dues.compliance.Contacts.contact;
import static org.dues.compliance.Contacts.local;

class ContactHoursTests {

	@Test
	void usCallsFromEightInTheMorningUntilNineAtNightLocalTime() {
		assertThat(call("2026-04-08T07:59").under(TestPolicies.us()).blockedBy()).extracting(RuleResult::rule)
			.containsExactly("contact-hours");
		assertThat(call("2026-04-08T08:00").under(TestPolicies.us()).allowed()).isTrue();
		assertThat(call("2026-04-08T20:59").under(TestPolicies.us()).allowed()).isTrue();
		ContactDecision nine = call("2026-04-08T21:00").under(TestPolicies.us());
		assertThat(nine.allowed()).isFalse();
		assertThat(nine.blockedBy().get(0).reason()).contains("Wed 8 Apr 2026 21:00 America/New_York")
			.contains("08:00–21:00");
	}

	@Test
	void aPersonWhoMayBeInTwoZonesGetsTheOverlapOfTheirWindows() {
		// 1006.6(b)(1)(i) commentary: with more than one possible zone, a time convenient
		// in
		// all of them
		assertThat(call("2026-04-08T08:30").in(NEW_YORK, LOS_ANGELES).under(TestPolicies.us()).allowed()).isFalse();
		assertThat(call("2026-04-08T10:59").in(NEW_YORK, LOS_ANGELES).under(TestPolicies.us()).allowed()).isFalse();
		assertThat(call("2026-04-08T11:00").in(NEW_YORK, LOS_ANGELES).under(TestPolicies.us()).allowed()).isTrue();
		assertThat(call("2026-04-08T20:59").in(NEW_YORK, LOS_ANGELES).under(TestPolicies.us()).allowed()).isTrue();
	}

	@Test
	void indiaAllowsCallsVisitsAndMessagesFromEightUntilSevenInTheEvening() {
		Instant sevenPm = local("2026-11-26T19:00", KOLKATA);
		Instant justBefore = local("2026-11-26T18:59", KOLKATA);
		for (Channel channel : List.of(Channel.CALL, Channel.VISIT, Channel.SMS, Channel.WHATSAPP)) {
			assertThat(at(channel, justBefore).in(KOLKATA).under(TestPolicies.india()).allowed()).as(channel.name())
				.isTrue();
			assertThat(at(channel, sevenPm).in(KOLKATA).under(TestPolicies.india()).allowed()).as(channel.name())
				.isFalse();
		}
	}

	@Test
	void anEmailIsJudgedAtItsSendTimeAndALetterHasNoHours() {
		assertThat(contact(Channel.EMAIL, "2026-04-08T22:00").under(TestPolicies.us()).allowed()).isFalse();
		ContactDecision letter = contact(Channel.LETTER, "2026-04-08T23:00").under(TestPolicies.us());
		assertThat(letter.allowed()).isTrue();
		assertThat(letter.rules().get(0).outcome()).isEqualTo(RuleResult.Outcome.NOT_APPLICABLE);
	}

	@Test
	void aUsConsumersDirectConsentLiftsTheHoursButNotInIndia() {
		Instant asked = local("2026-04-08T20:45", NEW_YORK);
		ContactDecision us = call("2026-04-08T21:30").consent(ConsentKind.INCONVENIENT_TIME, asked, null)
			.under(TestPolicies.us());
		assertThat(us.allowed()).isTrue();
		assertThat(us.rules().get(0).reason()).contains("consented directly");
		// without a stated end the consent lasts only the local day it was given
		assertThat(call("2026-04-09T07:30").consent(ConsentKind.INCONVENIENT_TIME, asked, null)
			.under(TestPolicies.us())
			.allowed()).isFalse();
		Instant inIndia = local("2026-11-26T18:30", KOLKATA);
		assertThat(at(Channel.CALL, local("2026-11-26T19:30", KOLKATA)).in(KOLKATA)
			.consent(ConsentKind.INCONVENIENT_TIME, inIndia, null)
			.under(TestPolicies.india())
			.allowed()).isFalse();
	}

	@Test
	void withNoKnownZoneNothingCanBeShownConvenient() {
		ContactDecision decision = call("2026-04-08T12:00").in().under(TestPolicies.us());
		assertThat(decision.blockedBy().get(0).reason()).contains("No time zone is known");
	}

	@Test
	void theUkDefaultIsEightToNine() {
		assertThat(at(Channel.CALL, local("2026-11-26T20:30", LONDON)).in(LONDON).under(TestPolicies.uk()).allowed())
			.isTrue();
		assertThat(at(Channel.CALL, local("2026-11-26T21:00", LONDON)).in(LONDON).under(TestPolicies.uk()).allowed())
			.isFalse();
	}

	@Test
	void everyRuleIsListedInEveryDecision() {
		assertThat(call("2026-04-08T12:00").under(TestPolicies.us()).rules()).extracting(RuleResult::rule)
			.containsExactly("contact-hours", "inconvenient-times", "channel-bans", "contact-points", "holds",
					"third-party", "call-frequency", "conversation-cooldown", "contact-volume");
		assertThat(call("2026-04-08T12:00").under(TestPolicies.massachusetts()).rules()).extracting(RuleResult::rule)
			.contains("massachusetts-calls-and-texts");
	}

	@Test
	void theNextOpeningIsEightTheNextMorning() {
		ContactFacts late = call("2026-04-08T21:30").facts();
		assertThat(ContactDecider.nextOpening(TestPolicies.us(), late)).contains(local("2026-04-09T08:00", NEW_YORK));
		ContactFacts twoZones = call("2026-04-08T21:30").in(NEW_YORK, ZoneId.of("America/Chicago")).facts();
		assertThat(ContactDecider.nextOpening(TestPolicies.us(), twoZones))
			.contains(local("2026-04-09T09:00", NEW_YORK));
	}

}
