package org.dues.arrangement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.dues.arrangement.ArrangementView.InstalmentView;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountStatus;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.BalanceComponent;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.Money;
import org.dues.shared.Phrase;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes arrangements on an account. Each is checked against the asker's authority for the
 * creditor: within it, a promise, plan or settlement is in force at once and a waiver or
 * deferment is applied at once; beyond it, the arrangement waits for a lead or manager in
 * the approvals inbox. An account has at most one open promise, plan or settlement.
 */
@Service
public class ArrangementManagement {

	private static final int MAX_DAYS_AHEAD = 366;

	private final Arrangements arrangements;

	private final Accounts accounts;

	private final Creditors creditors;

	private final AuthorityMatrix authority;

	private final Activation activation;

	private final Clock clock;

	ArrangementManagement(Arrangements arrangements, Accounts accounts, Creditors creditors, AuthorityMatrix authority,
			Activation activation, Clock clock) {
		this.arrangements = arrangements;
		this.accounts = accounts;
		this.creditors = creditors;
		this.authority = authority;
		this.activation = activation;
		this.clock = clock;
	}

	/** A promise to pay, or a series of them. */
	@Transactional
	public ArrangementView promise(AccountId accountId, NewArrangement.Promise input, Asker asker) {
		Context c = context(accountId);
		Schedule schedule;
		if (input.series() != null && !input.series().isEmpty()) {
			Money total = Money.zero(c.account().currency());
			for (Schedule.Instalment i : input.series()) {
				total = total.plus(i.amount());
			}
			schedule = Schedule.custom(input.series(), total);
		}
		else {
			List<InvalidInputException.FieldError> errors = new ArrayList<>();
			if (input.amount() == null) {
				errors.add(new InvalidInputException.FieldError("amount", "is required",
						Phrase.of("validation.promise.amount")));
			}
			if (input.dueOn() == null) {
				errors.add(new InvalidInputException.FieldError("dueOn", "is required",
						Phrase.of("validation.promise.dueOn")));
			}
			if (!errors.isEmpty()) {
				throw new InvalidInputException(errors);
			}
			positive("amount", input.amount());
			schedule = new Schedule(List.of(new Schedule.Instalment(input.dueOn(), input.amount())));
		}
		datesAhead(schedule, c.today(), input.series() != null && !input.series().isEmpty() ? "series" : "dueOn");
		if (schedule.total().compareTo(c.owed()) > 0) {
			throw new InvalidInputException("amount",
					"%s is more than the balance of %s".formatted(schedule.total().amount().toPlainString(),
							c.owed().amount().toPlainString()),
					Phrase.of("validation.amount.overBalance", schedule.total(), c.owed()));
		}
		boolean series = schedule.instalments().size() > 1;
		return create(c, ArrangementKind.PROMISE, schedule.total(), schedule, null, null, null, input.channel(), null,
				new Authority.Proposal(null, null, series ? schedule : null, null), asker);
	}

	/** A payment plan over the balance, or over a settlement amount below it. */
	@Transactional
	public ArrangementView plan(AccountId accountId, NewArrangement.Plan input, Asker asker) {
		Context c = context(accountId);
		Money total = c.owed();
		boolean settling = input.amount() != null && input.amount().compareTo(c.owed()) != 0;
		if (settling) {
			positive("amount", input.amount());
			below(input.amount(), c.owed());
			total = input.amount();
		}
		Schedule schedule = schedule(total, input.instalments(), input.frequency(), input.firstDueOn(),
				input.initialAmount(), input.schedule(), c.today());
		if (settling) {
			return create(c, ArrangementKind.SETTLEMENT, total, schedule, input.frequency(), null,
					expiry(input.offerExpiresOn(), c.today()), null, optionalReason(input.reason()),
					new Authority.Proposal(discountPct(total, c.owed()), null, schedule, null), asker);
		}
		return create(c, ArrangementKind.PLAN, total, schedule, frequencyOf(input.frequency(), input.schedule()), null,
				null, null, optionalReason(input.reason()), new Authority.Proposal(null, null, schedule, null), asker);
	}

