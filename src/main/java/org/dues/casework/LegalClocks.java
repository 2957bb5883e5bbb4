package org.dues.casework;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.dues.shared.Phrase;
import org.jspecify.annotations.Nullable;

/**
 * The stages and statutory clocks of a legal proceeding, or why it may not proceed. In
 * order: the jurisdiction must have the proceeding; a time-barred debt refuses every
 * proceeding that needs a debt within limitation
 * ({@link Proceeding#refusedWhenTimeBarred}); then the proceeding's own facts and clocks.
 * <ul>
 * <li>{@code NI_ACT_138}: the demand notice within 30 days of receiving the bank's return
 * memo (s.138(b)); the drawer's 15 days to pay from receiving the notice (s.138(c)); the
 * complaint within one month of the day the cause of action arises, that day excluded
 * (s.142(1)(b); Econ Antri v. Rom Industries, Supreme Court, 2013), a month being a
 * calendar month (General Clauses Act 1897 s.3(35)): from 31 January that is the end of
 * February. Where the drawer's receipt is not known it is assumed
 * {@value #ASSUMED_DELIVERY_DAYS} days after sending, and the dates say so.</li>
 * <li>{@code SARFAESI_13_2}: a secured debt of an account classified NPA; the borrower's
 * 60 days from the notice to discharge the liability (s.13(2)); the measures of s.13(4)
 * from the next day.</li>
 * <li>{@code LOK_ADALAT}: the application; the sitting that the Legal Services Authority
 * fixes (no clock).</li>
 * <li>{@code ARBITRATION}: the notice invoking arbitration, which commences it (s.21) and
 * must go within limitation (s.43); 30 days from its receipt for the other party to agree
 * the arbitrator, after which the court may appoint (s.11(5), (6)).</li>
 * <li>{@code CIVIL_SUIT}: a legal notice with a customary 15 days to pay, and the suit
 * within limitation.</li>
 * <li>{@code LETTER_OF_CLAIM}: the debtor's 30 days to reply (Pre-Action Protocol for
 * Debt Claims, para 4.1). The protocol counts from the letter's date; a posted letter is
 * counted here from the day it is deemed served, the second business day after posting
 * (CPR 6.26), so the debtor never has fewer than 30 days in hand. The claim may be issued
 * the day after, and within limitation.</li>
 * <li>{@code ATTORNEY_REFERRAL}: the referral, with the attorney hold from that day (the
 * customer is contacted through the attorney), and the suit within limitation.</li>
 * </ul>
 */
public final class LegalClocks {

	/** s.138(b): days from the return memo to send the demand notice. */
	public static final int NOTICE_DAYS = 30;

	/** s.138(c): days from receiving the notice for the drawer to pay. */
	public static final int PAYMENT_DAYS = 15;

	/** Days after sending when a notice whose receipt is unknown is taken as received. */
	public static final int ASSUMED_DELIVERY_DAYS = 5;

	/** SARFAESI s.13(2): days from the notice for the borrower to discharge. */
	public static final int SARFAESI_DAYS = 60;

	/** Arbitration and Conciliation Act s.11(5): days to agree the arbitrator. */
	public static final int ARBITRATOR_DAYS = 30;

	/** A customary legal notice's days to pay before a suit. */
	public static final int LEGAL_NOTICE_DAYS = 15;

	/** Pre-Action Protocol for Debt Claims para 4.1: days to reply. */
	public static final int REPLY_DAYS = 30;

	/**
	 * CPR 6.26: first-class post is deemed served the second business day after posting.
	 */
	public static final int POSTAL_SERVICE_BUSINESS_DAYS = 2;

	private LegalClocks() {
	}

