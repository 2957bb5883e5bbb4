package org.dues.work.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

import org.dues.arrangement.Approvals;
import org.dues.arrangement.Asker;
import org.dues.customer.CustomerManagement;
import org.dues.identity.Role;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.work.Desk;
import org.dues.work.NextAccount;
import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The empty desk's answer as the agent reads it: when the first of the accounts next
 * account looked at may be called (the gate's own next opening, told in that customer's
 * zone with how long until then), how many of them each of the gate's rules stopped, or,
 * with none to look at, how the agent's accounts wait; and, for whoever decides
 * approvals, how many wait for them.
 */
@Component
class IdleAnswers {

	/** Rules the page names in words; any other (a policy's volume limit) as "other". */
	private static final Set<String> NAMED_RULES = Set.of("contact-hours", "inconvenient-times", "channel-bans",
			"holds", "third-party", "call-frequency", "conversation-cooldown");

	private final Accounts accounts;

	private final CustomerManagement customers;

	private final Desk desk;

	private final Approvals approvals;

	private final Clock clock;

	IdleAnswers(Accounts accounts, CustomerManagement customers, Desk desk, Approvals approvals, Clock clock) {
		this.accounts = accounts;
		this.customers = customers;
		this.desk = desk;
		this.approvals = approvals;
		this.clock = clock;
	}

	/** The page's view of why there is nothing to work now. */
	View view(NextAccount.Idle idle, Asker viewer) {
		Instant now = this.clock.instant();
		String opensAt = null;
		Duration opensIn = null;
		if (idle.opensAt() != null && idle.opensFor() != null) {
			AccountView account = this.accounts.get(idle.opensFor());
			ZoneId zone = this.desk.zoneOf(account, this.customers.get(account.customerId()));
			boolean today = LocalDate.ofInstant(idle.opensAt(), zone).equals(LocalDate.ofInstant(now, zone));
			opensAt = DateTimeFormatter
				.ofPattern(today ? "HH:mm zzz" : "EEE d MMM, HH:mm zzz", LocaleContextHolder.getLocale())
				.format(idle.opensAt().atZone(zone));
			opensIn = Duration.between(now, idle.opensAt());
			if (opensIn.isNegative()) {
				opensIn = Duration.ZERO;
			}
		}
		List<Reason> reasons = idle.blockedBy()
			.entrySet()
			.stream()
			.map((e) -> new Reason(NAMED_RULES.contains(e.getKey()) ? e.getKey() : "other", e.getValue()))
			.toList();
		boolean decides = viewer.roles().contains(Role.TEAM_LEAD) || viewer.roles().contains(Role.MANAGER)
				|| viewer.roles().contains(Role.ADMIN);
		int toDecide = decides ? this.approvals.inboxOf(viewer).size() : 0;
		return new View(idle.looked(), "contact-hours".equals(idle.opensBy()), opensAt, opensIn, reasons,
				idle.waiting(), toDecide);
	}

	/**
	 * Why nothing may be worked now.
	 *
	 * @param looked how many accounts next account looked at
	 * @param hours whether the first account to open waits for its contact hours
	 * @param opensAt when it opens, told in its customer's zone with the zone named
	 * @param opensIn how long until then
	 * @param reasons how many of those looked at each rule stopped, most first
	 * @param waiting with none looked at, how the agent's accounts wait
	 * @param toDecide approvals waiting for the viewer's decision
	 */
	record View(int looked, boolean hours, @Nullable String opensAt, @Nullable Duration opensIn, List<Reason> reasons,
			NextAccount.@Nullable Waiting waiting, int toDecide) {

		/** The message key of how long until the opening: minutes, hours or days. */
		public String inKey() {
			Duration in = (this.opensIn == null) ? Duration.ZERO : this.opensIn;
			return (in.toDays() > 0) ? "desk.idle.in.days"
					: (in.toHours() > 0) ? "desk.idle.in.hours" : "desk.idle.in.minutes";
		}

		/** The larger unit of how long until the opening (days, hours or minutes). */
		public long inFirst() {
			Duration in = (this.opensIn == null) ? Duration.ZERO : this.opensIn;
			return (in.toDays() > 0) ? in.toDays() : (in.toHours() > 0) ? in.toHours() : in.toMinutes();
		}

		/** The smaller unit of how long until the opening (hours or minutes). */
		public long inSecond() {
			Duration in = (this.opensIn == null) ? Duration.ZERO : this.opensIn;
			return (in.toDays() > 0) ? in.toHoursPart() : in.toMinutesPart();
		}

	}

	/** A rule of the gate and how many accounts it stopped. */
	record Reason(String rule, int accounts) {
	}

}
