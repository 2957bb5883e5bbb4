package org.dues.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.dues.compliance.Channel;
import org.dues.compliance.ContactHolds;
import org.dues.compliance.ContactPreferences;
import org.dues.compliance.HoldType;
import org.dues.portfolio.AccountView;

import org.springframework.stereotype.Component;

/**
 * The compliance side of the demo: a few customers with holds, inconvenient times and
 * banned media, recorded through the same facades as the UI, so the compliance panel and
 * the gate have something to show on the first start.
 */
@Component
class DemoCompliance {

	private final ContactHolds holds;

	private final ContactPreferences preferences;

	private final Clock clock;

	DemoCompliance(ContactHolds holds, ContactPreferences preferences, Clock clock) {
		this.holds = holds;
		this.preferences = preferences;
		this.clock = clock;
	}

	void load(List<AccountView> indian, List<AccountView> american) {
		var twoDaysAgo = this.clock.instant().minus(Duration.ofDays(2));
		AccountView complaint = indian.get(0);
		this.holds.place(complaint.customerId(), List.of(complaint.id().value()), HoldType.COMPLAINT, twoDaysAgo, null,
				"Complaint to the RBI Ombudsman about repeated calls; reference CMS/2026/0412", "compliance1");
		AccountView prayers = indian.get(1);
		this.preferences.blackout(prayers.customerId(), Set.of(DayOfWeek.FRIDAY), LocalTime.of(12, 0),
				LocalTime.of(14, 30), null, twoDaysAgo, "Friday prayers", "agent2");
		this.preferences.ban(prayers.customerId(), Channel.WHATSAPP, null, twoDaysAgo,
				"Asked not to be messaged on WhatsApp", "agent2");
		AccountView cease = american.get(0);
		this.holds.place(cease.customerId(), List.of(cease.id().value()), HoldType.CEASE, twoDaysAgo, null,
				"Letter received asking us to stop communicating about this debt", "agent3");
		AccountView dispute = american.get(1);
		this.holds.place(dispute.customerId(), List.of(dispute.id().value()), HoldType.DISPUTE, twoDaysAgo, null,
				"Disputes the late fees in writing; validation to be sent", "agent3");
		AccountView attorney = american.get(2);
		this.holds.place(attorney.customerId(), List.of(attorney.id().value()), HoldType.ATTORNEY, twoDaysAgo, null,
				"Represented by Ellis & Park LLP, (212) 555-0142", "agent3");
		AccountView evenings = american.get(3);
		this.preferences.blackout(evenings.customerId(),
				Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
				LocalTime.of(9, 0), LocalTime.of(17, 0), null, twoDaysAgo, "At work on weekdays 9 to 5", "agent3");
	}

}
