package org.dues.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.dues.compliance.ContactHolds;
import org.dues.compliance.HoldType;
import org.dues.messaging.CaseLetters;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.Phrase;
import org.dues.system.Actor;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Complaints, with the deadlines of the creditor's jurisdiction: India, resolution within
 * 30 days, after which the customer may go to the RBI Integrated Ombudsman; the UK, a
 * summary resolution by the end of the third business day after receipt, otherwise a
 * final response within 8 weeks (FCA DISP 1.5, 1.6) naming the Financial Ombudsman
 * Service; the US, the creditor's own policy. A complaint of the severities the policy
 * names ({@code dues.casework.complaint-hold-severities}, by default {@code HIGH}) holds
 * contact about the debt until it is resolved.
 */
@Service
public class Complaints {

	private final Cases cases;

	private final Accounts accounts;

	private final Creditors creditors;

	private final ContactHolds holds;

	private final CaseLetters letters;

	private final CaseDeadlines deadlines;

	private final AgencyPlacements agencies;

	private final Set<Severity> holding;

	private final Clock clock;

	Complaints(Cases cases, Accounts accounts, Creditors creditors, ContactHolds holds, CaseLetters letters,
			CaseDeadlines deadlines, @Value("${dues.casework.complaint-hold-severities:HIGH}") Set<Severity> holding,
			Clock clock, AgencyPlacements agencies) {
		this.agencies = agencies;
		this.cases = cases;
		this.accounts = accounts;
		this.creditors = creditors;
		this.holds = holds;
		this.letters = letters;
		this.deadlines = deadlines;
		this.holding = Set.copyOf(holding);
		this.clock = clock;
	}

	/** A complaint as received. */
	public record NewComplaint(ComplaintCategory category, String description, @Nullable LocalDate receivedOn,
			@Nullable CaseChannel channel, @Nullable Severity severity) {
	}

	/**
	 * Records a complaint with its deadlines, and the contact hold where the policy
	 * places one.
	 */
	@Transactional
	public CaseView open(AccountId accountId, NewComplaint complaint, String actor) {
		AccountView account = this.accounts.get(accountId);
		CreditorView creditor = this.creditors.get(account.creditorId());
		Received receipt = Received.of(complaint.receivedOn(), creditor, this.clock);
		LocalDate received = receipt.day();
		String description = Cases.required("description", complaint.description());
		Severity severity = (complaint.severity() != null) ? complaint.severity() : Severity.MEDIUM;
		boolean hold = this.holding.contains(severity);
		UUID holdId = null;
		if (hold) {
			holdId = this.holds.place(account.customerId(), List.of(accountId.value()), HoldType.COMPLAINT,
					receipt.holdFrom(), null, "complaint (%s, %s)".formatted(complaint.category(), severity),
					Phrase.of("casework.hold.complaint", Phrase.of("casework.category." + complaint.category()),
							Phrase.of("casework.severity." + severity)),
					actor)
				.id();
		}
		Map<String, String> facts = new LinkedHashMap<>();
		facts.put("severity", severity.name());
		// an account under a dispute or complaint comes back from the agency it was
		// placed with
		this.agencies.recallAccount(accountId.value(), "complaint opened", actor);
		return this.cases.open(new Cases.NewCase(CaseType.COMPLAINT, CaseStatus.OPEN, accountId.value(),
				account.customerId().value(), account.creditorId().value(), creditor.jurisdiction(),
				complaint.category().name(), (complaint.channel() == null) ? null : complaint.channel().name(),
				description, null, account.currency().getCurrencyCode(), received, actor, null, holdId, hold, facts,
				hold ? Phrase.of("casework.rule.complaint.hold", Phrase.of("casework.severity." + severity)) : null),
				CaseDeadlines.kept(this.deadlines.complaint(received, creditor).all()), actor);
	}

