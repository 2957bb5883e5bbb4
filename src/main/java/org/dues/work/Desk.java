package org.dues.work;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.dues.arrangement.ArrangementManagement;
import org.dues.arrangement.ArrangementView;
import org.dues.arrangement.Asker;
import org.dues.arrangement.Frequency;
import org.dues.arrangement.NewArrangement;
import org.dues.compliance.Channel;
import org.dues.compliance.ContactGate;
import org.dues.compliance.ContactHolds;
import org.dues.compliance.HoldType;
import org.dues.compliance.PersonRole;
import org.dues.compliance.Purpose;
import org.dues.contact.ContactLog;
import org.dues.contact.InteractionView;
import org.dues.customer.CustomerManagement;
import org.dues.customer.CustomerView;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.Creditors;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.Money;
import org.dues.shared.PhoneNumber;
import org.dues.shared.Phrase;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agent's desk on one account: place a call through the compliance gate, record how
 * it ended and what came of it, and let the outcome act (an arrangement, a hold, a wrong
 * number marked, a callback scheduled); write notes. Everything an outcome does happens
 * in one transaction with its record, so a rejected outcome leaves nothing behind.
 */
@Service
public class Desk {

	private final JdbcClient jdbc;

	private final ContactLog contacts;

	private final ContactHolds holds;

	private final ArrangementManagement arrangements;

	private final CustomerManagement customers;

	private final Accounts accounts;

	private final Creditors creditors;

	private final Clock clock;

	private final org.springframework.beans.factory.ObjectProvider<DisputeIntake> disputes;

	Desk(JdbcClient jdbc, ContactLog contacts, ContactHolds holds, ArrangementManagement arrangements,
			CustomerManagement customers, Accounts accounts, Creditors creditors, Clock clock,
			org.springframework.beans.factory.ObjectProvider<DisputeIntake> disputes) {
		this.disputes = disputes;
		this.jdbc = jdbc;
		this.contacts = contacts;
		this.holds = holds;
		this.arrangements = arrangements;
		this.customers = customers;
		this.accounts = accounts;
		this.creditors = creditors;
		this.clock = clock;
	}

	/**
	 * Asks the gate to call the number now and logs the call as in progress, or as
	 * blocked with the reasons; the caller dials only when it is allowed.
	 */
	@Transactional
	public ContactLog.Attempt call(AccountId accountId, String number, String agent) {
		AccountView account = this.accounts.get(accountId);
		CustomerView customer = this.customers.get(account.customerId());
		String e164 = customerNumber(customer, number, account);
		return this.contacts.attempt(new ContactGate.Request(accountId, Set.of(), Channel.CALL, e164,
				PersonRole.CONSUMER, Purpose.COLLECTION), null, null, agent);
	}

	/** When the gate would next let the number be called, if it is blocked now. */
	@Transactional(readOnly = true)
	public @Nullable Instant nextCallOpening(AccountId accountId, @Nullable String e164) {
		return this.contacts
			.check(new ContactGate.Request(accountId, Set.of(), Channel.CALL, e164, PersonRole.CONSUMER,
					Purpose.COLLECTION))
			.nextOpening();
	}

