package org.dues.casework;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.dues.compliance.ContactHolds;
import org.dues.compliance.HoldType;
import org.dues.identity.Role;
import org.dues.messaging.CaseLetters;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountLedger;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.Amounts;
import org.dues.portfolio.Balances;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.portfolio.Source;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.Money;
import org.dues.shared.NotPermittedException;
import org.dues.shared.Phrase;
import org.dues.system.Actor;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Disputes of a debt. In the US a dispute received within the validation period stops
 * collection of the debt on every channel until verification is sent (FDCPA § 809(b),
 * Regulation F § 1006.34); one received after it is investigated without the automatic
 * stop. In England and Wales recovery is suspended while it is looked into (CONC
 * 7.14.3R). Elsewhere the creditor acknowledges it within its set days, investigates and
 * writes with the resolution; no law stops collection there, and the creditor's policy
 * ({@code dues.casework.dispute-pauses-collection}, on by default) pauses it meanwhile.
 * The hold a dispute places lifts only by its verification (US) or its outcome.
 */
@Service
public class Disputes {

	/**
	 * Who may decide an outcome that changes the balance without a second person's
	 * approval.
	 */
	static final Set<String> DECIDERS = Set.of(Role.TEAM_LEAD.authority(), Role.MANAGER.authority(),
			Role.COMPLIANCE.authority(), Role.ADMIN.authority());

	private final Cases cases;

	private final Accounts accounts;

	private final Creditors creditors;

	private final ContactHolds holds;

	private final AccountLedger ledger;

	private final CaseLetters letters;

	private final CaseDeadlines deadlines;

	private final AgencyPlacements agencies;

	private final Clock clock;

	private final boolean pauseElsewhere;

	Disputes(Cases cases, Accounts accounts, Creditors creditors, ContactHolds holds, AccountLedger ledger,
			CaseLetters letters, CaseDeadlines deadlines, Clock clock,
			@Value("${dues.casework.dispute-pauses-collection:true}") boolean pauseElsewhere,
			AgencyPlacements agencies) {
		this.agencies = agencies;
		this.pauseElsewhere = pauseElsewhere;
		this.cases = cases;
		this.accounts = accounts;
		this.creditors = creditors;
		this.holds = holds;
		this.ledger = ledger;
		this.letters = letters;
		this.deadlines = deadlines;
		this.clock = clock;
	}

	/** A dispute as received. */
	public record NewDispute(DisputeCategory category, String description, @Nullable Money amount,
			@Nullable LocalDate receivedOn, @Nullable CaseChannel channel) {
	}

	/**
	 * Records a dispute: its deadlines, and the hold that stops collection where the
	 * rules say so.
	 */
	@Transactional
	public CaseView open(AccountId accountId, NewDispute dispute, String actor) {
		AccountView account = this.accounts.get(accountId);
		CreditorView creditor = this.creditors.get(account.creditorId());
		Received receipt = Received.of(dispute.receivedOn(), creditor, this.clock);
		LocalDate received = receipt.day();
		String description = Cases.required("description", dispute.description());
		Money amount = amount(dispute.amount(), account);
		DisputeDeadlines rules = this.deadlines.dispute(received,
				this.letters.validationNoticeSentOn(accountId).orElse(null), creditor);
		boolean paused = !rules.holdsCollection() && rules.jurisdiction().law() != Law.US && this.pauseElsewhere;
		boolean stops = rules.holdsCollection() || paused;
		CaseStatus status = (stops && rules.jurisdiction().law() == Law.US) ? CaseStatus.AWAITING_VERIFICATION
				: CaseStatus.OPEN;
		UUID hold = null;
		if (stops) {
			Instant at = receipt.holdFrom();
			hold = this.holds.place(account.customerId(), List.of(accountId.value()), HoldType.DISPUTE, at, null,
					"dispute (%s): %s".formatted(dispute.category(), abbreviated(description)),
					Phrase.of("casework.hold.dispute", Phrase.of("casework.category." + dispute.category()),
							abbreviated(description)),
					actor)
				.id();
		}
		Map<String, String> facts = new LinkedHashMap<>();
		if (rules.validationPeriodEnds() != null) {
			facts.put("validationPeriodEnds", rules.validationPeriodEnds().toString());
		}
		// an account under a dispute or complaint comes back from the agency it was
		// placed with
		this.agencies.recallAccount(accountId.value(), "dispute opened", actor);
		return this.cases.open(
				new Cases.NewCase(CaseType.DISPUTE, status, accountId.value(), account.customerId().value(),
						account.creditorId().value(), creditor.jurisdiction(), dispute.category().name(),
						(dispute.channel() == null) ? null : dispute.channel().name(), description, amount,
						account.currency().getCurrencyCode(), received, actor, null, hold, stops, facts, rules.why()),
				CaseDeadlines.kept(rules.all()), actor);
	}

