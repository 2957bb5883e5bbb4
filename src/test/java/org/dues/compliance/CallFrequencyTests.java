package org.dues.compliance;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dues.compliance.ContactResult.ANSWERED_DROPPED;
import static org.dues.compliance.ContactResult.BUSY;
import static org.dues.compliance.ContactResult.CONVERSATION;
import static org.dues.compliance.ContactResult.NOT_IN_SERVICE;
import static org.dues.compliance.ContactResult.NO_ANSWER;
import static org.dues.compliance.ContactResult.VOICEMAIL;
import static org.dues.compliance.ContactResult.WRONG_NUMBER;
import static org.dues.compliance.Contacts.call;
import static org.dues.compliance.Contacts.dailyCalls;
import static org.dues.compliance.Contacts.inboundCall;
import static org.dues.compliance.Contacts.ny;
import static org.dues.compliance.Contacts.outbound;
import static org.dues.compliance.Contacts.outboundCall;

/**
 * Reg F 1006.14(b)(2), with examples built from the official interpretations.
 */
class CallFrequencyTests {

	@Test
	void sevenCallsInSevenDaysAndTheEighthIsRefused() {
		// Monday 1 June to Sunday 7 June: seven unanswered calls about the credit card
		ContactDecision eighth = call("2026-06-07T15:00").after(dailyCalls("2026-06-01", 7, NO_ANSWER, "A"))
			.under(TestPolicies.us());
		assertThat(eighth.blockedBy()).extracting(RuleResult::rule).containsExactly("call-frequency");
		assertThat(eighth.blockedBy().get(0).reason()).contains("7 calls already placed")
			.contains("2026-06-01 to 2026-06-07");
		// Monday 8 June: the 1 June call has left the seven-day period
		assertThat(call("2026-06-08T09:00").after(dailyCalls("2026-06-01", 7, NO_ANSWER, "A"))
			.under(TestPolicies.us())
			.allowed()).isTrue();
	}

	@Test
	void sixCallsLeaveRoomForASeventh() {
		assertThat(call("2026-06-07T15:00").after(dailyCalls("2026-06-01", 6, NO_ANSWER, "A"))
			.under(TestPolicies.us())
			.allowed()).isTrue();
	}

	@Test
	void voicemailAndDroppedCallsCountButBusyNotInServiceAndWrongNumbersDoNot() {
		assertThat(call("2026-06-07T15:00").after(dailyCalls("2026-06-01", 4, VOICEMAIL, "A"))
			.after(dailyCalls("2026-06-05", 3, ANSWERED_DROPPED, "A"))
			.under(TestPolicies.us())
			.allowed()).isFalse();
		assertThat(call("2026-06-07T15:00").after(dailyCalls("2026-06-01", 3, BUSY, "A"))
			.after(dailyCalls("2026-06-04", 2, NOT_IN_SERVICE, "A"))
			.after(dailyCalls("2026-06-06", 2, WRONG_NUMBER, "A"))
			.after(dailyCalls("2026-06-01", 6, NO_ANSWER, "A"))
			.under(TestPolicies.us())
			.allowed()).isTrue();
	}

	@Test
	void daysAreCountedInThePersonsLocalCalendar() {
		// 31 May 23:30 in New York is 1 June in UTC; in New York it lies outside 1–7 June
		ContactDecision decision = call("2026-06-07T15:00").after(outboundCall("2026-05-31T23:30", NO_ANSWER, "A"))
			.after(dailyCalls("2026-06-02", 6, NO_ANSWER, "A"))
			.under(TestPolicies.us());
		assertThat(decision.allowed()).isTrue();
		assertThat(decision.rules()).filteredOn((r) -> r.rule().equals("call-frequency"))
			.extracting(RuleResult::reason)
			.singleElement()
			.asString()
			.contains("6 of 7 calls");
	}

	@Test
	void noCallForSevenDaysAfterATelephoneConversationWhoeverStartedIt() {
		// comment 14(b)(2)(ii): a conversation on Tuesday 1 June is day 1; the next call
		// may be placed on Tuesday 8 June
		for (var conversation : new ContactFacts.Interaction[] { outboundCall("2021-06-01T10:00", CONVERSATION, "A"),
				inboundCall("2021-06-01T10:00", CONVERSATION, "A") }) {
			ContactDecision seventhDay = call("2021-06-07T20:00").after(conversation).under(TestPolicies.us());
			assertThat(seventhDay.blockedBy()).extracting(RuleResult::rule).containsExactly("conversation-cooldown");
			assertThat(seventhDay.blockedBy().get(0).reason()).contains("no call until 2021-06-08");
			assertThat(call("2021-06-08T08:00").after(conversation).under(TestPolicies.us()).allowed()).isTrue();
		}
	}