	/**
	 * The decision on referring an account to a proceeding.
	 * @param limitation the debt's limitation, assessed on the referral's day
	 * @param calendar the jurisdiction's business days
	 */
	public static LegalDecision decide(Proceeding proceeding, Jurisdiction jurisdiction, LegalFacts facts,
			Limitation.Assessment limitation, BusinessCalendar calendar) {
		if (!proceeding.availableIn(jurisdiction)) {
			return new LegalDecision.Refused(proceeding, "NOT_IN_JURISDICTION",
					Phrase.of("casework.rule.legal.notInJurisdiction", proceeding.title(), jurisdiction.code()));
		}
		if (proceeding.refusedWhenTimeBarred() && limitation.barred()) {
			return new LegalDecision.Refused(proceeding, "TIME_BARRED", Phrase
				.all(List.of(Phrase.of("casework.rule.legal.timeBarred", proceeding.title()), limitation.reason())));
		}
		LocalDate today = facts.referredOn();
		return switch (proceeding) {
			case NI_ACT_138 -> section138(facts);
			case SARFAESI_13_2 -> sarfaesi(facts);
			case LOK_ADALAT -> new LegalDecision.Proceed(proceeding,
					List.of(stage("APPLICATION", today, "casework.rule.legal.lokAdalat.application"),
							new Deadline("SITTING", null, Phrase.of("casework.rule.legal.lokAdalat.sitting"))));
			case ARBITRATION -> arbitration(facts, limitation);
			case CIVIL_SUIT -> {
				LocalDate noticeOn = (facts.noticeSentOn() != null) ? facts.noticeSentOn() : today;
				List<Deadline> stages = new ArrayList<>();
				stages.add(stage("LEGAL_NOTICE", noticeOn, "casework.rule.legal.suit.notice"));
				LocalDate payBy = noticeOn.plusDays(LEGAL_NOTICE_DAYS);
				stages
					.add(stage("PAYMENT_DUE", payBy, "casework.rule.legal.suit.payment", noticeOn, LEGAL_NOTICE_DAYS));
				fileBy(stages, limitation);
				yield new LegalDecision.Proceed(proceeding, stages);
			}
			case LETTER_OF_CLAIM -> letterOfClaim(facts, limitation, calendar);
			case ATTORNEY_REFERRAL -> {
				List<Deadline> stages = new ArrayList<>();
				stages.add(stage("REFERRAL", today, "casework.rule.legal.attorney.referral"));
				stages.add(stage("ATTORNEY_HOLD", today, "casework.rule.legal.attorney.hold"));
				fileBy(stages, limitation);
				yield new LegalDecision.Proceed(proceeding, stages);
			}
		};
	}

	private static LegalDecision section138(LegalFacts facts) {
		Proceeding p = Proceeding.NI_ACT_138;
		LocalDate returned = facts.chequeReturnedOn();
		if (returned == null) {
			return missing(p, "chequeReturnedOn");
		}
		LocalDate noticeBy = returned.plusDays(NOTICE_DAYS);
		LocalDate sent = (facts.noticeSentOn() != null) ? facts.noticeSentOn() : facts.referredOn();
		if (sent.isAfter(noticeBy)) {
			return new LegalDecision.Refused(p, "NOTICE_LAPSED",
					Phrase.of("casework.rule.legal.s138.lapsed", returned, noticeBy, sent));
		}
		boolean assumed = facts.noticeReceivedOn() == null;
		LocalDate received = assumed ? sent.plusDays(ASSUMED_DELIVERY_DAYS) : facts.noticeReceivedOn();
		LocalDate payBy = received.plusDays(PAYMENT_DAYS);
		LocalDate causeOfAction = payBy.plusDays(1);
		LocalDate complaintBy = causeOfAction.plusMonths(1);
		if (facts.referredOn().isAfter(complaintBy)) {
			return new LegalDecision.Refused(p, "COMPLAINT_LAPSED",
					Phrase.of("casework.rule.legal.s138.complaintLapsed", complaintBy));
		}
		Phrase receipt = assumed ? Phrase.of("casework.rule.legal.receipt.assumed", received, ASSUMED_DELIVERY_DAYS)
				: Phrase.of("casework.rule.legal.receipt.stated", received);
		return new LegalDecision.Proceed(p,
				List.of(stage("NOTICE_BY", noticeBy, "casework.rule.legal.s138.notice", returned, NOTICE_DAYS),
						new Deadline("PAYMENT_DUE", payBy,
								Phrase.of("casework.rule.legal.s138.payment", receipt, PAYMENT_DAYS)),
						stage("COMPLAINT_FROM", causeOfAction, "casework.rule.legal.s138.causeOfAction", payBy),
						stage("COMPLAINT_BY", complaintBy, "casework.rule.legal.s138.complaint", causeOfAction)));
	}

