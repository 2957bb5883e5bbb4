package org.dues.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.dues.compliance.ContactHolds;
import org.dues.compliance.HoldType;
import org.dues.customer.CustomerManagement;
import org.dues.customer.CustomerView;
import org.dues.identity.Role;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountLedger;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.Amounts;
import org.dues.portfolio.BalanceComponent;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.portfolio.EntryType;
import org.dues.portfolio.LedgerEntryView;
import org.dues.portfolio.Source;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.Money;
import org.dues.shared.NotPermittedException;
import org.dues.shared.Phrase;
import org.dues.system.Actor;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referrals of an account to a legal proceeding of its jurisdiction. A lead or a manager
 * refers; a lead's referral waits for a manager's approval. A referral is refused, and
 * nothing recorded, when the debt is time-barred (Regulation F § 1006.26(b) in the US,
 * the Limitation Act in India and England), when a statutory period has lapsed or when a
 * fact the proceeding needs is missing ({@link LegalClocks}). The stages and their
 * statutory dates are the case's deadlines; recording a notice's dispatch computes the
 * dates that follow from it. A referral to an attorney places the attorney hold. Legal
 * costs are posted to the ledger as fees where the creditor's policy makes them
 * recoverable, and kept on the case as expenses otherwise.
 */
@Service
public class LegalReferrals {

	/** Who may refer an account to a proceeding. */
	static final Set<String> REFERRERS = Set.of(Role.TEAM_LEAD.authority(), Role.MANAGER.authority(),
			Role.ADMIN.authority());

	/** Who approves a referral, and refers without approval. */
	static final Set<String> APPROVERS = Set.of(Role.MANAGER.authority(), Role.ADMIN.authority());

	/** The stages that record a notice's dispatch, from which later dates run. */
	private static final Set<String> NOTICES = Set.of("NOTICE_BY", "DEMAND_NOTICE", "ARBITRATION_NOTICE",
			"LEGAL_NOTICE", "LETTER_OF_CLAIM");

	private final Cases cases;

	private final Accounts accounts;

	private final Creditors creditors;

	private final ContactHolds holds;

	private final AccountLedger ledger;

	private final JdbcClient jdbc;

	private final CustomerManagement customers;

	private final Limitation limitation = new Limitation();

	private final Clock clock;

