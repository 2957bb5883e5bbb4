package org.dues.compliance;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dues.compliance.Contacts.KOLKATA;
import static org.dues.compliance.Contacts.LONDON;
import static org.dues.compliance.Contacts.at;
import static org.dues.compliance.Contacts.call;
import static org.dues.compliance.Contacts.contact;
import static org.dues.compliance.Contacts.inbound;
import static org.dues.compliance.Contacts.inboundCall;
import static org.dues.compliance.Contacts.local;
import static org.dues.compliance.Contacts.ny;
import static org.dues.compliance.Contacts.outbound;

class HoldsAndBansTests {

	private static final Instant RECEIVED = ny("2026-06-01T09:00");

	@Test
	void aCeaseRequestStopsEverythingButThePermittedNotices() {
		ContactDecision call = call("2026-06-02T10:00").hold(HoldType.CEASE, RECEIVED, null, "A")
			.under(TestPolicies.us());
		assertThat(call.blockedBy()).extracting(RuleResult::rule).containsExactly("holds");
		assertThat(call.blockedBy().get(0).reason()).contains("CEASE").contains("asked us to stop");
		assertThat(contact(Channel.LETTER, "2026-06-02T10:00").forPurpose(Purpose.REQUIRED_NOTICE)
			.hold(HoldType.CEASE, RECEIVED, null, "A")
			.under(TestPolicies.us())
			.allowed()).isTrue();
		assertThat(call("2026-06-02T10:00").forPurpose(Purpose.REQUIRED_NOTICE)
			.hold(HoldType.CEASE, RECEIVED, null, "A")
			.under(TestPolicies.us())
			.allowed()).isFalse();
		// a cease about debt A leaves debt B
		assertThat(call("2026-06-02T10:00").about("B")
			.hold(HoldType.CEASE, RECEIVED, null, "A")
			.under(TestPolicies.us())
			.allowed()).isTrue();
	}

	@Test
	void aHoldTakesEffectFromWhenItWasReceivedUntilItIsLifted() {
		assertThat(
				call("2026-06-01T08:59").hold(HoldType.DISPUTE, RECEIVED, null, "A").under(TestPolicies.us()).allowed())
			.isTrue();
		Instant verificationSent = ny("2026-06-05T12:00");
		assertThat(call("2026-06-05T11:59").hold(HoldType.DISPUTE, RECEIVED, verificationSent, "A")
			.under(TestPolicies.us())
			.allowed()).isFalse();
		assertThat(call("2026-06-05T12:00").hold(HoldType.DISPUTE, RECEIVED, verificationSent, "A")
			.under(TestPolicies.us())
			.allowed()).isTrue();
	}

	@Test
	void anAttorneyHoldAllowsTheAttorneyAndOneReplyToTheConsumer() {
		Contacts consumer = call("2026-06-02T10:00").hold(HoldType.ATTORNEY, RECEIVED, null, "A");
		assertThat(consumer.under(TestPolicies.us()).allowed()).isFalse();
		assertThat(call("2026-06-02T10:00").to(PersonRole.ATTORNEY)
			.hold(HoldType.ATTORNEY, RECEIVED, null, "A")
			.under(TestPolicies.us())
			.allowed()).isTrue();
		assertThat(call("2026-06-02T10:00").after(inboundCall("2026-06-02T09:40", ContactResult.NO_ANSWER, "A"))
			.hold(HoldType.ATTORNEY, RECEIVED, null, "A")
			.under(TestPolicies.us())
			.allowed()).isTrue();
	}

	@Test
	void aHoldNamingNoDebtHoldsEveryDebt() {
		assertThat(call("2026-06-02T10:00").about("B")
			.hold(HoldType.BANKRUPTCY, RECEIVED, null)
			.under(TestPolicies.us())
			.allowed()).isFalse();
	}

	@Test
	void anOpenComplaintBlocksRecoveryContactInIndiaAndWarnsElsewhere() {
		Instant filed = local("2026-11-20T10:00", KOLKATA);
		ContactDecision india = at(Channel.CALL, local("2026-11-26T11:00", KOLKATA)).in(KOLKATA)
			.hold(HoldType.COMPLAINT, filed, null, "A")
			.under(TestPolicies.india());
		assertThat(india.allowed()).isFalse();
		ContactDecision us = call("2026-06-02T10:00").hold(HoldType.COMPLAINT, RECEIVED, null, "A")
			.under(TestPolicies.us());
		assertThat(us.allowed()).isTrue();
		assertThat(us.warnings()).singleElement().asString().contains("complaint is open");
	}