	/** A settlement below the balance, lump sum or in instalments. */
	@Transactional
	public ArrangementView settlement(AccountId accountId, NewArrangement.Settlement input, Asker asker) {
		Context c = context(accountId);
		if (input.amount() == null) {
			throw new InvalidInputException("amount", "is required: the agreed amount",
					Phrase.of("validation.settlement.amount"));
		}
		positive("amount", input.amount());
		below(input.amount(), c.owed());
		LocalDate expires = expiry(input.offerExpiresOn(), c.today());
		if (expires != null && input.firstDueOn() != null && input.firstDueOn().isAfter(expires)) {
			throw new InvalidInputException("firstDueOn",
					"%s is after the offer expires on %s".formatted(input.firstDueOn(), expires),
					Phrase.of("validation.settlement.afterExpiry", input.firstDueOn(), expires));
		}
		Schedule schedule;
		if (input.instalments() == null || input.instalments() <= 1) {
			LocalDate due = (input.firstDueOn() != null) ? input.firstDueOn()
					: (expires != null) ? expires : c.today().plusDays(7);
			schedule = new Schedule(List.of(new Schedule.Instalment(due, input.amount())));
			datesAhead(schedule, c.today(), "firstDueOn");
		}
		else {
			schedule = schedule(input.amount(), input.instalments(), input.frequency(), input.firstDueOn(), null, null,
					c.today());
		}
		return create(c, ArrangementKind.SETTLEMENT, input.amount(), schedule,
				(schedule.instalments().size() > 1) ? frequencyOf(input.frequency(), null) : null, null, expires, null,
				optionalReason(input.reason()),
				new Authority.Proposal(discountPct(input.amount(), c.owed()), null, schedule, null), asker);
	}

	/** Waives fees or interest (a waiver ledger entry once in force). */
	@Transactional
	public ArrangementView waiver(AccountId accountId, NewArrangement.Waiver input, Asker asker) {
		Context c = context(accountId);
		if (input.component() == null) {
			throw new InvalidInputException("component", "is required: FEES or INTEREST",
					Phrase.of("validation.waiver.component"));
		}
		if (input.component() == BalanceComponent.PRINCIPAL) {
			throw new InvalidInputException("component",
					"only FEES or INTEREST can be waived; less principal is a settlement",
					Phrase.of("validation.waiver.principal"));
		}
		if (input.amount() == null) {
			throw new InvalidInputException("amount", "is required", Phrase.of("validation.waiver.amount"));
		}
		positive("amount", input.amount());
		Money balance = (input.component() == BalanceComponent.FEES) ? c.account().balances().fees()
				: c.account().balances().interest();
		if (input.amount().compareTo(balance) > 0) {
			throw new InvalidInputException("amount",
					"%s is more than the %s balance of %s".formatted(input.amount().amount().toPlainString(),
							input.component().name().toLowerCase(Locale.ROOT), balance.amount().toPlainString()),
					Phrase.of("validation.waiver.overBalance", input.amount(),
							Phrase.of("arr.component." + input.component()), balance));
		}
		String reason = reason(input.reason());
		Money waivedThisYear = input.amount()
			.plus(priorWaivers(this.arrangements.ofAccount(accountId), c.today(), c.account().currency()));
		return create(c, ArrangementKind.WAIVER, input.amount(), null, null, input.component().name(), null, null,
				reason, new Authority.Proposal(null, waivedThisYear, null, null), asker);
	}

