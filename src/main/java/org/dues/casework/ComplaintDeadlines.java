package org.dues.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.dues.shared.Phrase;
import org.jspecify.annotations.Nullable;

/**
 * The deadlines of a complaint in its jurisdiction, each with the rule that sets it:
 * <ul>
 * <li>India: resolution within 30 days of receipt; after that, or after a reply that does
 * not satisfy, the customer may complain to the RBI Ombudsman (Reserve Bank - Integrated
 * Ombudsman Scheme, 2021, clause 10(2)(a)), and the final reply says so.</li>
 * <li>England and Wales: a summary resolution by close of business on the third business
 * day after the day of receipt (FCA DISP 1.5.1R), otherwise a final response within eight
 * weeks of receipt (DISP 1.6.2R) with the Financial Ombudsman Service referral wording
 * (DISP 1 Annex 3R); prompt acknowledgement (DISP 1.6.1R).</li>
 * <li>The United States and elsewhere: the creditor's own policy
 * ({@link ComplaintPolicy}).</li>
 * </ul>
 *
 * @param acknowledge when the written acknowledgement is due
 * @param summaryResolution England and Wales only: the last day on which a complaint may
 * close with a summary resolution communication
 * @param finalResponse when the final response (the resolution letter) is due
 * @param ombudsmanFrom where there is an ombudsman: the first day the customer may go to
 * it without a final response
 */
public record ComplaintDeadlines(Jurisdiction jurisdiction, LocalDate receivedOn, Deadline acknowledge,
		@Nullable Deadline summaryResolution, Deadline finalResponse, @Nullable Deadline ombudsmanFrom) {

	/** RB-IOS 2021 clause 10(2)(a): the regulated entity's 30 days to reply. */
	public static final int INDIA_RESOLUTION_DAYS = 30;

	/** DISP 1.5.1R: the third business day following the day of receipt. */
	public static final int SUMMARY_BUSINESS_DAYS = 3;

	/** DISP 1.6.2R: eight weeks after receipt. */
	public static final int FINAL_RESPONSE_WEEKS = 8;

	/** A letter in a complaint's life, for {@link #ombudsmanRouteRequired}. */
	public enum Letter {

		ACKNOWLEDGEMENT, SUMMARY_RESOLUTION, HOLDING_RESPONSE, FINAL_RESPONSE

	}

	/** The deadlines with the defaults of the jurisdiction's law. */
	public static ComplaintDeadlines compute(Jurisdiction jurisdiction, LocalDate receivedOn,
			BusinessCalendar calendar) {
		return compute(jurisdiction, receivedOn, ComplaintPolicy.defaults(jurisdiction.law()), calendar);
	}

	/**
	 * The deadlines of a complaint received on a day.
	 * @param calendar the jurisdiction's business days, with the creditor's holidays
	 */
	public static ComplaintDeadlines compute(Jurisdiction jurisdiction, LocalDate receivedOn, ComplaintPolicy policy,
			BusinessCalendar calendar) {
		Days ack = policy.acknowledgement();
		LocalDate ackOn = ack.after(receivedOn, calendar);
		return switch (jurisdiction.law()) {
			case IN -> {
				LocalDate due = receivedOn.plusDays(INDIA_RESOLUTION_DAYS);
				yield new ComplaintDeadlines(jurisdiction, receivedOn,
						new Deadline("ACKNOWLEDGE", ackOn,
								Phrase.of("casework.rule.complaint.acknowledge.policy", ack.said(), receivedOn)),
						null,
						new Deadline("FINAL_RESPONSE", due,
								Phrase.of("casework.rule.complaint.final.IN", receivedOn, due)),
						new Deadline("OMBUDSMAN_FROM", due.plusDays(1),
								Phrase.of("casework.rule.complaint.ombudsman.IN", due.plusDays(1))));
			}
			case GB -> {
				LocalDate summary = calendar.plusBusinessDays(receivedOn, SUMMARY_BUSINESS_DAYS);
				LocalDate due = receivedOn.plusWeeks(FINAL_RESPONSE_WEEKS);
				yield new ComplaintDeadlines(jurisdiction, receivedOn,
						new Deadline("ACKNOWLEDGE", ackOn,
								Phrase.of("casework.rule.complaint.acknowledge.GB", ack.said(), receivedOn)),
						new Deadline("SUMMARY_RESOLUTION", summary,
								Phrase.of("casework.rule.complaint.summary.GB", receivedOn, summary)),
						new Deadline("FINAL_RESPONSE", due,
								Phrase.of("casework.rule.complaint.final.GB", receivedOn, due)),
						new Deadline("OMBUDSMAN_FROM", due.plusDays(1),
								Phrase.of("casework.rule.complaint.ombudsman.GB", due.plusDays(1))));
			}
			case US, OTHER -> {
				LocalDate due = policy.resolution().after(receivedOn, calendar);
				yield new ComplaintDeadlines(jurisdiction, receivedOn,
						new Deadline("ACKNOWLEDGE", ackOn,
								Phrase.of("casework.rule.complaint.acknowledge.policy", ack.said(), receivedOn)),
						null, new Deadline("FINAL_RESPONSE", due, Phrase.of("casework.rule.complaint.final.policy",
								policy.resolution().said(), receivedOn)),
						null);
			}
		};
	}

	/**
	 * The day a complaint was received, in the jurisdiction's zone: a complaint emailed
	 * at 23:30 in London on a Thursday was received that Thursday, though it was Friday
	 * in India.
	 */
	public static LocalDate receivedOn(Instant receivedAt, ZoneId zone) {
		return receivedAt.atZone(zone).toLocalDate();
	}

	/** Every deadline, in date order. */
	public List<Deadline> all() {
		List<Deadline> all = new ArrayList<>();
		all.add(this.acknowledge);
		if (this.summaryResolution != null) {
			all.add(this.summaryResolution);
		}
		all.add(this.finalResponse);
		if (this.ombudsmanFrom != null) {
			all.add(this.ombudsmanFrom);
		}
		return List.copyOf(all);
	}

	/** The case's due date: when the final response is due. */
	public LocalDate dueOn() {
		return this.finalResponse.dueOn();
	}

	/**
	 * Whether a letter sent on a day must carry the ombudsman wording
	 * ({@link #ombudsmanWording}). India: every final reply, and any letter once 30 days
	 * have passed unresolved (the customer may now go to the RBI Ombudsman). England and
	 * Wales: the summary resolution communication (DISP 1.5.4R), the final response (DISP
	 * 1.6.2R(1)) and any letter once eight weeks have passed (DISP 1.6.2R(2)). Elsewhere:
	 * never (no ombudsman in law; the creditor's template may still name one).
	 */
	public boolean ombudsmanRouteRequired(Letter letter, LocalDate sentOn) {
		return switch (this.jurisdiction.law()) {
			case IN -> letter == Letter.FINAL_RESPONSE || sentOn.isAfter(this.finalResponse.dueOn());
			case GB -> letter == Letter.FINAL_RESPONSE || letter == Letter.SUMMARY_RESOLUTION
					|| sentOn.isAfter(this.finalResponse.dueOn());
			case US, OTHER -> false;
		};
	}

	/**
	 * The ombudsman wording a letter carries, where the jurisdiction has an ombudsman.
	 */
	public Optional<Phrase> ombudsmanWording() {
		return switch (this.jurisdiction.law()) {
			case IN -> Optional.of(Phrase.of("casework.rule.complaint.wording.IN", INDIA_RESOLUTION_DAYS));
			case GB -> Optional.of(Phrase.of("casework.rule.complaint.wording.GB"));
			case US, OTHER -> Optional.empty();
		};
	}

}