	/**
	 * Sends the verification of a US dispute that stopped collection (the itemization
	 * and, where asked, the original creditor's name and address) and lifts its hold:
	 * collection may resume.
	 */
	@Transactional
	public CaseView sendVerification(UUID caseId, boolean originalCreditor, Actor actor) {
		CaseView c = dispute(caseId);
		if (c.status() != CaseStatus.AWAITING_VERIFICATION) {
			throw new ConflictException(
					"dispute %s is %s: verification is sent only while a dispute awaits it".formatted(c.reference(),
							c.status()),
					Phrase.of("casework.conflict.notAwaitingVerification", c.reference(),
							Phrase.of("casework.status." + c.status())));
		}
		UUID letter = this.letters.verification(new AccountId(c.accountId()), c.reference(), originalCreditor,
				actor.name());
		this.cases.entry(c.id(), actor.name(), "LETTER", null, "verification", letter);
		if (c.holdId() != null) {
			this.holds.lift(c.holdId(), "verification sent (%s)".formatted(c.reference()),
					Phrase.of("casework.lift.verification", c.reference()), actor);
		}
		this.cases.releaseCollection(c.id());
		this.cases.meet(c.id(), "VERIFY");
		this.cases.move(this.cases.get(caseId), CaseStatus.VERIFICATION_SENT, "verification sent",
				Phrase.of(Cases.WHY_VERIFICATION_SENT), actor.name());
		return this.cases.get(caseId);
	}

	/** Sends the acknowledgement letter and marks the acknowledgement met. */
	@Transactional
	public CaseView acknowledge(UUID caseId, String actor) {
		CaseView c = dispute(caseId);
		if (c.status() != CaseStatus.OPEN
				|| c.deadlines().stream().noneMatch((d) -> d.code().equals("ACKNOWLEDGE") && d.open())) {
			throw new ConflictException("dispute %s has nothing to acknowledge".formatted(c.reference()),
					Phrase.of("casework.conflict.nothingToAcknowledge", c.reference()));
		}
		UUID letter = this.letters.send(new AccountId(c.accountId()), "dispute-acknowledgement",
				letterFacts(c, null, null), actor);
		this.cases.entry(c.id(), actor, "LETTER", null, "dispute-acknowledgement", letter);
		this.cases.meet(c.id(), "ACKNOWLEDGE");
		this.cases.move(this.cases.get(caseId), CaseStatus.ACKNOWLEDGED, "acknowledged",
				Phrase.of(Cases.WHY_ACKNOWLEDGED), actor);
		return this.cases.get(caseId);
	}

	/**
	 * Ends the dispute. Upheld (the whole disputed amount) or partly upheld (the amount
	 * given) adjusts the balance in the ledger, which a lead, manager or compliance
	 * officer decides; rejected says why; withdrawn is the customer's. The hold lifts and
	 * the resolution letter goes.
	 */
	@Transactional
	public CaseView resolve(UUID caseId, CaseOutcome outcome, String reason, @Nullable Money adjustment, Actor actor) {
		CaseView c = dispute(caseId);
		if (!c.open()) {
			throw new ConflictException("dispute %s is already closed (%s)".formatted(c.reference(), c.outcome()),
					Phrase.of("casework.conflict.closed", c.reference()));
		}
		if (!CaseOutcome.of(CaseType.DISPUTE).contains(outcome)) {
			throw new InvalidInputException("outcome", "a dispute ends UPHELD, PARTLY_UPHELD, REJECTED or WITHDRAWN");
		}
		if (!actor.hasAny(DECIDERS)) {
			throw new NotPermittedException("a dispute's outcome is decided by a lead, a manager or compliance");
		}
		String why = Cases.required("reason", reason);
		AccountView account = this.accounts.get(new AccountId(c.accountId()));
		Money adjusted = null;
		if (outcome.adjusts()) {
			adjusted = adjustment(c, outcome, adjustment, account);
			if (adjusted != null) {
				LocalDate today = LocalDate
					.now(this.clock.withZone(this.creditors.get(account.creditorId()).timeZone()));
				this.ledger.adjust(account.id(), reduction(account, adjusted), today,
						new Source("DISPUTE", c.reference(), actor.name(), why));
			}
		}
		else if (adjustment != null) {
			throw new InvalidInputException("amount", "only an upheld or partly upheld dispute adjusts the balance");
		}
		if (c.holdId() != null && c.holdsCollection()) {
			this.holds.lift(c.holdId(), "dispute %s %s".formatted(c.reference(), outcome),
					Phrase.of("casework.lift.dispute", c.reference(), Phrase.of("casework.outcome." + outcome)), actor);
		}
		if (outcome != CaseOutcome.WITHDRAWN) {
			UUID letter = this.letters.send(account.id(), "dispute-resolution", letterFacts(c, outcome, why),
					actor.name());
			this.cases.entry(c.id(), actor.name(), "LETTER", null, "dispute-resolution", letter);
		}
		this.cases.close(this.cases.get(caseId), outcome,
				(adjusted == null) ? why : why + " (adjusted " + adjusted.amount().toPlainString() + ")", actor.name());
		return this.cases.get(caseId);
	}