	/** Defers the oldest due date (a payment holiday), with the reason. */
	@Transactional
	public ArrangementView deferment(AccountId accountId, NewArrangement.Deferment input, Asker asker) {
		Context c = context(accountId);
		if (input.days() == null) {
			throw new InvalidInputException("days", "is required: between 1 and " + MAX_DAYS_AHEAD,
					Phrase.of("validation.deferment.days", MAX_DAYS_AHEAD));
		}
		if (input.days() < 1 || input.days() > MAX_DAYS_AHEAD) {
			throw new InvalidInputException("days", "must be between 1 and " + MAX_DAYS_AHEAD,
					Phrase.of("validation.deferment.days", MAX_DAYS_AHEAD));
		}
		if (c.account().oldestDueDate() == null) {
			throw new ConflictException("account %s has no due date to defer".formatted(accountId));
		}
		String reason = reason(input.reason());
		int deferredThisYear = input.days() + priorDeferments(this.arrangements.ofAccount(accountId), c.today());
		ArrangementView made = create(c, ArrangementKind.DEFERMENT, Money.zero(c.account().currency()), null, null,
				null, null, null, reason, new Authority.Proposal(null, null, null, deferredThisYear), asker,
				input.days());
		return made;
	}

	/** Cancels an open arrangement, with the reason. */
	@Transactional
	public ArrangementView cancel(ArrangementId id, @Nullable String reason, String actor) {
		String why = reason(reason);
		ArrangementView a = this.arrangements.lock(id);
		if (!a.status().isOpen()) {
			throw new ConflictException("arrangement %s is %s and cannot be cancelled".formatted(id, a.status()));
		}
		var now = this.clock.instant();
		if (a.approval() != null && "PENDING".equals(a.approval().status())) {
			this.arrangements.decide(a.approval().id(), "CANCELLED", actor, now, why);
		}
		this.arrangements.progress(new ArrangementView(a.id(), a.accountId(), a.kind(), ArrangementStatus.CANCELLED,
				a.amount(), a.balanceAtStart(), a.paid(), a.frequency(), a.channel(), a.component(), a.defermentDays(),
				a.offerExpiresOn(), a.reason(), a.createdAt(), a.createdBy(), now, actor, why, false,
				a.instalmentsCancelled(), a.approval()));
		this.arrangements.history(id, now, actor, "CANCELLED", why);
		return this.arrangements.get(id);
	}

	/**
	 * Assesses what the customer can afford from a monthly income-and-expenditure
	 * statement, and offers up to three arrangements within the asker's authority, the
	 * first payment a month from today.
	 */
	@Transactional(readOnly = true)
	public Affordability.Assessment affordability(AccountId accountId, Affordability.Statement statement, Asker asker) {
		Context c = context(accountId);
		Authority mine = this.authority.strongest(c.creditor().id(), c.account().currency(), asker.roles());
		return Affordability.assess(statement, c.owed(), mine, c.today().plusMonths(1));
	}

	/** The account's arrangements, newest first. */
	@Transactional(readOnly = true)
	public List<ArrangementView> ofAccount(AccountId account) {
		this.accounts.get(account);
		return this.arrangements.ofAccount(account);
	}

	/** An arrangement. */
	@Transactional(readOnly = true)
	public ArrangementView get(ArrangementId id) {
		return this.arrangements.get(id);
	}

	/** The recorded steps of an arrangement, oldest first: who did what, when. */
	@Transactional(readOnly = true)
	public List<String> history(ArrangementId id) {
		return this.arrangements.steps(id)
			.stream()
			.map((s) -> "%s %s %s: %s".formatted(s.at(), s.actor(), s.step(), s.detail()))
			.toList();
	}

	private ArrangementView create(Context c, ArrangementKind kind, Money amount, @Nullable Schedule schedule,
			@Nullable Frequency frequency, @Nullable String component, @Nullable LocalDate expires,
			@Nullable String channel, @Nullable String reason, Authority.Proposal proposal, Asker asker) {
		return create(c, kind, amount, schedule, frequency, component, expires, channel, reason, proposal, asker, null);
	}

