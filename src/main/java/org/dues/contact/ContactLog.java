package org.dues.contact;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.dues.compliance.Channel;
import org.dues.compliance.ContactAddress;
import org.dues.compliance.ContactFacts.Interaction;
import org.dues.compliance.ContactGate;
import org.dues.compliance.ContactResult;
import org.dues.compliance.Direction;
import org.dues.compliance.PersonRole;
import org.dues.compliance.Purpose;
import org.dues.compliance.RuleResult;
import org.dues.customer.CustomerId;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.Creditors;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.NotFoundException;
import org.dues.shared.Phrase;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The log of interactions. An outbound attempt is logged only through the compliance
 * gate: the gate decides at this moment on the person's history, and the attempt is
 * stored with the decision, as made or as blocked. Contacts the person started are logged
 * as they come.
 */
@Service
public class ContactLog {

	/**
	 * How far back a consumer's history is read for a decision: every rule looks back at
	 * most two weeks (seven-day windows, the wait after a conversation, the reply
	 * window).
	 */
	static final Duration CONSUMER_LOOKBACK = Duration.ofDays(31);

	private final Interactions interactions;

	private final ContactGate gate;

	private final Accounts accounts;

	private final Creditors creditors;

	private final Clock clock;

	private final List<CallerCheck> callerChecks;

	ContactLog(Interactions interactions, ContactGate gate, Accounts accounts, Creditors creditors, Clock clock,
			List<CallerCheck> callerChecks) {
		this.callerChecks = callerChecks;
		this.interactions = interactions;
		this.gate = gate;
		this.accounts = accounts;
		this.creditors = creditors;
		this.clock = clock;
	}

	/**
	 * Asks the gate about an outbound attempt now and logs it: as made (with its result,
	 * or none yet while in progress) when allowed, as blocked with the reasons when not.
	 * The caller must not contact the person when {@link Attempt#allowed()} is false.
	 * @throws ConflictException when the agent may not make the contact at all (a
	 * {@link CallerCheck} refuses: no current recovery-agent certificate for an Indian
	 * account); nothing is logged
	 */
	@Transactional
	public Attempt attempt(ContactGate.Request request, @Nullable ContactResult result, @Nullable String note,
			String agent) {
		validate(request.channel(), result, note);
		AccountView account = this.accounts.get(request.account());
		for (CallerCheck check : callerChecks(request)) {
			String refusal = check.refusal(account, request.channel(), agent);
			if (refusal != null) {
				throw new ConflictException(refusal);
			}
		}
		this.interactions.lockPerson(account.customerId());
		List<Interaction> history = history(account, request);
		ContactGate.Recorded decision = this.gate.decide(request, history, agent);
		InteractionView view = logged(account, request, decision, agent, result, clean(note));
		this.interactions.insert(view, decision.at());
		return new Attempt(view, decision);
	}