	private Map<String, String> letterFacts(CaseView c, @Nullable CaseOutcome outcome, @Nullable String why) {
		Map<String, String> facts = new LinkedHashMap<>();
		facts.put("caseNumber", c.reference());
		if (c.dueOn() != null) {
			facts.put("caseDueDate", c.dueOn().toString());
		}
		if (outcome != null) {
			// the letter says the outcome in its own language, then the reasons
			facts.put(CaseLetters.OUTCOME_CODE, outcome.name());
			facts.put("caseOutcome", (why == null) ? "" : why);
		}
		return facts;
	}

	/**
	 * The amount the outcome takes off the balance; null when nothing is owed any more.
	 */
	private static @Nullable Money adjustment(CaseView c, CaseOutcome outcome, @Nullable Money given,
			AccountView account) {
		Money owed = account.balances().owed();
		Money disputed = (c.amount() != null) ? c.amount() : owed;
		Money amount = (outcome == CaseOutcome.UPHELD && given == null) ? disputed : given;
		if (amount == null) {
			throw new InvalidInputException("amount", "a partly upheld dispute names the amount adjusted");
		}
		if (!amount.isPositive()) {
			throw new InvalidInputException("amount", "must be more than zero");
		}
		if (amount.compareTo(disputed) > 0) {
			throw new InvalidInputException("amount",
					"is more than the disputed %s".formatted(disputed.amount().toPlainString()));
		}
		Money adjusted = amount.min(owed);
		return adjusted.isPositive() ? adjusted : null;
	}

	/**
	 * Takes the amount off fees, then interest, then principal; the overdue falls by as
	 * much.
	 */
	static Amounts reduction(AccountView account, Money amount) {
		Balances b = account.balances();
		Money left = amount;
		Money fees = left.min(b.fees());
		left = left.minus(fees);
		Money interest = left.min(b.interest());
		left = left.minus(interest);
		Money principal = left.min(b.principal());
		Money zero = Money.zero(amount.currency());
		return new Amounts(principal.negate(), interest.negate(), fees.negate(), zero,
				amount.min(account.overdueAmount()).negate());
	}

	private static @Nullable Money amount(@Nullable Money amount, AccountView account) {
		if (amount == null) {
			return null;
		}
		if (!amount.currency().equals(account.currency())) {
			throw new InvalidInputException("amount", "is in %s; the account is in %s".formatted(amount.currencyCode(),
					account.currency().getCurrencyCode()));
		}
		if (!amount.isPositive()) {
			throw new InvalidInputException("amount", "must be more than zero");
		}
		if (amount.compareTo(account.balances().owed()) > 0) {
			throw new InvalidInputException("amount",
					"is more than the balance of %s".formatted(account.balances().owed().amount().toPlainString()));
		}
		return amount;
	}

	private CaseView dispute(UUID id) {
		CaseView c = this.cases.get(id);
		if (c.type() != CaseType.DISPUTE) {
			throw new ConflictException("case %s is a %s, not a dispute".formatted(c.reference(), c.type()));
		}
		return c;
	}

	private static String abbreviated(String text) {
		return (text.length() <= 200) ? text : text.substring(0, 199) + "…";
	}

}