	/**
	 * Records how a call ended and what came of it, and acts on it.
	 * @throws InvalidInputException when a field the outcome needs is missing or wrong
	 * @throws ConflictException when the call cannot be recorded (blocked now, already
	 * recorded)
	 */
	@Transactional
	public Recorded dispose(AccountId accountId, Disposition disposition, Asker agent) {
		AccountView account = this.accounts.get(accountId);
		CustomerView customer = this.customers.get(account.customerId());
		List<InvalidInputException.FieldError> errors = new ArrayList<>();
		if (disposition.result() == null) {
			errors.add(new InvalidInputException.FieldError("result", "say how the call ended",
					Phrase.of("validation.outcome.result")));
		}
		Outcome outcome = disposition.outcome();
		if (outcome != null && disposition.result() != null) {
			boolean rightParty = disposition.result() == CallResult.RIGHT_PARTY;
			boolean spoke = rightParty || disposition.result() == CallResult.THIRD_PARTY;
			if (outcome.needsRightParty && !rightParty) {
				errors.add(new InvalidInputException.FieldError("outcome",
						"%s needs a conversation with the customer (result RIGHT_PARTY)".formatted(outcome),
						Phrase.of("validation.outcome.rightParty", Phrase.of("outcome." + outcome),
								Phrase.of("desk.result.RIGHT_PARTY"))));
			}
			else if (!spoke) {
				errors.add(new InvalidInputException.FieldError("outcome",
						"%s needs someone to have answered".formatted(outcome),
						Phrase.of("validation.outcome.answered", Phrase.of("outcome." + outcome))));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		// the call: the one placed from the desk, or one logged now through the gate
		InteractionView interaction;
		if (disposition.interactionId() != null) {
			interaction = this.contacts.complete(accountId, disposition.interactionId(), disposition.result().contact,
					disposition.note());
		}
		else {
			String number = (disposition.number() == null) ? null
					: customerNumber(customer, disposition.number(), account);
			ContactLog.Attempt attempt = this.contacts.attempt(new ContactGate.Request(accountId, Set.of(),
					Channel.CALL, number, PersonRole.CONSUMER, Purpose.COLLECTION), disposition.result().contact,
					disposition.note(), agent.name());
			if (!attempt.allowed()) {
				throw new ConflictException(
						"the call is not allowed now: " + this.accounts.namingAccountsOf(account.customerId())
							.apply(String.valueOf(attempt.interaction().blockedReason())),
						Phrase.of("error.call.blocked",
								Phrase.all(attempt.decision()
									.decision()
									.blockedBy()
									.stream()
									.map(org.dues.compliance.RuleResult::phrase)
									.toList())));
			}
			interaction = attempt.interaction();
		}
		if (disposition.result() == CallResult.WRONG_NUMBER && interaction.address() != null) {
			this.customers.markWrongNumber(customer.id(), interaction.address(), agent.name());
		}
		String note = disposition.note();
		ArrangementView arrangement = null;
		UUID hold = null;
		Instant callbackAt = null;
		if (outcome != null) {
			switch (outcome) {
				case PROMISE_TO_PAY -> arrangement = this.arrangements.promise(accountId,
						new NewArrangement.Promise(require(money(account, disposition.amount()), "amount", outcome),
								require(disposition.dueOn(), "dueOn", outcome), "CALL", null),
						agent);
				case PLAN_AGREED -> arrangement = this.arrangements.plan(accountId,
						new NewArrangement.Plan(require(disposition.instalments(), "instalments", outcome),
								require(disposition.frequency(), "frequency", outcome),
								require(disposition.dueOn(), "dueOn", outcome), money(account, disposition.amount()),
								null, null, null, forApprover(note)),
						agent);
				case SETTLEMENT_AGREED -> arrangement = this.arrangements.settlement(accountId,
						new NewArrangement.Settlement(require(money(account, disposition.amount()), "amount", outcome),
								disposition.instalments(), disposition.frequency(), disposition.dueOn(), null,
								forApprover(note)),
						agent);
				case DISPUTE -> {
					DisputeIntake intake = this.disputes.getIfAvailable();
					hold = (intake != null) ? intake.disputedOnCall(accountId, note, agent.name())
							: hold(customer, List.of(accountId.value()), HoldType.DISPUTE, note, agent);
				}
				case CEASE_REQUESTED -> hold = hold(customer, List.of(accountId.value()), HoldType.CEASE, note, agent);
				case ATTORNEY -> hold = hold(customer, List.of(accountId.value()), HoldType.ATTORNEY,
						require(note, "note (the attorney's name and contact)", outcome), agent);
				case DECEASED -> hold = hold(customer, List.of(), HoldType.DECEASED, note, agent);
				case BANKRUPT -> hold = hold(customer, List.of(), HoldType.BANKRUPTCY, note, agent);
				case CALLBACK -> callbackAt = callback(account, customer,
						require(disposition.callbackAt(), "callbackAt", outcome), agent.name());
				default -> {
				}
			}
		}
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		Money amount = (arrangement != null) ? arrangement.amount() : null;
		this.jdbc.sql("""
				INSERT INTO work_dispositions (id, account_id, interaction_id, result, outcome, amount, currency,
				    detail, agent, recorded_at)
				VALUES (:id, :account, :interaction, :result, :outcome, :amount, :currency, :detail, :agent, :now)""")
			.param("id", id)
			.param("account", accountId.value())
			.param("interaction", interaction.id())
			.param("result", disposition.result().name())
			.param("outcome", (outcome == null) ? null : outcome.name())
			.param("amount", (amount == null) ? null : amount.amount())
			.param("currency", (amount == null) ? null : amount.currencyCode())
			.param("detail", note)
			.param("agent", agent.name())
			.param("now", Timestamp.from(now))
			.update();
		// the call follows up what was due on the account: a callback whose time has
		// come, a broken promise or plan; they leave the worklist and next account
		this.jdbc.sql("""
				UPDATE work_followups SET done_at = :now, done_by = :agent
				WHERE account_id = :account AND done_at IS NULL AND (due_at <= :now OR cause <> 'CALLBACK')""")
			.param("account", accountId.value())
			.param("agent", agent.name())
			.param("now", Timestamp.from(now))
			.update();
		return new Recorded(id, interaction, disposition.result(), outcome, arrangement, hold, callbackAt);
	}

	/**
	 * Adds a note to the account.
	 * @throws InvalidInputException when the body is missing, blank or longer than 4000
	 * characters
	 */
	@Transactional
	public void note(AccountId accountId, @Nullable String body, String agent) {
		this.accounts.get(accountId);
		String text = (body == null) ? "" : body.strip();
		if (text.isEmpty() || text.length() > 4000 || text.indexOf('\u0000') >= 0) {
			throw new InvalidInputException("note", "a note has 1 to 4000 characters",
					Phrase.of("validation.note.length"));
		}
		this.jdbc.sql("""
				INSERT INTO work_notes (id, account_id, body, written_by, written_at)
				VALUES (:id, :account, :body, :agent, :now)""")
			.param("id", UUID.randomUUID())
			.param("account", accountId.value())
			.param("body", text)
			.param("agent", agent)
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
	}

	/**
	 * Everything that happened on the account, newest first: contacts with their result
	 * or the reason they were blocked, ledger entries (payments, reversals, waivers),
	 * arrangements, outcomes and notes.
	 */
	@Transactional(readOnly = true)
	public List<TimelineItem> timeline(AccountId accountId, int limit) {
		AccountView account = this.accounts.get(accountId);
		List<TimelineItem> items = new ArrayList<>();
		java.util.function.UnaryOperator<String> naming = this.accounts.namingAccountsOf(account.customerId());
		for (InteractionView i : this.contacts.timeline(accountId, limit)) {
			String blocked = i.blockedReason();
			items.add(new TimelineItem(i.startedAt(), "channel." + i.channel(),
					(i.result() != null) ? "result." + i.result()
							: (blocked != null) ? "timeline.blocked" : "timeline.inProgress",
					(blocked != null) ? naming.apply(blocked) : i.note(), null, i.address(), i.agent(),
					(blocked != null) ? null : i.noteSaid()));
		}
		for (var entry : this.accounts.ledger(accountId)) {
			Money total = entry.amounts().principal().plus(entry.amounts().interest()).plus(entry.amounts().fees());
			items.add(new TimelineItem(entry.recordedAt(), "entry." + entry.type(), null, entry.memo(), total, null,
					entry.recordedBy()));
		}
		for (ArrangementView a : this.arrangements.ofAccount(accountId)) {
			items.add(new TimelineItem(a.createdAt(), "arr.kind." + a.kind(), "arr.status." + a.status(), a.reason(),
					a.amount(), null, a.createdBy()));
		}
		this.jdbc.sql("""
				SELECT written_at, body, written_by FROM work_notes WHERE account_id = :account
				ORDER BY written_at DESC LIMIT :limit""")
			.param("account", account.id().value())
			.param("limit", limit)
			.query((rs, n) -> new TimelineItem(rs.getTimestamp(1).toInstant(), "timeline.note", null, rs.getString(2),
					null, null, rs.getString(3)))
			.list()
			.forEach(items::add);
		this.jdbc.sql("""
				SELECT recorded_at, outcome, detail, agent FROM work_dispositions
				WHERE account_id = :account AND outcome IS NOT NULL ORDER BY recorded_at DESC LIMIT :limit""")
			.param("account", account.id().value())
			.param("limit", limit)
			.query((rs, n) -> new TimelineItem(rs.getTimestamp(1).toInstant(), "timeline.outcome",
					"outcome." + rs.getString(2), rs.getString(3), null, null, rs.getString(4)))
			.list()
			.forEach(items::add);
		items.sort(java.util.Comparator.comparing(TimelineItem::at).reversed());
		return items.subList(0, Math.min(limit, items.size()));
	}

	/** Whether the account has ever had a conversation with the customer. */
	@Transactional(readOnly = true)
	public boolean spokenBefore(AccountId accountId) {
		return this.contacts.timeline(accountId, 500)
			.stream()
			.anyMatch((i) -> i.result() == org.dues.compliance.ContactResult.CONVERSATION);
	}

	private Instant callback(AccountView account, CustomerView customer, LocalDateTime at, String agent) {
		ZoneId zone = zoneOf(account, customer);
		Instant due = at.atZone(zone).toInstant();
		if (!due.isAfter(this.clock.instant())) {
			throw new InvalidInputException("callbackAt",
					"%s in %s has passed; a callback is in the customer's future".formatted(at, zone),
					Phrase.of("validation.callback.past", due));
		}
		this.jdbc.sql("""
				INSERT INTO work_followups (id, account_id, due_at, cause, cause_ref, reason, assigned_to, created_at)
				VALUES (:id, :account, :due, 'CALLBACK', :ref, :reason, :agent, :now)""")
			.param("id", UUID.randomUUID())
			.param("account", account.id().value())
			.param("due", Timestamp.from(due))
			.param("ref", UUID.randomUUID().toString())
			.param("reason", "Callback requested for %s %s".formatted(at, zone))
			.param("agent", agent)
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		return due;
	}

	/**
	 * Indian accounts only for agents with a current recovery-agent certificate (RBI
	 * directions on recovery agents): a call by anyone else is refused before it is made.
	 */
	/** The customer's time zone (the first they may be in), else the creditor's. */
	public ZoneId zoneOf(AccountView account, CustomerView customer) {
		return customer.timeZones().isEmpty() ? this.creditors.get(account.creditorId()).timeZone()
				: ZoneId.of(customer.timeZones().iterator().next());
	}

	private UUID hold(CustomerView customer, List<UUID> accounts, HoldType type, @Nullable String note, Asker agent) {
		return this.holds
			.place(customer.id(), accounts, type, null, null, (note == null) ? "Recorded on a call" : note,
					agent.name())
			.id();
	}

	private String customerNumber(CustomerView customer, String number, AccountView account) {
		String e164;
		try {
			e164 = PhoneNumber.parse(number, this.creditors.get(account.creditorId()).country()).e164();
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("number", "'%s' is not a phone number".formatted(number),
					Phrase.of("validation.phone", number));
		}
		if (customer.phones().stream().noneMatch((p) -> p.e164().equals(e164))) {
			throw new InvalidInputException("number", "%s is not one of the customer's numbers".formatted(e164),
					Phrase.of("validation.phone.notTheCustomers", e164));
		}
		return e164;
	}

	private static @Nullable Money money(AccountView account, @Nullable BigDecimal amount) {
		if (amount == null) {
			return null;
		}
		try {
			return Money.of(amount, account.currency());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("amount", String.valueOf(ex.getMessage()));
		}
	}

	private static <T> T require(@Nullable T value, String field, Outcome outcome) {
		if (value == null || (value instanceof String text && text.isBlank())) {
			throw new InvalidInputException(field, "is required for this outcome",
					Phrase.of("validation.outcome." + outcome + "." + field.split(" ", 2)[0]));
		}
		return value;
	}

	/**
	 * How a call ended and what came of it, with the fields the outcome needs.
	 *
	 * @param interactionId the call placed from the desk, if it was; otherwise the call
	 * is logged now, through the gate
	 * @param number the number called, when the call was not placed from the desk
	 * @param amount a promise's, plan's (when settling) or settlement's amount
	 * @param dueOn a promise's date or a plan's first due date
	 * @param callbackAt a callback's time, in the customer's time zone
	 */
	public record Disposition(@Nullable CallResult result, @Nullable Outcome outcome, @Nullable UUID interactionId,
			@Nullable String number, @Nullable BigDecimal amount, @Nullable LocalDate dueOn,
			@Nullable Integer instalments, @Nullable Frequency frequency, @Nullable LocalDateTime callbackAt,
			@Nullable String note) {
	}

	/**
	 * The call's note as the reason an approver reads: a note may run longer than a
	 * reason, so a long one is cut (the whole note stays with the outcome).
	 */
	private static @Nullable String forApprover(@Nullable String note) {
		if (note == null || note.isBlank()) {
			return null;
		}
		String text = note.strip();
		return (text.length() <= 1000) ? text : text.substring(0, 999) + "…";
	}

	/**
	 * One thing on the account's timeline.
	 *
	 * @param what message key of what it was ({@code channel.CALL},
	 * {@code entry.PAYMENT})
	 * @param how message key of how it ended or stands, if any
	 * @param detail a note, memo or blocking reason
	 * @param amount the amount it was about
	 * @param address the number or address contacted
	 */
	public record TimelineItem(Instant at, String what, @Nullable String how, @Nullable String detail,
			@Nullable Money amount, @Nullable String address, String by, @Nullable Phrase detailSaid) {

		/** An item whose detail pages show as written. */
		public TimelineItem(Instant at, String what, @Nullable String how, @Nullable String detail,
				@Nullable Money amount, @Nullable String address, String by) {
			this(at, what, how, detail, amount, address, by, null);
		}

	}

	/** A recorded disposition and what it set in motion. */
	public record Recorded(UUID id, InteractionView interaction, CallResult result, @Nullable Outcome outcome,
			@Nullable ArrangementView arrangement, @Nullable UUID holdId, @Nullable Instant callbackAt) {
	}

}