	/**
	 * Asks the gate about many outbound attempts now and logs each, as {@link #attempt}
	 * does one after another: each is decided on the person's history with the attempts
	 * made before it in the batch, the facts read once for the batch and everything
	 * written in a few batched statements. An attempt its caller may not make at all (a
	 * {@link CallerCheck} refuses) is not logged and carries the refusal; one whose facts
	 * cannot be read (an unknown account, an address that is none) carries the error. The
	 * caller must not contact anyone whose attempt is not {@link Batched#allowed()}.
	 * @param nextOpening whether to find, for each blocked attempt, when its channel
	 * opens next (within two weeks)
	 */
	@Transactional
	public List<Batched> attemptAll(List<Asked> asked, boolean nextOpening) {
		Map<AccountId, AccountView> accounts = this.accounts
			.getAll(asked.stream().map((a) -> a.request().account()).collect(Collectors.toSet()));
		Map<List<Object>, java.util.Optional<CallerCheck.Refusal>> refusals = new HashMap<>();
		List<Batched> results = new ArrayList<>(Collections.nCopies(asked.size(), null));
		List<Integer> going = new ArrayList<>();
		for (int i = 0; i < asked.size(); i++) {
			Asked one = asked.get(i);
			AccountView account = accounts.get(one.request().account());
			if (account == null) {
				results.set(i,
						new Batched(null, null, null, new NotFoundException("account", one.request().account())));
				continue;
			}
			// a check refuses by the account's creditor, the channel and the user
			CallerCheck.Refusal refusal = callerChecks(one.request()).isEmpty() ? null
					: refusals
						.computeIfAbsent(List.of(account.creditorId(), one.request().channel(), one.agent()),
								(k) -> java.util.Optional
									.ofNullable(refusal(account, one.request().channel(), one.agent())))
						.orElse(null);
			if (refusal != null) {
				results.set(i, new Batched(null, null, refusal, null));
			}
			else {
				going.add(i);
			}
		}
		Set<CustomerId> people = going.stream()
			.map((i) -> accounts.get(asked.get(i).request().account()).customerId())
			.collect(Collectors.toCollection(java.util.LinkedHashSet::new));
		this.interactions.lockPeople(people);
		Map<CustomerId, List<Interaction>> histories = this.interactions.consumerHistories(people,
				this.clock.instant().minus(CONSUMER_LOOKBACK));
		ContactGate.Batch batch = this.gate.batch(going.stream().map((i) -> asked.get(i).request()).toList());
		List<InteractionView> logged = new ArrayList<>();
		for (int n = 0; n < going.size(); n++) {
			int i = going.get(n);
			Asked one = asked.get(i);
			ContactGate.Request request = one.request();
			AccountView account = accounts.get(request.account());
			try {
				List<Interaction> history = (request.role() == PersonRole.CONSUMER)
						? histories.get(account.customerId()) : history(account, request);
				ContactGate.Recorded decision = batch.decide(n, history, one.agent());
				boolean allowed = decision.decision().allowed();
				InteractionView view = logged(account, request, decision, one.agent(), null, null);
				logged.add(view);
				Instant opening = (allowed || !nextOpening) ? null : batch.nextOpening(n, history);
				if (allowed && request.role() == PersonRole.CONSUMER) {
					// the next attempt of the batch to this person counts this one
					history.add(new Interaction(view.startedAt(), view.channel(), Direction.OUTBOUND,
							view.debts().stream().map((d) -> d.value().toString()).collect(Collectors.toSet()), null,
							view.address()));
				}
				results.set(i, new Batched(new Attempt(view, decision), opening, null, null));
			}
			catch (RuntimeException ex) {
				results.set(i, new Batched(null, null, null, ex));
			}
		}
		batch.record();
		this.interactions.insertAll(logged, batch.at());
		return results;
	}

	/**
	 * The attempt as logged on the gate's decision: made (with its result, if any) when
	 * allowed, blocked with the reasons when not.
	 */
	private static InteractionView logged(AccountView account, ContactGate.Request request,
			ContactGate.Recorded decision, String agent, @Nullable ContactResult result, @Nullable String note) {
		boolean allowed = decision.decision().allowed();
		String blocked = allowed ? null
				: String.join("; ", decision.decision().blockedBy().stream().map(RuleResult::reason).toList());
		return new InteractionView(UUID.randomUUID(), account.id(), account.customerId(), debts(request),
				request.channel(), decision.address(), Direction.OUTBOUND, request.role(), request.purpose(),
				allowed ? InteractionStatus.LOGGED : InteractionStatus.BLOCKED, allowed ? result : null, decision.at(),
				agent, note, decision.id(), blocked, null);
	}

	/**
	 * The checks of who may make a contact apply to collecting and to asking where the
	 * debtor is: a notice the law requires or the creditor owes the customer (a receipt,
	 * a dispute's verification, a complaint's final response) is the creditor's
	 * correspondence, whoever pressed the button, and is not a recovery agent's contact.
	 */
	private List<CallerCheck> callerChecks(ContactGate.Request request) {
		return (request.purpose() == Purpose.REQUIRED_NOTICE) ? List.of() : this.callerChecks;
	}

	private CallerCheck.@Nullable Refusal refusal(AccountView account, Channel channel, String agent) {
		for (CallerCheck check : this.callerChecks) {
			CallerCheck.Refusal refusal = check.explain(account, channel, agent);
			if (refusal != null) {
				return refusal;
			}
		}
		return null;
	}