	/** Sends the acknowledgement letter, naming the date of the final response. */
	@Transactional
	public CaseView acknowledge(UUID caseId, String actor) {
		CaseView c = complaint(caseId);
		if (c.status() != CaseStatus.OPEN) {
			throw new ConflictException("complaint %s is %s and was acknowledged".formatted(c.reference(), c.status()),
					Phrase.of("casework.conflict.nothingToAcknowledge", c.reference()));
		}
		Map<String, String> facts = new LinkedHashMap<>();
		facts.put("caseNumber", c.reference());
		c.deadlines()
			.stream()
			.filter((d) -> d.code().equals("FINAL_RESPONSE"))
			.findFirst()
			.ifPresent((d) -> facts.put("caseDueDate", d.dueOn().toString()));
		UUID letter = this.letters.send(new AccountId(c.accountId()), "complaint-acknowledgement", facts, actor);
		this.cases.entry(c.id(), actor, "LETTER", null, "complaint-acknowledgement", letter);
		this.cases.meet(c.id(), "ACKNOWLEDGE");
		this.cases.move(this.cases.get(caseId), CaseStatus.ACKNOWLEDGED, "acknowledged",
				Phrase.of(Cases.WHY_ACKNOWLEDGED), actor);
		return this.cases.get(caseId);
	}

	/**
	 * Ends the complaint: resolved summarily (the UK's summary resolution, within its
	 * three business days), upheld, partly upheld, rejected or withdrawn. The final
	 * response names the ombudsman of the jurisdiction; the hold lifts.
	 */
	@Transactional
	public CaseView resolve(UUID caseId, CaseOutcome outcome, String reason, Actor actor) {
		CaseView c = complaint(caseId);
		if (!c.open()) {
			throw new ConflictException("complaint %s is already closed (%s)".formatted(c.reference(), c.outcome()),
					Phrase.of("casework.conflict.closed", c.reference()));
		}
		if (!CaseOutcome.of(CaseType.COMPLAINT).contains(outcome)) {
			throw new InvalidInputException("outcome",
					"a complaint ends RESOLVED_SUMMARILY, UPHELD, PARTLY_UPHELD, REJECTED or WITHDRAWN");
		}
		if (!actor.hasAny(Disputes.DECIDERS)) {
			throw new org.dues.shared.NotPermittedException(
					"a complaint's outcome is decided by a lead, a manager or compliance");
		}
		String why = Cases.required("reason", reason);
		if (outcome == CaseOutcome.RESOLVED_SUMMARILY) {
			CaseDeadline summary = c.deadlines()
				.stream()
				.filter((d) -> d.code().equals("SUMMARY_RESOLUTION"))
				.findFirst()
				.orElseThrow(() -> new InvalidInputException("outcome",
						"a summary resolution is the UK's; this complaint's rules have none"));
			LocalDate today = LocalDate.now(this.clock
				.withZone(this.creditors.get(this.accounts.get(new AccountId(c.accountId())).creditorId()).timeZone()));
			if (today.isAfter(summary.dueOn())) {
				throw new InvalidInputException("outcome",
						"the summary period ended on %s; send a final response".formatted(summary.dueOn()));
			}
		}
		if (c.holdId() != null && c.holdsCollection()) {
			this.holds.lift(c.holdId(), "complaint %s %s".formatted(c.reference(), outcome),
					Phrase.of("casework.lift.complaint", c.reference(), Phrase.of("casework.outcome." + outcome)),
					actor);
		}
		if (outcome != CaseOutcome.WITHDRAWN) {
			Map<String, String> facts = new LinkedHashMap<>();
			facts.put("caseNumber", c.reference());
			facts.put(CaseLetters.OUTCOME_CODE, outcome.name());
			facts.put("caseOutcome", why);
			String template = responseTemplate(c.jurisdiction());
			UUID letter = this.letters.send(new AccountId(c.accountId()), template, facts, actor.name());
			this.cases.entry(c.id(), actor.name(), "LETTER", null, template, letter);
		}
		this.cases.close(this.cases.get(caseId), outcome, why, actor.name());
		return this.cases.get(caseId);
	}

	/** The final response's template: it names the ombudsman of the jurisdiction. */
	static String responseTemplate(String jurisdiction) {
		if (jurisdiction.startsWith("GB")) {
			return "complaint-response-gb";
		}
		return jurisdiction.startsWith("US") ? "complaint-response-us" : "complaint-response-in";
	}

	private CaseView complaint(UUID id) {
		CaseView c = this.cases.get(id);
		if (c.type() != CaseType.COMPLAINT) {
			throw new ConflictException("case %s is a %s, not a complaint".formatted(c.reference(), c.type()));
		}
		return c;
	}

}
