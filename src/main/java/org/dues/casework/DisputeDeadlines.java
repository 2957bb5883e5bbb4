package org.dues.casework;

import java.time.LocalDate;
import java.util.List;

import org.dues.messaging.letter.ValidationPeriod;
import org.dues.shared.Phrase;
import org.jspecify.annotations.Nullable;

/**
 * What a dispute sets going in its jurisdiction: whether collection of the debt stops,
 * and when the acknowledgement and the resolution are due, each with its rule.
 * <ul>
 * <li>United States: a dispute received within the validation period (Regulation F §
 * 1006.34(b)(5), computed by {@link ValidationPeriod}) stops collection until the
 * verification is sent (FDCPA § 809(b), 15 U.S.C. 1692g(b)); one received after it is
 * investigated without that stop. Before any validation notice has gone out the period
 * has not even begun, so the dispute is taken as within it. The rule is applied to every
 * dispute whatever its channel, though § 809(b) speaks of disputes in writing: the
 * stricter reading.</li>
 * <li>England and Wales: recovery is suspended while a dispute on what may be valid
 * grounds is looked into (FCA CONC 7.14.3R).</li>
 * <li>India and elsewhere: no stop in law; acknowledgement and resolution within the
 * creditor's days ({@link DisputePolicy}).</li>
 * </ul>
 *
 * @param holdsCollection whether collection of the disputed debt stops until the
 * verification or resolution is sent
 * @param validationPeriodEnds United States: the last day of the validation period, where
 * a notice was sent
 * @param why the rule that decided {@code holdsCollection}
 */
public record DisputeDeadlines(Jurisdiction jurisdiction, LocalDate receivedOn, boolean holdsCollection,
		@Nullable LocalDate validationPeriodEnds, Deadline acknowledge, Deadline resolve, Phrase why) {

	/** The deadlines with the defaults of the jurisdiction's law. */
	public static DisputeDeadlines assess(Jurisdiction jurisdiction, LocalDate receivedOn,
			@Nullable LocalDate validationNoticeSentOn, BusinessCalendar calendar) {
		return assess(jurisdiction, receivedOn, validationNoticeSentOn, DisputePolicy.defaults(jurisdiction.law()),
				calendar);
	}

	/**
	 * The deadlines of a dispute received on a day.
	 * @param validationNoticeSentOn United States: the day the validation notice was
	 * sent, null when none was; ignored elsewhere
	 * @param calendar the jurisdiction's business days, with the creditor's holidays
	 */
	public static DisputeDeadlines assess(Jurisdiction jurisdiction, LocalDate receivedOn,
			@Nullable LocalDate validationNoticeSentOn, DisputePolicy policy, BusinessCalendar calendar) {
		Deadline acknowledge = new Deadline("ACKNOWLEDGE", policy.acknowledgement().after(receivedOn, calendar),
				Phrase.of("casework.rule.dispute.acknowledge", policy.acknowledgement().said(), receivedOn));
		LocalDate resolveOn = policy.resolution().after(receivedOn, calendar);
		if (jurisdiction.law() != Law.US) {
			Deadline resolve = new Deadline("RESOLVE", resolveOn,
					Phrase.of("casework.rule.dispute.resolve", policy.resolution().said(), receivedOn));
			boolean gb = jurisdiction.law() == Law.GB;
			return new DisputeDeadlines(jurisdiction, receivedOn, gb, null, acknowledge, resolve,
					Phrase.of(gb ? "casework.rule.dispute.GB" : "casework.rule.dispute.noStop"));
		}
		if (validationNoticeSentOn == null) {
			Deadline verify = new Deadline("VERIFY", resolveOn,
					Phrase.of("casework.rule.dispute.US.verify", policy.resolution().said(), receivedOn));
			return new DisputeDeadlines(jurisdiction, receivedOn, true, null, acknowledge, verify,
					Phrase.of("casework.rule.dispute.US.noNotice"));
		}
		LocalDate ends = ValidationPeriod.end(validationNoticeSentOn);
		LocalDate assumedReceipt = ValidationPeriod.assumedReceipt(validationNoticeSentOn);
		if (!receivedOn.isAfter(ends)) {
			Deadline verify = new Deadline("VERIFY", resolveOn,
					Phrase.of("casework.rule.dispute.US.verify", policy.resolution().said(), receivedOn));
			return new DisputeDeadlines(jurisdiction, receivedOn, true, ends, acknowledge, verify,
					Phrase.of("casework.rule.dispute.US.within", validationNoticeSentOn, assumedReceipt, ends));
		}
		Deadline resolve = new Deadline("RESOLVE", resolveOn,
				Phrase.of("casework.rule.dispute.resolve", policy.resolution().said(), receivedOn));
		return new DisputeDeadlines(jurisdiction, receivedOn, false, ends, acknowledge, resolve,
				Phrase.of("casework.rule.dispute.US.after", validationNoticeSentOn, assumedReceipt, ends));
	}

	/** Both deadlines, in date order. */
	public List<Deadline> all() {
		return List.of(this.acknowledge, this.resolve);
	}

	/** The case's due date: when the resolution (or verification) is due. */
	public LocalDate dueOn() {
		return this.resolve.dueOn();
	}

}