	/**
	 * Logs a contact the person started (a call in, a text, an email), which needs no
	 * decision; it opens the way for one reply in the same medium.
	 */
	@Transactional
	public InteractionView inbound(AccountId accountId, Set<AccountId> alsoAbout, Channel channel,
			@Nullable String address, PersonRole role, @Nullable ContactResult result, @Nullable Instant startedAt,
			@Nullable String note, String agent) {
		return inbound(accountId, alsoAbout, channel, address, role, result, startedAt, note, null, agent);
	}

	/**
	 * As
	 * {@link #inbound(AccountId, Set, Channel, String, PersonRole, ContactResult, Instant, String, String)},
	 * with the note as pages say it in the reader's language (a note the application
	 * writes: a chat's transcript).
	 */
	@Transactional
	public InteractionView inbound(AccountId accountId, Set<AccountId> alsoAbout, Channel channel,
			@Nullable String address, PersonRole role, @Nullable ContactResult result, @Nullable Instant startedAt,
			@Nullable String note, @Nullable Phrase noteSaid, String agent) {
		validate(channel, result, note);
		AccountView account = this.accounts.get(accountId);
		Instant now = this.clock.instant();
		if (startedAt != null && startedAt.isAfter(now)) {
			throw new InvalidInputException("startedAt", "%s lies in the future".formatted(startedAt));
		}
		String canonical = (address == null || address.isBlank()) ? null : ContactAddress.canonical(channel, address,
				this.creditors.get(account.creditorId()).country(), "address");
		List<AccountId> debts = new ArrayList<>();
		debts.add(accountId);
		for (AccountId other : alsoAbout) {
			if (!this.accounts.get(other).customerId().equals(account.customerId())) {
				throw new InvalidInputException("debts", "account %s is not this customer's".formatted(other.value()));
			}
			if (!debts.contains(other)) {
				debts.add(other);
			}
		}
		InteractionView view = new InteractionView(UUID.randomUUID(), accountId, account.customerId(), debts, channel,
				canonical, Direction.INBOUND, role, Purpose.COLLECTION, InteractionStatus.LOGGED, result,
				(startedAt == null) ? now : startedAt, agent, clean(note), null, null, noteSaid);
		this.interactions.insert(view, now);
		return view;
	}

	/** Records the outcome of an attempt logged while it was in progress; once only. */
	@Transactional
	public InteractionView complete(UUID interactionId, ContactResult result, @Nullable String note) {
		InteractionView view = this.interactions.find(interactionId);
		if (view == null) {
			throw new NotFoundException("interaction", interactionId);
		}
		return complete(view, result, note);
	}

	/**
	 * Records the outcome of an attempt about the given account logged while in progress.
	 * @throws NotFoundException if the interaction is not about that account
	 */
	@Transactional
	public InteractionView complete(AccountId account, UUID interactionId, ContactResult result,
			@Nullable String note) {
		InteractionView view = this.interactions.find(interactionId);
		if (view == null || !view.debts().contains(account)) {
			throw new NotFoundException("interaction of account " + account, interactionId);
		}
		return complete(view, result, note);
	}

	private InteractionView complete(InteractionView view, ContactResult result, @Nullable String note) {
		UUID interactionId = view.id();
		validate(view.channel(), result, note);
		if (!this.interactions.complete(interactionId, result, clean(note))) {
			throw new ConflictException(
					"interaction %s already has its outcome or was blocked".formatted(interactionId));
		}
		return this.interactions.find(interactionId);
	}

	/**
	 * Why the user may not make any contact on the account on the channel, whatever the
	 * gate decides (a {@link CallerCheck} refuses), as a page shows it; null when they
	 * may.
	 */
	@Transactional(readOnly = true)
	public CallerCheck.@Nullable Refusal callerRefusal(AccountId accountId, Channel channel, String user) {
		return refusal(this.accounts.get(accountId), channel, user);
	}