	@Test
	void aCallAboutSeveralDebtsCountsTowardEachOfThem() {
		// a student loan (A) and an auto loan (B) collected from the same consumer
		ContactDecision aboutB = call("2026-06-07T15:00").about("B")
			.after(dailyCalls("2026-06-01", 7, NO_ANSWER, "A", "B"))
			.under(TestPolicies.us());
		assertThat(aboutB.allowed()).isFalse();
		ContactDecision aboutC = call("2026-06-07T15:00").about("C")
			.after(dailyCalls("2026-06-01", 7, NO_ANSWER, "A", "B"))
			.under(TestPolicies.us());
		assertThat(aboutC.allowed()).isTrue();
		ContactDecision conversationAboutBoth = call("2026-06-03T15:00").about("B")
			.after(outboundCall("2026-06-01T10:00", CONVERSATION, "A", "B"))
			.under(TestPolicies.us());
		assertThat(conversationAboutBoth.allowed()).isFalse();
	}

	@Test
	void aCallThatNamedNoDebtCountsTowardEveryDebt() {
		assertThat(call("2026-06-07T15:00").about("A")
			.after(dailyCalls("2026-06-01", 7, NO_ANSWER))
			.under(TestPolicies.us())
			.allowed()).isFalse();
	}

	@Test
	void consentGivenDirectlyAllowsMoreCallsForSevenDaysAtMost() {
		// comment 14(b)(3)(i): on Monday 1 June the consumer asks to be called back on
		// their mobile that week
		Instant given = ny("2026-06-01T09:00");
		Contacts sunday = call("2026-06-07T15:00").after(dailyCalls("2026-06-01", 7, NO_ANSWER, "A"))
			.consent(ConsentKind.ADDITIONAL_CALLS, given, null, "A");
		ContactDecision decision = sunday.under(TestPolicies.us());
		assertThat(decision.allowed()).isTrue();
		assertThat(decision.rules()).filteredOn((r) -> r.rule().equals("call-frequency"))
			.extracting(RuleResult::reason)
			.singleElement()
			.asString()
			.contains("consent given directly");
		// day 8: the consent has run out; the calls placed under it are still not counted
		assertThat(call("2026-06-08T10:00").after(dailyCalls("2026-06-01", 7, NO_ANSWER, "A"))
			.consent(ConsentKind.ADDITIONAL_CALLS, given, null, "A")
			.under(TestPolicies.us())
			.allowed()).isTrue();
		// a shorter stated period ends it sooner: only the calls after it count
		ContactDecision shorter = call("2026-06-07T15:00").after(dailyCalls("2026-06-01", 7, NO_ANSWER, "A"))
			.after(dailyCalls("2026-06-04", 3, NO_ANSWER, "A"))
			.consent(ConsentKind.ADDITIONAL_CALLS, given, ny("2026-06-03T00:00"), "A")
			.under(TestPolicies.us());
		assertThat(shorter.allowed()).isFalse();
	}

	@Test
	void consentEndsAtTheNextConversationAboutThatDebt() {
		Instant given = ny("2026-06-01T09:00");
		ContactDecision decision = call("2026-06-03T15:00").after(outboundCall("2026-06-02T10:00", CONVERSATION, "A"))
			.consent(ConsentKind.ADDITIONAL_CALLS, given, null, "A")
			.under(TestPolicies.us());
		assertThat(decision.blockedBy()).extracting(RuleResult::rule).containsExactly("conversation-cooldown");
		// consent given in the conversation itself allows the call back it asked for
		ContactDecision callBack = call("2026-06-03T15:00").after(outboundCall("2026-06-02T10:00", CONVERSATION, "A"))
			.consent(ConsentKind.ADDITIONAL_CALLS, ny("2026-06-02T10:05"), null, "A")
			.under(TestPolicies.us());
		assertThat(callBack.allowed()).isTrue();
	}

	@Test
	void textsAndEmailsDoNotCountButManyContactsAcrossChannelsWarn() {
		ContactFacts.Interaction[] texts = new ContactFacts.Interaction[14];
		for (int i = 0; i < 14; i++) {
			texts[i] = outbound(Channel.SMS, "2026-06-0%dT1%d:00".formatted(1 + i / 2, i % 2), ContactResult.DELIVERED,
					"A");
		}
		ContactDecision decision = call("2026-06-07T15:00").after(texts).under(TestPolicies.us());
		assertThat(decision.allowed()).isTrue();
		assertThat(decision.warnings()).singleElement().asString().startsWith("contact-volume:").contains("14");
	}

	@Test
	void aContactNamingNoDebtCountsEveryCallAndConversation() {
		assertThat(call("2026-06-07T15:00").about()
			.after(dailyCalls("2026-06-01", 7, NO_ANSWER, "A"))
			.under(TestPolicies.us())
			.allowed()).isFalse();
		assertThat(call("2026-06-03T15:00").about()
			.after(outboundCall("2026-06-02T10:00", CONVERSATION, "A"))
			.under(TestPolicies.us())
			.allowed()).isFalse();
	}

}