	private ArrangementView create(Context c, ArrangementKind kind, Money amount, @Nullable Schedule schedule,
			@Nullable Frequency frequency, @Nullable String component, @Nullable LocalDate expires,
			@Nullable String channel, @Nullable String reason, Authority.Proposal proposal, Asker asker,
			@Nullable Integer days) {
		Authority mine = this.authority.strongest(c.creditor().id(), c.account().currency(), asker.roles());
		List<Authority.Exceeded> beyond = mine.exceeded(proposal);
		ArrangementStatus status = beyond.isEmpty() ? ArrangementStatus.ACTIVE : ArrangementStatus.PENDING_APPROVAL;
		if (beyond.isEmpty() && (kind == ArrangementKind.WAIVER || kind == ArrangementKind.DEFERMENT)) {
			status = ArrangementStatus.PENDING_APPROVAL; // applied below, then completed
		}
		List<InstalmentView> instalments = new ArrayList<>();
		if (schedule != null) {
			int seq = 1;
			for (Schedule.Instalment i : schedule.instalments()) {
				instalments.add(new InstalmentView(seq++, i.dueOn(), i.amount(), Money.zero(amount.currency()),
						InstalmentStatus.PENDING));
			}
		}
		var now = this.clock.instant();
		ArrangementView a = new ArrangementView(ArrangementId.random(), c.account().id(), kind, status, amount,
				c.owed(), Money.zero(amount.currency()), frequency, channel, component, days, expires, reason, now,
				asker.name(), null, null, null, false, instalments, null);
		try {
			this.arrangements.insert(a, c.creditor().id(), now);
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("account %s already has an open promise, plan or settlement; cancel it first"
				.formatted(c.account().accountRef()));
		}
		this.arrangements.history(a.id(), now, asker.name(), "CREATED", describe(a));
		if (!beyond.isEmpty()) {
			String text = Authority.Exceeded.texts(beyond);
			this.arrangements.requestApproval(UUID.randomUUID(), a.id(), c.creditor().id(), asker.name(), now, text,
					Authority.Exceeded.phrases(beyond));
			this.arrangements.history(a.id(), now, asker.name(), "APPROVAL_REQUESTED", "beyond authority: " + text);
			return this.arrangements.get(a.id());
		}
		if (kind == ArrangementKind.WAIVER || kind == ArrangementKind.DEFERMENT) {
			return this.activation.apply(a, c.today(), asker.name());
		}
		return this.arrangements.get(a.id());
	}

	/**
	 * What the account's waivers done or waiting came to in the year before today:
	 * authority covers the year's total, not each waiver alone.
	 */
	static Money priorWaivers(List<ArrangementView> all, LocalDate today, java.util.Currency currency) {
		Money sum = Money.zero(currency);
		for (ArrangementView a : all) {
			if (a.kind() == ArrangementKind.WAIVER && counts(a, today)) {
				sum = sum.plus(a.amount());
			}
		}
		return sum;
	}

	/**
	 * The days the account's deferments done or waiting came to in the year before today.
	 */
	static int priorDeferments(List<ArrangementView> all, LocalDate today) {
		int days = 0;
		for (ArrangementView a : all) {
			if (a.kind() == ArrangementKind.DEFERMENT && counts(a, today) && a.defermentDays() != null) {
				days += a.defermentDays();
			}
		}
		return days;
	}