	/**
	 * What the gate would decide now, with the next opening and the call tally; not
	 * recorded.
	 */
	@Transactional(readOnly = true)
	public ContactGate.Preview check(ContactGate.Request request) {
		AccountView account = this.accounts.get(request.account());
		return this.gate.preview(request, history(account, request));
	}

	/**
	 * As {@link #check(ContactGate.Request)}, on an account and its customer that the
	 * caller has just read in its transaction: neither is read again.
	 */
	@Transactional(readOnly = true)
	public ContactGate.Preview check(ContactGate.Request request, AccountView account,
			org.dues.customer.CustomerView customer) {
		if (!account.id().equals(request.account())) {
			return check(request);
		}
		return this.gate.preview(request, history(account, request), account, customer);
	}

	/**
	 * What the gate would decide now on each channel, each with its address, reading the
	 * person's facts and history once; not recorded.
	 */
	@Transactional(readOnly = true)
	public Map<Channel, ContactGate.Preview> checkEach(ContactGate.Request request,
			Map<Channel, @Nullable String> addresses) {
		AccountView account = this.accounts.get(request.account());
		return this.gate.previewEach(request, addresses, history(account, request));
	}

	/** The account's interactions, newest first. */
	@Transactional(readOnly = true)
	public List<InteractionView> timeline(AccountId account, int limit) {
		this.accounts.get(account);
		return this.interactions.aboutAccount(account, limit);
	}

	private List<Interaction> history(AccountView account, ContactGate.Request request) {
		if (request.role() == PersonRole.CONSUMER) {
			return this.interactions.history(account.customerId(), PersonRole.CONSUMER, null,
					this.clock.instant().minus(CONSUMER_LOOKBACK));
		}
		String address = (request.address() == null || request.address().isBlank()) ? null : ContactAddress.canonical(
				request.channel(), request.address(), this.creditors.get(account.creditorId()).country(), "address");
		return this.interactions.history(account.customerId(), request.role(), address, Instant.EPOCH);
	}

	private static List<AccountId> debts(ContactGate.Request request) {
		List<AccountId> debts = new ArrayList<>();
		debts.add(request.account());
		request.alsoAbout().stream().filter((d) -> !d.equals(request.account())).forEach(debts::add);
		return debts;
	}

	private static void validate(Channel channel, @Nullable ContactResult result, @Nullable String note) {
		if (result != null) {
			boolean voice = channel == Channel.CALL || channel == Channel.VISIT;
			boolean fits = switch (result) {
				case DELIVERED, SENT -> !voice;
				case NO_ANSWER, VOICEMAIL, LIMITED_CONTENT_MESSAGE, ANSWERED_DROPPED, BUSY, NOT_IN_SERVICE,
						THIRD_PARTY ->
					voice;
				default -> true;
			};
			if (!fits) {
				throw new InvalidInputException("result", "%s is not a result of a %s".formatted(result, channel));
			}
		}
		if (note != null && note.length() > 4000) {
			throw new InvalidInputException("note", "must be at most 4000 characters");
		}
		if (note != null && note.indexOf('\u0000') >= 0) {
			throw new InvalidInputException("note", "must not contain NUL characters");
		}
	}

	private static @Nullable String clean(@Nullable String note) {
		return (note == null || note.isBlank()) ? null : note.strip();
	}

	/** An outbound attempt asked of {@link #attemptAll}: the contact and who makes it. */
	public record Asked(ContactGate.Request request, String agent) {
	}

	/**
	 * The answer on one attempt of {@link #attemptAll}: the logged attempt, or the
	 * caller's refusal (nothing logged), or the error reading its facts raised.
	 *
	 * @param nextOpening when blocked and asked for, the first moment within two weeks
	 * its channel opens
	 */
	public record Batched(@Nullable Attempt attempt, @Nullable Instant nextOpening,
			CallerCheck.@Nullable Refusal refused, @Nullable RuntimeException error) {

		public boolean allowed() {
			return this.attempt != null && this.attempt.allowed();
		}

	}

	/**
	 * A logged attempt and the gate's decision on it.
	 */
	public record Attempt(InteractionView interaction, ContactGate.Recorded decision) {

		public boolean allowed() {
			return this.decision.decision().allowed();
		}

	}

}
