package org.dues.casework;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.dues.portfolio.CreditorView;
import org.dues.shared.Phrase;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The deadlines each type of case gets, with the rule that sets each date, said for the
 * reader. The days a creditor sets ({@code dues.casework.*}) have defaults that follow
 * common practice.
 */
@Component
class CaseDeadlines {

	private final int disputeAcknowledgementDays;

	private final int disputeResolutionDays;

	private final int usVerificationDays;

	CaseDeadlines(@Value("${dues.casework.dispute-acknowledgement-days:7}") int disputeAcknowledgementDays,
			@Value("${dues.casework.dispute-resolution-days:30}") int disputeResolutionDays,
			@Value("${dues.casework.us-verification-days:30}") int usVerificationDays) {
		this.disputeAcknowledgementDays = disputeAcknowledgementDays;
		this.disputeResolutionDays = disputeResolutionDays;
		this.usVerificationDays = usVerificationDays;
	}

	/** A US dispute: verification while collection stops, else an investigation. */
	List<CaseDeadline> usDispute(LocalDate received, @Nullable LocalDate periodEnds, boolean stops,
			CreditorView creditor) {
		if (stops) {
			Phrase rule = (periodEnds == null)
					? Phrase.of("casework.rule.dispute.usNoNotice", (long) this.usVerificationDays)
					: Phrase.of("casework.rule.dispute.usInPeriod", periodEnds, (long) this.usVerificationDays);
			return List.of(new CaseDeadline("VERIFICATION", received.plusDays(this.usVerificationDays), rule));
		}
		return List.of(new CaseDeadline("RESOLUTION", received.plusDays(this.disputeResolutionDays),
				Phrase.of("casework.rule.dispute.usAfterPeriod", periodEnds, (long) this.disputeResolutionDays)));
	}

	/**
	 * A dispute outside the US: acknowledged in the creditor's days, resolved in its
	 * days.
	 */
	List<CaseDeadline> dispute(LocalDate received, CreditorView creditor) {
		return List.of(
				new CaseDeadline("ACKNOWLEDGEMENT", received.plusDays(this.disputeAcknowledgementDays),
						Phrase.of("casework.rule.dispute.acknowledgement", (long) this.disputeAcknowledgementDays)),
				new CaseDeadline("RESOLUTION", received.plusDays(this.disputeResolutionDays),
						Phrase.of("casework.rule.dispute.resolution", (long) this.disputeResolutionDays)));
	}

	/** A complaint's deadlines in the creditor's jurisdiction. */
	List<CaseDeadline> complaint(LocalDate received, String jurisdiction) {
		List<CaseDeadline> due = new ArrayList<>();
		if (jurisdiction.startsWith("GB")) {
			due.add(new CaseDeadline("SUMMARY_RESOLUTION", BusinessDays.GB.after(received, 3),
					Phrase.of("casework.rule.complaint.gbSummary")));
			due.add(new CaseDeadline("FINAL_RESPONSE", received.plusWeeks(8),
					Phrase.of("casework.rule.complaint.gbFinal")));
		}
		else if (jurisdiction.startsWith("US")) {
			due.add(new CaseDeadline("ACKNOWLEDGEMENT", received.plusDays(15),
					Phrase.of("casework.rule.complaint.usAcknowledgement")));
			due.add(new CaseDeadline("FINAL_RESPONSE", received.plusDays(60),
					Phrase.of("casework.rule.complaint.usFinal")));
		}
		else {
			due.add(new CaseDeadline("ACKNOWLEDGEMENT", received.plusDays(3),
					Phrase.of("casework.rule.complaint.inAcknowledgement")));
			due.add(new CaseDeadline("FINAL_RESPONSE", received.plusDays(30),
					Phrase.of("casework.rule.complaint.inFinal")));
		}
		return due;
	}

	/** Business days of a jurisdiction: weekdays that are not its public holidays. */
	enum BusinessDays {

		GB;

		/** The end of the n-th business day after the day. */
		LocalDate after(LocalDate day, int n) {
			LocalDate d = day;
			int counted = 0;
			while (counted < n) {
				d = d.plusDays(1);
				if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
					counted++;
				}
			}
			return d;
		}

	}

}