	private static boolean counts(ArrangementView a, LocalDate today) {
		return (a.status() == ArrangementStatus.COMPLETED || a.status() == ArrangementStatus.PENDING_APPROVAL)
				&& a.createdAt().isAfter(today.minusYears(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
	}

	static String describe(ArrangementView a) {
		StringBuilder out = new StringBuilder(a.kind().name().toLowerCase(Locale.ROOT)).append(' ')
			.append(a.amount().amount().toPlainString())
			.append(' ')
			.append(a.amount().currencyCode());
		if (!a.instalments().isEmpty()) {
			out.append(" in ").append(a.instalments().size()).append(" from ").append(a.instalments().get(0).dueOn());
		}
		if (a.reason() != null) {
			out.append(": ").append(a.reason());
		}
		return out.toString();
	}

	private Context context(AccountId accountId) {
		AccountView account = this.accounts.get(accountId);
		if (account.status() != AccountStatus.ACTIVE) {
			throw new ConflictException("account %s is %s; arrangements are for active accounts"
				.formatted(account.accountRef(), account.status()));
		}
		CreditorView creditor = this.creditors.get(account.creditorId());
		LocalDate today = LocalDate.now(this.clock.withZone(creditor.timeZone()));
		return new Context(account, creditor, today, account.balances().owed());
	}

	private static Schedule schedule(Money total, @Nullable Integer count, @Nullable Frequency frequency,
			@Nullable LocalDate first, @Nullable Money initial, @Nullable List<Schedule.Instalment> explicit,
			LocalDate today) {
		Schedule schedule;
		if (explicit != null && !explicit.isEmpty()) {
			schedule = Schedule.custom(explicit, total);
			datesAhead(schedule, today, "schedule");
			return schedule;
		}
		List<InvalidInputException.FieldError> errors = new ArrayList<>();
		if (count == null) {
			errors.add(new InvalidInputException.FieldError("instalments", "is required (or give a schedule)",
					Phrase.of("validation.plan.instalments")));
		}
		if (first == null) {
			errors.add(new InvalidInputException.FieldError("firstDueOn", "is required",
					Phrase.of("validation.plan.firstDueOn")));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		Frequency every = (frequency == null) ? Frequency.MONTHLY : frequency;
		schedule = (initial != null) ? Schedule.stepUp(total, count, initial, first, every)
				: Schedule.equal(total, count, first, every);
		datesAhead(schedule, today, "firstDueOn");
		return schedule;
	}

	private static @Nullable Frequency frequencyOf(@Nullable Frequency frequency,
			@Nullable List<Schedule.Instalment> explicit) {
		if (explicit != null && !explicit.isEmpty()) {
			return frequency;
		}
		return (frequency == null) ? Frequency.MONTHLY : frequency;
	}

	private static void datesAhead(Schedule schedule, LocalDate today, String field) {
		if (schedule.first().isBefore(today)) {
			throw new InvalidInputException(field, "%s is in the past (today is %s)".formatted(schedule.first(), today),
					Phrase.of("validation.date.past", schedule.first()));
		}
		if (schedule.last().isAfter(today.plusYears(10))) {
			throw new InvalidInputException(field, "%s is more than ten years away".formatted(schedule.last()),
					Phrase.of("validation.date.tooFar", schedule.last()));
		}
	}

	private static @Nullable LocalDate expiry(@Nullable LocalDate expires, LocalDate today) {
		if (expires != null && expires.isBefore(today)) {
			throw new InvalidInputException("offerExpiresOn", "%s is in the past".formatted(expires),
					Phrase.of("validation.date.past", expires));
		}
		return expires;
	}

	private static void positive(String field, Money amount) {
		if (!amount.isPositive()) {
			throw new InvalidInputException(field, "must be greater than zero",
					Phrase.of("validation.positive", Phrase.of("validation.field." + field)));
		}
	}

	private static void below(Money amount, Money owed) {
		if (amount.compareTo(owed) >= 0) {
			throw new InvalidInputException("amount",
					"a settlement must be below the balance of %s; %s is not".formatted(owed.amount().toPlainString(),
							amount.amount().toPlainString()),
					Phrase.of("validation.settlement.belowBalance", owed, amount));
		}
	}

	static BigDecimal discountPct(Money amount, Money owed) {
		return owed.minus(amount).amount().multiply(BigDecimal.valueOf(100)).divide(owed.amount(), 2, RoundingMode.UP);
	}

	static String reason(@Nullable String reason) {
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "is required", Phrase.of("validation.reason.required"));
		}
		if (reason.strip().length() > 1000 || reason.indexOf('\u0000') >= 0) {
			throw new InvalidInputException("reason", "must be at most 1000 characters, without NUL",
					Phrase.of("validation.reason.length", 1000));
		}
		return reason.strip();
	}

	/**
	 * The asker's reason where one is optional (a plan's or settlement's circumstances).
	 */
	static @Nullable String optionalReason(@Nullable String reason) {
		return (reason == null || reason.isBlank()) ? null : reason(reason);
	}

	private record Context(AccountView account, CreditorView creditor, LocalDate today, Money owed) {
	}

}