	private static LegalDecision sarfaesi(LegalFacts facts) {
		Proceeding p = Proceeding.SARFAESI_13_2;
		if (!facts.secured()) {
			return new LegalDecision.Refused(p, "NOT_SECURED", Phrase.of("casework.rule.legal.sarfaesi.notSecured"));
		}
		if (facts.npaOn() == null || facts.npaOn().isAfter(facts.referredOn())) {
			return new LegalDecision.Refused(p, "NOT_NPA", Phrase.of("casework.rule.legal.sarfaesi.notNpa"));
		}
		LocalDate noticeOn = (facts.noticeSentOn() != null) ? facts.noticeSentOn() : facts.referredOn();
		LocalDate dischargeBy = noticeOn.plusDays(SARFAESI_DAYS);
		return new LegalDecision.Proceed(p,
				List.of(stage("DEMAND_NOTICE", noticeOn, "casework.rule.legal.sarfaesi.notice", facts.npaOn()),
						stage("DISCHARGE_BY", dischargeBy, "casework.rule.legal.sarfaesi.discharge", noticeOn,
								SARFAESI_DAYS),
						new Deadline("OBJECTION_REPLY", null, Phrase.of("casework.rule.legal.sarfaesi.objection")),
						stage("MEASURES_FROM", dischargeBy.plusDays(1), "casework.rule.legal.sarfaesi.measures")));
	}

	private static LegalDecision arbitration(LegalFacts facts, Limitation.Assessment limitation) {
		LocalDate noticeOn = (facts.noticeSentOn() != null) ? facts.noticeSentOn() : facts.referredOn();
		boolean assumed = facts.noticeReceivedOn() == null;
		LocalDate received = assumed ? noticeOn.plusDays(ASSUMED_DELIVERY_DAYS) : facts.noticeReceivedOn();
		Phrase receipt = assumed ? Phrase.of("casework.rule.legal.receipt.assumed", received, ASSUMED_DELIVERY_DAYS)
				: Phrase.of("casework.rule.legal.receipt.stated", received);
		LocalDate agreeBy = received.plusDays(ARBITRATOR_DAYS);
		List<Deadline> stages = new ArrayList<>();
		stages.add(stage("ARBITRATION_NOTICE", noticeOn, "casework.rule.legal.arbitration.notice"));
		stages.add(new Deadline("ARBITRATOR_BY", agreeBy,
				Phrase.of("casework.rule.legal.arbitration.appoint", receipt, ARBITRATOR_DAYS)));
		stages.add(stage("COURT_APPOINTMENT_FROM", agreeBy.plusDays(1), "casework.rule.legal.arbitration.court"));
		if (limitation.lastDayToSue() != null) {
			stages.add(1, stage("COMMENCE_BY", limitation.lastDayToSue(), "casework.rule.legal.arbitration.limitation",
					limitation.lastDayToSue()));
		}
		return new LegalDecision.Proceed(Proceeding.ARBITRATION, stages);
	}

	private static LegalDecision letterOfClaim(LegalFacts facts, Limitation.Assessment limitation,
			BusinessCalendar calendar) {
		LocalDate letterOn = (facts.letterOn() != null) ? facts.letterOn() : facts.referredOn();
		List<Deadline> stages = new ArrayList<>();
		stages.add(stage("LETTER_OF_CLAIM", letterOn, "casework.rule.legal.claim.letter"));
		LocalDate from = letterOn;
		if (facts.posted()) {
			from = calendar.plusBusinessDays(letterOn, POSTAL_SERVICE_BUSINESS_DAYS);
			stages.add(stage("DEEMED_SERVED", from, "casework.rule.legal.claim.served", letterOn));
		}
		LocalDate replyBy = from.plusDays(REPLY_DAYS);
		stages.add(stage("REPLY_BY", replyBy, "casework.rule.legal.claim.reply", from, REPLY_DAYS));
		stages.add(stage("CLAIM_FROM", replyBy.plusDays(1), "casework.rule.legal.claim.issue"));
		fileBy(stages, limitation);
		return new LegalDecision.Proceed(Proceeding.LETTER_OF_CLAIM, stages);
	}

	private static void fileBy(List<Deadline> stages, Limitation.Assessment limitation) {
		if (limitation.lastDayToSue() != null) {
			stages.add(stage("FILE_BY", limitation.lastDayToSue(), "casework.rule.legal.fileBy",
					limitation.lastDayToSue()));
		}
	}

	private static LegalDecision missing(Proceeding proceeding, String fact) {
		return new LegalDecision.Refused(proceeding, "MISSING_FACT",
				Phrase.of("casework.rule.legal.missing", Phrase.of("validation.field." + fact), proceeding.title()));
	}

	private static Deadline stage(String code, @Nullable LocalDate on, String key, Object... arguments) {
		return new Deadline(code, on, Phrase.of(key, arguments));
	}

}