	LegalReferrals(Cases cases, Accounts accounts, Creditors creditors, ContactHolds holds, AccountLedger ledger,
			JdbcClient jdbc, CustomerManagement customers, Clock clock) {
		this.cases = cases;
		this.customers = customers;
		this.accounts = accounts;
		this.creditors = creditors;
		this.holds = holds;
		this.ledger = ledger;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * What a referral states: the proceeding, why, and the facts it needs.
	 *
	 * @param chequeNumber Section 138: the dishonoured cheque's number
	 * @param chequeReturnedOn Section 138: the day the bank's return memo was received
	 * @param noticeSentOn a notice already sent, where one was
	 * @param secured SARFAESI: whether the debt is secured
	 * @param npaOn SARFAESI: the day the account became a non-performing asset
	 * @param letterOn a letter of claim's date, if already sent
	 * @param posted a letter of claim goes by post
	 */
	public record NewReferral(Proceeding proceeding, String reason, @Nullable String chequeNumber,
			@Nullable LocalDate chequeReturnedOn, @Nullable LocalDate noticeSentOn,
			@Nullable LocalDate noticeReceivedOn, boolean secured, @Nullable LocalDate npaOn,
			@Nullable LocalDate letterOn, boolean posted) {
	}

	/**
	 * Refers the account, with the stages computed; refused (and nothing recorded) when
	 * the rules say it may not proceed.
	 * @throws LegalRefusedException naming why not
	 */
	@Transactional
	public CaseView refer(AccountId accountId, NewReferral referral, Actor actor) {
		if (!actor.hasAny(REFERRERS)) {
			throw new NotPermittedException("a team lead or a manager refers an account to legal action");
		}
		String reason = Cases.required("reason", referral.reason());
		AccountView account = this.accounts.get(accountId);
		CreditorView creditor = this.creditors.get(account.creditorId());
		LocalDate today = LocalDate.now(this.clock.withZone(creditor.timeZone()));
		if (referral.proceeding() == Proceeding.NI_ACT_138
				&& (referral.chequeNumber() == null || referral.chequeNumber().isBlank())) {
			throw new InvalidInputException("chequeNumber", "a Section 138 notice names the dishonoured cheque");
		}
		List<CaseDeadline> stages = decide(referral.proceeding(), account, creditor, facts(referral, today), today);
		boolean approved = actor.hasAny(APPROVERS);
		Map<String, String> facts = new LinkedHashMap<>();
		facts.put("proceeding", referral.proceeding().name());
		put(facts, "chequeNumber", referral.chequeNumber());
		put(facts, "chequeReturnedOn", referral.chequeReturnedOn());
		put(facts, "noticeSentOn", referral.noticeSentOn());
		put(facts, "noticeReceivedOn", referral.noticeReceivedOn());
		put(facts, "npaOn", referral.npaOn());
		put(facts, "letterOn", referral.letterOn());
		facts.put("secured", String.valueOf(referral.secured()));
		facts.put("posted", String.valueOf(referral.posted()));
		facts.put("referredOn", today.toString());
		CaseView c = this.cases.open(
				new Cases.NewCase(CaseType.LEGAL, approved ? CaseStatus.ACTIVE : CaseStatus.PENDING_APPROVAL,
						accountId.value(), account.customerId().value(), account.creditorId().value(),
						creditor.jurisdiction(), referral.proceeding().name(), null, reason, null,
						account.currency().getCurrencyCode(), today, actor.name(), null, null, false, facts, null),
				stages, actor.name());
		return approved ? activate(c, actor) : c;
	}

	/** A manager approves a lead's referral: the proceeding starts. */
	@Transactional
	public CaseView approve(UUID caseId, Actor actor) {
		CaseView c = legal(caseId);
		if (!actor.hasAny(APPROVERS)) {
			throw new NotPermittedException("a manager approves a legal referral");
		}
		if (c.status() != CaseStatus.PENDING_APPROVAL) {
			throw new ConflictException("referral %s is %s, not awaiting approval".formatted(c.reference(), c.status()),
					Phrase.of("casework.conflict.notPending", c.reference()));
		}
		if (c.openedBy().equals(actor.name())) {
			throw new NotPermittedException("a referral is approved by someone other than who made it");
		}
		this.cases.move(c, CaseStatus.ACTIVE, "approved", Phrase.of(Cases.WHY_APPROVED), actor.name());
		return activate(this.cases.get(caseId), actor);
	}

	/** A manager declines a lead's referral, with the reason. */
	@Transactional
	public CaseView decline(UUID caseId, String reason, Actor actor) {
		CaseView c = legal(caseId);
		if (!actor.hasAny(APPROVERS)) {
			throw new NotPermittedException("a manager declines a legal referral");
		}
		if (c.status() != CaseStatus.PENDING_APPROVAL) {
			throw new ConflictException("referral %s is %s, not awaiting approval".formatted(c.reference(), c.status()),
					Phrase.of("casework.conflict.notPending", c.reference()));
		}
		this.cases.close(c, CaseOutcome.NOT_APPROVED, Cases.required("reason", reason), actor.name());
		return this.cases.get(caseId);
	}

	/**
	 * Ends an active referral: completed (paid, decree, award, settled) or discontinued;
	 * the attorney hold lifts.
	 */
	@Transactional
	public CaseView close(UUID caseId, CaseOutcome outcome, String reason, Actor actor) {
		CaseView c = active(caseId);
		if (outcome != CaseOutcome.COMPLETED && outcome != CaseOutcome.DISCONTINUED) {
			throw new InvalidInputException("outcome", "an active referral ends COMPLETED or DISCONTINUED");
		}
		String why = Cases.required("reason", reason);
		if (c.holdId() != null && c.holdsCollection()) {
			this.holds.lift(c.holdId(), "legal referral %s %s".formatted(c.reference(), outcome),
					Phrase.of("casework.lift.legal", c.reference(), Phrase.of("casework.outcome." + outcome)), actor);
		}
		this.cases.close(c, outcome, why, actor.name());
		return this.cases.get(caseId);
	}

	private CaseView activate(CaseView c, Actor actor) {
		if (Proceeding.valueOf(c.category()) == Proceeding.ATTORNEY_REFERRAL) {
			UUID hold = this.holds
				.place(new org.dues.customer.CustomerId(c.customerId()), List.of(c.accountId()), HoldType.ATTORNEY,
						null, null, "referred to an attorney (%s)".formatted(c.reference()),
						Phrase.of("casework.hold.attorney", c.reference()), actor.name())
				.id();
			this.jdbc.sql("UPDATE casework_cases SET hold_id = :hold, holds_collection = true WHERE id = :id")
				.param("hold", hold)
				.param("id", c.id())
				.update();
			this.cases.entry(c.id(), actor.name(), "STATUS", c.status().name(), "attorney hold placed", null,
					Phrase.of(Cases.WHY_ATTORNEY_HOLD));
		}
		return this.cases.get(c.id());
	}

	/**
	 * Records that a stage happened on a day (a notice sent, a complaint filed, a hearing
	 * held); a notice's dispatch recomputes the dates that run from it.
	 */
	@Transactional
	public CaseView stage(UUID caseId, String code, @Nullable LocalDate day, @Nullable String note, Actor actor) {
		CaseView c = active(caseId);
		LocalDate on = (day != null) ? day : LocalDate.now(this.clock.withZone(creditor(c).timeZone()));
		CaseDeadline stage = c.deadlines()
			.stream()
			.filter((d) -> d.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("stage", "referral %s has no stage %s; it has %s"
				.formatted(c.reference(), code, c.deadlines().stream().map(CaseDeadline::code).toList())));
		if (!stage.open()) {
			throw new ConflictException("stage %s of %s was recorded already".formatted(code, c.reference()));
		}
		if (on.isAfter(LocalDate.now(this.clock.withZone(creditor(c).timeZone())))) {
			throw new InvalidInputException("on", "is in the future");
		}
		if (NOTICES.contains(code)) {
			Proceeding proceeding = Proceeding.valueOf(c.category());
			LegalFacts facts = facts(c).noticeSent(on);
			if (proceeding == Proceeding.LETTER_OF_CLAIM) {
				facts = facts.letter(on, Boolean.parseBoolean(c.facts().getOrDefault("posted", "true")));
			}
			AccountView account = this.accounts.get(new AccountId(c.accountId()));
			List<CaseDeadline> later = decide(proceeding, account, creditor(c), facts, facts.referredOn());
			this.cases.addDeadlines(c.id(),
					later.stream()
						.filter((d) -> c.deadlines().stream().anyMatch((k) -> k.code().equals(d.code()) && k.open()))
						.toList());
			this.cases.fact(c.id(), proceeding == Proceeding.LETTER_OF_CLAIM ? "letterOn" : "noticeSentOn",
					on.toString());
		}
		this.cases.meet(c.id(), code);
		this.cases.entry(c.id(), actor.name(), "STATUS", c.status().name(),
				code + " " + on + ((note == null || note.isBlank()) ? "" : ": " + note.strip()), null);
		return this.cases.get(caseId);
	}

	/** Puts a hearing on the case's calendar. */
	@Transactional
	public CaseView hearing(UUID caseId, @Nullable LocalDate on, String court, Actor actor) {
		CaseView c = active(caseId);
		if (on == null) {
			throw new InvalidInputException("on", "is required");
		}
		String where = Cases.required("court", court);
		int n = (int) c.deadlines().stream().filter((d) -> d.code().startsWith("HEARING_")).count() + 1;
		this.cases.addDeadlines(c.id(),
				List.of(new CaseDeadline("HEARING_" + n, on, Phrase.of("casework.rule.legal.hearing", where))));
		this.cases.entry(c.id(), actor.name(), "NOTE", null, "hearing on %s at %s".formatted(on, where), null);
		return this.cases.get(caseId);
	}

	/**
	 * Records a legal cost: posted to the ledger as fees where the creditor's policy
	 * makes legal costs recoverable from the customer, else kept on the case as an
	 * expense.
	 * @return whether it was posted to the ledger
	 */
	@Transactional
	public boolean cost(UUID caseId, Money amount, String description, Actor actor) {
		CaseView c = legal(caseId);
		if (!c.open()) {
			throw new ConflictException("referral %s is closed".formatted(c.reference()));
		}
		if (!actor.hasAny(REFERRERS)) {
			throw new NotPermittedException("a team lead or a manager records legal costs");
		}
		if (!amount.isPositive() || !amount.currencyCode().equals(c.currency())) {
			throw new InvalidInputException("amount", "must be more than zero, in " + c.currency());
		}
		String what = Cases.required("description", description);
		boolean recoverable = recoverable(c.accountId());
		if (recoverable) {
			AccountView account = this.accounts.get(new AccountId(c.accountId()));
			this.ledger.adjust(account.id(), Amounts.of(BalanceComponent.FEES, amount),
					LocalDate.now(this.clock.withZone(creditor(c).timeZone())),
					new Source("LEGAL_COST", c.reference(), actor.name(), what));
		}
		this.jdbc.sql("""
				INSERT INTO casework_legal_costs (case_id, amount, currency, description, recovered, recorded_at,
				    recorded_by) VALUES (:case, :amount, :currency, :description, :recovered, :at, :by)""")
			.param("case", c.id())
			.param("amount", amount.amount())
			.param("currency", amount.currencyCode())
			.param("description", what)
			.param("recovered", recoverable)
			.param("at", java.sql.Timestamp.from(this.clock.instant()))
			.param("by", actor.name())
			.update();
		this.cases.entry(c.id(), actor.name(), "NOTE", null,
				"%s %s %s: %s".formatted(recoverable ? "cost charged to the account" : "expense", amount.currencyCode(),
						amount.amount().toPlainString(), what),
				null);
		return recoverable;
	}

	/** The case's costs: each with whether it was charged to the account. */
	@Transactional(readOnly = true)
	public List<Cost> costs(UUID caseId) {
		return this.jdbc.sql("""
				SELECT amount, currency, description, recovered, recorded_at, recorded_by FROM casework_legal_costs
				WHERE case_id = :case ORDER BY recorded_at""")
			.param("case", caseId)
			.query((rs, n) -> new Cost(
					Money.of(rs.getBigDecimal("amount"), java.util.Currency.getInstance(rs.getString("currency"))),
					rs.getString("description"), rs.getBoolean("recovered"), rs.getTimestamp("recorded_at").toInstant(),
					rs.getString("recorded_by")))
			.list();
	}

	/** A legal cost. */
	public record Cost(Money amount, String description, boolean recovered, java.time.Instant recordedAt,
			String recordedBy) {
	}

	/** Whether the creditor's policy makes legal costs recoverable from the customer. */
	boolean recoverable(UUID account) {
		UUID creditor = this.accounts.get(new AccountId(account)).creditorId().value();
		return this.jdbc.sql("SELECT legal_costs_recoverable FROM casework_creditor_settings WHERE creditor_id = :c")
			.param("c", creditor)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/** Sets whether the creditor's legal costs are charged to its customers' accounts. */
	@Transactional
	public void setRecoverable(org.dues.portfolio.CreditorId creditor, boolean recoverable) {
		this.jdbc.sql("""
				INSERT INTO casework_creditor_settings (creditor_id, legal_costs_recoverable) VALUES (:c, :r)
				ON CONFLICT (creditor_id) DO UPDATE SET legal_costs_recoverable = EXCLUDED.legal_costs_recoverable""")
			.param("c", creditor.value())
			.param("r", recoverable)
			.update();
	}

	/** The proceedings the account's jurisdiction has. */
	public List<Proceeding> proceedingsFor(AccountId accountId) {
		AccountView account = this.accounts.get(accountId);
		return Proceeding.availableIn(Jurisdiction.of(this.creditors.get(account.creditorId()).jurisdiction()).law());
	}

	/** Whether the account's debt is time-barred today, and why. */
	public Limitation.Assessment limitation(AccountId accountId) {
		AccountView account = this.accounts.get(accountId);
		CreditorView creditor = this.creditors.get(account.creditorId());
		return assess(account, creditor, LocalDate.now(this.clock.withZone(creditor.timeZone())));
	}

	private List<CaseDeadline> decide(Proceeding proceeding, AccountView account, CreditorView creditor,
			LegalFacts facts, LocalDate today) {
		Jurisdiction jurisdiction = Jurisdiction.of(creditor.jurisdiction());
		LegalDecision decision = LegalClocks.decide(proceeding, jurisdiction, facts, assess(account, creditor, today),
				BusinessCalendar.of(jurisdiction));
		if (decision instanceof LegalDecision.Refused refused) {
			throw new LegalRefusedException(refused.code(),
					"%s may not proceed: %s".formatted(proceeding, refused.code()), refused.reason());
		}
		return CaseDeadlines.kept(((LegalDecision.Proceed) decision).stages());
	}

	private Limitation.Assessment assess(AccountView account, CreditorView creditor, LocalDate today) {
		LocalDate defaulted = (account.oldestDueDate() != null) ? account.oldestDueDate()
				: (account.chargeOffDate() != null) ? account.chargeOffDate()
						: LocalDate.ofInstant(account.placedAt(), creditor.timeZone());
		LocalDate lastPayment = this.accounts.ledger(account.id())
			.stream()
			.filter((e) -> e.type() == EntryType.PAYMENT && e.reverses() == null)
			.map(LedgerEntryView::effectiveDate)
			.max(Comparator.naturalOrder())
			.orElse(account.lastPaymentDate());
		if (account.lastPaymentDate() != null && lastPayment != null
				&& account.lastPaymentDate().isAfter(lastPayment)) {
			lastPayment = account.lastPaymentDate();
		}
		LocalDate paid = lastPayment;
		return limitationJurisdictions(Jurisdiction.of(creditor.jurisdiction()),
				this.customers.get(account.customerId()))
			.stream()
			.map((where) -> this.limitation.assess(new LimitationFacts(where, defaulted, paid, null), today))
			.min(Comparator.comparing((Limitation.Assessment a) -> a.lastDayToSue(),
					Comparator.nullsLast(Comparator.naturalOrder())))
			.orElseThrow();
	}

	/**
	 * The jurisdictions whose limitation period may apply to the customer's debt: in the
	 * United States, the state of each of the customer's current addresses there (a
	 * two-letter code), since the statute of limitations is the state's where the
	 * customer lives; the creditor's jurisdiction where no address names a state (its own
	 * state's period, or the configured default for {@code US} alone). Of several, the
	 * caller takes the one that ends first, which errs towards not suing.
	 */
	static List<Jurisdiction> limitationJurisdictions(Jurisdiction creditor, CustomerView customer) {
		if (creditor.law() != Law.US) {
			return List.of(creditor);
		}
		List<Jurisdiction> states = customer.addresses()
			.stream()
			.filter((a) -> a.status().current())
			.map(CustomerView.Address::address)
			.filter((a) -> creditor.country().equals(a.country()) && a.state() != null
					&& a.state().strip().matches("[A-Za-z]{2}"))
			.map((a) -> new Jurisdiction(creditor.country(), a.state().strip().toUpperCase(java.util.Locale.ROOT)))
			.distinct()
			.toList();
		return states.isEmpty() ? List.of(creditor) : states;
	}

	private static LegalFacts facts(NewReferral r, LocalDate today) {
		return new LegalFacts(today, r.chequeReturnedOn(), r.noticeSentOn(), r.noticeReceivedOn(), r.secured(),
				r.npaOn(), r.letterOn(), r.posted());
	}

	private static LegalFacts facts(CaseView c) {
		Map<String, String> f = c.facts();
		return new LegalFacts(LocalDate.parse(f.get("referredOn")), date(f.get("chequeReturnedOn")),
				date(f.get("noticeSentOn")), date(f.get("noticeReceivedOn")), Boolean.parseBoolean(f.get("secured")),
				date(f.get("npaOn")), date(f.get("letterOn")), Boolean.parseBoolean(f.getOrDefault("posted", "true")));
	}

	private static @Nullable LocalDate date(@Nullable String text) {
		return (text == null) ? null : LocalDate.parse(text);
	}

	private static void put(Map<String, String> facts, String name, @Nullable Object value) {
		if (value != null) {
			facts.put(name, value.toString());
		}
	}

	private CreditorView creditor(CaseView c) {
		return this.creditors.get(new org.dues.portfolio.CreditorId(c.creditorId()));
	}

	private CaseView active(UUID caseId) {
		CaseView c = legal(caseId);
		if (c.status() != CaseStatus.ACTIVE) {
			throw new ConflictException(
					"referral %s is %s; stages are recorded while it is active".formatted(c.reference(), c.status()),
					Phrase.of("casework.conflict.notActive", c.reference()));
		}
		return c;
	}

	private CaseView legal(UUID id) {
		CaseView c = this.cases.get(id);
		if (c.type() != CaseType.LEGAL) {
			throw new ConflictException("case %s is a %s, not a legal referral".formatted(c.reference(), c.type()));
		}
		return c;
	}

}