	@Test
	void aBreathingSpaceMoratoriumBlocksCollectionUntilItEnds() {
		Instant start = local("2026-11-01T00:00", LONDON);
		Instant end = local("2027-01-01T00:00", LONDON);
		assertThat(at(Channel.CALL, local("2026-11-26T11:00", LONDON)).in(LONDON)
			.hold(HoldType.BREATHING_SPACE, start, end)
			.under(TestPolicies.uk())
			.allowed()).isFalse();
		assertThat(at(Channel.LETTER, local("2026-11-26T11:00", LONDON)).in(LONDON)
			.forPurpose(Purpose.REQUIRED_NOTICE)
			.hold(HoldType.BREATHING_SPACE, start, end)
			.under(TestPolicies.uk())
			.allowed()).isTrue();
		assertThat(at(Channel.CALL, local("2027-01-04T11:00", LONDON)).in(LONDON)
			.hold(HoldType.BREATHING_SPACE, start, end)
			.under(TestPolicies.uk())
			.allowed()).isTrue();
	}

	@Test
	void inconvenientTimesBlockUntilTheirEndButThePersonsOwnContactGetsOneReply() {
		Set<DayOfWeek> weekdays = Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
				DayOfWeek.FRIDAY);
		// "not at work": weekdays 09:00–17:00, until 30 June
		ContactDecision atWork = contact(Channel.SMS, "2026-06-03T12:30")
			.blackout(weekdays, "09:00", "17:00", "2026-06-30")
			.under(TestPolicies.us());
		assertThat(atWork.blockedBy()).extracting(RuleResult::rule).containsExactly("inconvenient-times");
		assertThat(contact(Channel.SMS, "2026-06-03T17:00").blackout(weekdays, "09:00", "17:00", "2026-06-30")
			.under(TestPolicies.us())
			.allowed()).isTrue();
		assertThat(contact(Channel.SMS, "2026-07-01T12:30").blackout(weekdays, "09:00", "17:00", "2026-06-30")
			.under(TestPolicies.us())
			.allowed()).isTrue();
		// Sundays, all day
		assertThat(call("2026-06-07T12:00").blackout(Set.of(DayOfWeek.SUNDAY), null, null, null)
			.under(TestPolicies.us())
			.allowed()).isFalse();
		// the person texts at 12:10: one text back is allowed, a second is not, nor a
		// call
		Contacts reply = contact(Channel.SMS, "2026-06-03T12:20").after(inbound(Channel.SMS, "2026-06-03T12:10", "A"))
			.blackout(weekdays, "09:00", "17:00", null);
		assertThat(reply.under(TestPolicies.us()).allowed()).isTrue();
		assertThat(contact(Channel.SMS, "2026-06-03T12:30").after(inbound(Channel.SMS, "2026-06-03T12:10", "A"))
			.after(outbound(Channel.SMS, "2026-06-03T12:20", ContactResult.DELIVERED, "A"))
			.blackout(weekdays, "09:00", "17:00", null)
			.under(TestPolicies.us())
			.allowed()).isFalse();
		assertThat(call("2026-06-03T12:20").after(inbound(Channel.SMS, "2026-06-03T12:10", "A"))
			.blackout(weekdays, "09:00", "17:00", null)
			.under(TestPolicies.us())
			.allowed()).isFalse();
	}

	@Test
	void aBlackoutPastMidnightCoversTheEarlyHoursOfTheNextDay() {
		// night shift worker: asleep Mondays from 20:00 until 02:00 Tuesday; calls at
		// 20:30
		// Monday are out, 08:00 Tuesday is in
		Contacts monday = call("2026-06-01T20:30").blackout(Set.of(DayOfWeek.MONDAY), "20:00", "02:00", null);
		assertThat(monday.under(TestPolicies.us()).allowed()).isFalse();
		ContactFacts.Blackout blackout = monday.facts().blackouts().get(0);
		assertThat(blackout.covers(java.time.LocalDate.parse("2026-06-02"), java.time.LocalTime.parse("01:30")))
			.isTrue();
		assertThat(blackout.covers(java.time.LocalDate.parse("2026-06-02"), java.time.LocalTime.parse("02:00")))
			.isFalse();
	}

	@Test
	void aBannedChannelOrNumberIsNotUsed() {
		assertThat(contact(Channel.EMAIL, "2026-06-02T10:00").ban(Channel.EMAIL, null)
			.under(TestPolicies.us())
			.blockedBy()).extracting(RuleResult::rule).containsExactly("channel-bans");
		Contacts work = call("2026-06-02T10:00").address("+1 (212) 555-0100").ban(Channel.CALL, "+12125550100");
		assertThat(work.under(TestPolicies.us()).allowed()).isFalse();
		assertThat(call("2026-06-02T10:00").address("+12125550199")
			.ban(Channel.CALL, "+12125550100")
			.under(TestPolicies.us())
			.allowed()).isTrue();
		// a number-specific ban blocks a call whose number is not stated
		assertThat(call("2026-06-02T10:00").ban(Channel.CALL, "+12125550100").under(TestPolicies.us()).allowed())
			.isFalse();
		// the person emails in: one email back is allowed
		assertThat(contact(Channel.EMAIL, "2026-06-02T10:30").after(inbound(Channel.EMAIL, "2026-06-02T10:00", "A"))
			.ban(Channel.EMAIL, null)
			.under(TestPolicies.us())
			.allowed()).isTrue();
	}

	@Test
	void aThirdPartyOnlyForLocationOnceAndNeverToldOfTheDebt() {
		Contacts collecting = call("2026-06-02T10:00").to(PersonRole.THIRD_PARTY).address("+12125550155");
		assertThat(collecting.under(TestPolicies.us()).blockedBy()).extracting(RuleResult::rule)
			.containsExactly("third-party");
		ContactDecision location = call("2026-06-02T10:00").to(PersonRole.THIRD_PARTY)
			.forPurpose(Purpose.LOCATION_INFORMATION)
			.under(TestPolicies.us());
		assertThat(location.allowed()).isTrue();
		assertThat(location.warnings()).singleElement().asString().contains("never say or imply");
		ContactFacts.Interaction reached = Contacts.outboundCall("2026-06-01T10:00", ContactResult.CONVERSATION, "A");
		assertThat(call("2026-06-09T10:00").to(PersonRole.THIRD_PARTY)
			.forPurpose(Purpose.LOCATION_INFORMATION)
			.after(reached)
			.under(TestPolicies.us())
			.allowed()).isFalse();
		assertThat(call("2026-06-09T10:00").to(PersonRole.THIRD_PARTY)
			.forPurpose(Purpose.LOCATION_INFORMATION)
			.after(reached, inboundCall("2026-06-08T10:00", ContactResult.CONVERSATION))
			.under(TestPolicies.us())
			.allowed()).isTrue();
		// India: family and referees are never pressed for payment
		ContactDecision india = at(Channel.CALL, local("2026-11-26T11:00", KOLKATA)).in(KOLKATA)
			.to(PersonRole.THIRD_PARTY)
			.forPurpose(Purpose.LOCATION_INFORMATION)
			.under(TestPolicies.india());
		assertThat(india.warnings()).singleElement().asString().contains("do not press family, referees");
	}

	@Test
	void massachusettsAllowsTwoCallsOrTextsPerDebtInSevenDays() {
		ContactDecision third = call("2026-06-05T10:00")
			.after(Contacts.outboundCall("2026-06-01T10:00", ContactResult.VOICEMAIL, "A"),
					outbound(Channel.SMS, "2026-06-03T10:00", ContactResult.DELIVERED, "A"))
			.under(TestPolicies.massachusetts());
		assertThat(third.blockedBy()).extracting(RuleResult::rule).containsExactly("massachusetts-calls-and-texts");
		assertThat(third.blockedBy().get(0).reason()).contains("940 CMR 7.04(1)(f)");
		assertThat(call("2026-06-05T10:00").about("B")
			.after(Contacts.outboundCall("2026-06-01T10:00", ContactResult.VOICEMAIL, "A"),
					outbound(Channel.SMS, "2026-06-03T10:00", ContactResult.DELIVERED, "A"))
			.under(TestPolicies.massachusetts())
			.allowed()).isTrue();
		assertThat(call("2026-06-08T10:00")
			.after(Contacts.outboundCall("2026-06-01T10:00", ContactResult.VOICEMAIL, "A"),
					outbound(Channel.SMS, "2026-06-03T10:00", ContactResult.DELIVERED, "A"))
			.under(TestPolicies.massachusetts())
			.allowed()).isTrue();
		// an email is not a call or text under the overlay
		assertThat(contact(Channel.EMAIL, "2026-06-05T10:00")
			.after(Contacts.outboundCall("2026-06-01T10:00", ContactResult.VOICEMAIL, "A"),
					outbound(Channel.SMS, "2026-06-03T10:00", ContactResult.DELIVERED, "A"))
			.under(TestPolicies.massachusetts())
			.allowed()).isTrue();
	}

	@Test
	void aBlackoutEndingOnADayCoversThatNightToTheMorning() {
		ContactFacts.Blackout nights = call("2026-06-01T20:30")
			.blackout(Set.of(DayOfWeek.MONDAY), "20:00", "09:00", "2026-06-01")
			.facts()
			.blackouts()
			.get(0);
		assertThat(nights.covers(java.time.LocalDate.parse("2026-06-02"), java.time.LocalTime.parse("08:30"))).isTrue();
		assertThat(nights.covers(java.time.LocalDate.parse("2026-06-08"), java.time.LocalTime.parse("20:30")))
			.isFalse();
	}

}
