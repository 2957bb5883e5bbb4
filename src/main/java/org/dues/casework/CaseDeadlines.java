package org.dues.casework;

import java.time.LocalDate;
import java.util.List;

import org.dues.portfolio.CreditorView;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The deadlines each type of case gets from the rules ({@link DisputeDeadlines},
 * {@link ComplaintDeadlines}, {@link LegalClocks}) in the creditor's jurisdiction and its
 * business-day calendar, as the case keeps them.
 */
@Component
class CaseDeadlines {

	/** The creditor's jurisdiction. */
	static Jurisdiction jurisdiction(CreditorView creditor) {
		return Jurisdiction.of(creditor.jurisdiction());
	}

	/** The creditor's business days. */
	static BusinessCalendar calendar(CreditorView creditor) {
		return BusinessCalendar.of(jurisdiction(creditor));
	}

	/** A dispute's assessment: whether it stops collection, and its dates. */
	DisputeDeadlines dispute(LocalDate received, @Nullable LocalDate validationNoticeSentOn, CreditorView creditor) {
		return DisputeDeadlines.assess(jurisdiction(creditor), received, validationNoticeSentOn, calendar(creditor));
	}

	/** A complaint's deadlines. */
	ComplaintDeadlines complaint(LocalDate received, CreditorView creditor) {
		return ComplaintDeadlines.compute(jurisdiction(creditor), received, calendar(creditor));
	}

	/** The rules' dates as the case keeps them. */
	static List<CaseDeadline> kept(List<Deadline> deadlines) {
		return deadlines.stream().map((d) -> new CaseDeadline(d.code(), d.dueOn(), d.why())).toList();
	}

}
