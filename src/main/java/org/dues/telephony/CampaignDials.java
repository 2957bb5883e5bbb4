package org.dues.telephony;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.dues.compliance.Channel;
import org.dues.compliance.ContactGate;
import org.dues.compliance.PersonRole;
import org.dues.compliance.Purpose;
import org.dues.contact.ContactLog;
import org.dues.portfolio.Creditors;
import org.dues.shared.ConflictException;
import org.dues.shared.PhoneNumber;
import org.dues.telephony.pacing.AbandonedNumbers;
import org.dues.telephony.pacing.PacingHistory;
import org.dues.work.QueueDialing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Places a campaign's calls: reserves the next accounts of its queue (no account is
 * dialled twice nor handed to an agent meanwhile), and for each decides whether to dial
 * it now. A US account whose number has no consent to an autodialer is left to preview
 * (agents' next account); a number abandoned in the last 72 hours waits unless the pacer
 * guarantees an agent; an account the compliance gate would not let be called now waits
 * for the gate's next opening. The others are placed with {@link TelephonyCalls#place},
 * which asks the gate again at that moment: a refusal is on the account's timeline and
 * the account is skipped.
 */
@Component
class CampaignDials {

	/** How long a reservation lasts if nothing else lets it go. */
	static final Duration RESERVATION = Duration.ofMinutes(2);

	/**
	 * The compliance rule of the customers' calling hours ({@code RuleResult.rule()}).
	 */
	static final String CONTACT_HOURS = "contact-hours";

	/** An account set aside until its customer's calling hours open. */
	static final String CALLING_HOURS = "CALLING_HOURS";

	private static final Logger log = LoggerFactory.getLogger(CampaignDials.class);

	private final QueueDialing queues;

	private final CampaignAccounts accounts;

	private final TelephonyCalls telephony;

	private final ContactLog contacts;

	private final Creditors creditors;

	private final JdbcClient jdbc;

	CampaignDials(QueueDialing queues, CampaignAccounts accounts, TelephonyCalls telephony, ContactLog contacts,
			Creditors creditors, JdbcClient jdbc) {
		this.queues = queues;
		this.accounts = accounts;
		this.telephony = telephony;
		this.contacts = contacts;
		this.creditors = creditors;
		this.jdbc = jdbc;
	}

	/**
	 * Places up to {@code wanted} calls for the campaign.
	 * @return how many were placed
	 */
	int place(CampaignView campaign, CampaignRun run, int wanted, Instant now) {
		int placed = 0;
		// accounts set aside make room for the next ones, a few rounds a tick at most
		for (int round = 0; round < 4 && placed < wanted; round++) {
			int made = placeSome(campaign, run, wanted - placed, now);
			if (made < 0) {
				break;
			}
			placed += made;
		}
		return placed;
	}

	/** One round: the calls placed, or -1 when the queue had no account to reserve. */
	private int placeSome(CampaignView campaign, CampaignRun run, int wanted, Instant now) {
		String holder = DialerReactions.holder(campaign.id());
		List<QueueDialing.Reserved> reserved = this.queues.reserve(campaign.queueId(), holder, wanted,
				campaign.members(), this.accounts.notDue(campaign.id(), now), RESERVATION);
		if (reserved.isEmpty()) {
			return -1;
		}
		int placed = 0;
		for (QueueDialing.Reserved r : reserved) {
			java.util.UUID account = r.account().id().value();
			String number = r.number();
			if (number == null) {
				setAside(campaign, account, holder, "NO_NUMBER", now, null);
				continue;
			}
			boolean us = "US".equals(this.creditors.get(r.account().creditorId()).country());
			if (us && !r.autodialConsent()) {
				// no consent to an autodialer: an agent previews it and dials (next
				// account)
				setAside(campaign, account, holder, "PREVIEW", now, null);
				continue;
			}
			if (!this.telephony.bridgesAtAnswer(number)) {
				// its provider calls the agent first (Exotel without its campaign
				// flow): an agent previews and dials it
				setAside(campaign, account, holder, "PREVIEW", now, null);
				continue;
			}
			Optional<Instant> abandoned = run.abandoned.abandonedWithinQuiet(PhoneNumber.parse(number, "US"), now);
			if (abandoned.isPresent() && !run.pacer.guaranteesAgent()) {
				setAside(campaign, account, holder, "ABANDONED_72H", now, abandoned.get().plus(AbandonedNumbers.QUIET));
				continue;
			}
			ContactGate.Preview gate = this.contacts.check(new ContactGate.Request(r.account().id(), Set.of(),
					Channel.CALL, number, PersonRole.CONSUMER, Purpose.COLLECTION));
			if (!gate.decision().allowed()) {
				Instant next = gate.nextOpening();
				// refused only for the hour of the customer's day: said so on the
				// campaign's page while nobody else may be called
				boolean hours = !gate.decision().blockedBy().isEmpty()
						&& gate.decision().blockedBy().stream().allMatch((rule) -> CONTACT_HOURS.equals(rule.rule()));
				setAside(campaign, account, holder, hours ? CALLING_HOURS : "BLOCKED", now,
						(next != null && next.isAfter(now)) ? next : now.plus(Duration.ofHours(1)));
				continue;
			}
			this.accounts.dialled(campaign.id(), account, now);
			try {
				TelephonyCalls.Placement placement = this.telephony
					.place(new TelephonyCalls.Dial(r.account().id(), number, holder, CallRequest.DIALER + holder,
							campaign.callerIdFor(r.account().creditorCode(), number), null, campaign.id()));
				if (placement.placed()) {
					placed++;
				}
				else {
					setAside(campaign, account, holder, "REFUSED", now, now.plus(Duration.ofHours(1)));
				}
			}
			catch (ConflictException ex) {
				log.warn("Campaign {} could not call account {}: {}", campaign.id(), account, ex.getMessage());
				setAside(campaign, account, holder, "NO_PROVIDER", now, null);
			}
		}
		return placed;
	}

	/**
	 * When the first account the campaign set aside for its customer's calling hours may
	 * be tried, or null when none waits for that.
	 */
	@org.jspecify.annotations.Nullable
	Instant callingHoursOpen(long campaign, Instant now) {
		return this.accounts.firstTry(campaign, CALLING_HOURS, now);
	}

	private void setAside(CampaignView campaign, java.util.UUID account, String holder, String why, Instant now,
			@org.jspecify.annotations.Nullable Instant next) {
		this.queues.release(account, holder);
		this.accounts.setAside(campaign.id(), account, why, now, next);
	}

	/**
	 * Takes the wrap-ups the campaign's agents finished since {@code after} (an interval
	 * id) into the history.
	 * @return the last interval taken
	 */
	long wraps(long campaign, long after, PacingHistory history) {
		long[] last = { after };
		this.jdbc.sql("""
				SELECT id, extract(epoch FROM ended_at - started_at) AS s FROM telephony_agent_intervals
				WHERE campaign_id = ? AND state = 'WRAP_UP' AND id > ? ORDER BY id""")
			.params(campaign, after)
			.query((rs, n) -> {
				history.recordWrap(Math.max(1, rs.getDouble("s")));
				last[0] = Math.max(last[0], rs.getLong("id"));
				return null;
			})
			.list();
		return last[0];
	}

}
