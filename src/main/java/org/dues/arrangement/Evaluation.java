package org.dues.arrangement;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountLedger;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.portfolio.EntryType;
import org.dues.portfolio.LedgerEntryId;
import org.dues.portfolio.LedgerEntryView;
import org.dues.portfolio.Source;
import org.dues.shared.Money;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves active arrangements on: when a payment posts or is reversed, and daily for the
 * date-driven breaks. What has been paid towards an arrangement is read from the ledger:
 * the payments recorded since it was made, less those reversed. A completed settlement
 * writes off the rest and settles the account in the same transaction.
 */
@Service
public class Evaluation {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Evaluation.class);

	private final Arrangements arrangements;

	private final Accounts accounts;

	private final Creditors creditors;

	private final AccountLedger ledger;

	private final Settings settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Evaluation(Arrangements arrangements, Accounts accounts, Creditors creditors, AccountLedger ledger,
			Settings settings, ApplicationEventPublisher events, Clock clock) {
		this.arrangements = arrangements;
		this.accounts = accounts;
		this.creditors = creditors;
		this.ledger = ledger;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	/** Evaluates every active arrangement of an account. */
	@Transactional
	public void evaluateAccount(AccountId account) {
		for (ArrangementView a : this.arrangements.ofAccount(account)) {
			if (a.status() == ArrangementStatus.ACTIVE) {
				evaluate(a.id());
			}
		}
	}

	/**
	 * Evaluates every active arrangement of each of these accounts, asking in one read
	 * which accounts have any (most accounts a batch of payments names have none).
	 */
	@Transactional
	public void evaluateAccounts(java.util.Collection<AccountId> accounts) {
		if (accounts.isEmpty()) {
			return;
		}
		java.util.Set<AccountId> active = this.arrangements.withActive(accounts);
		accounts.stream().distinct().filter(active::contains).forEach(this::evaluateAccount);
	}

	/**
	 * Evaluates one arrangement now, under a row lock.
	 * @return it as it now stands
	 */
	@Transactional
	public ArrangementView evaluate(ArrangementId id) {
		ArrangementView a = this.arrangements.lock(id);
		if (a.status() != ArrangementStatus.ACTIVE) {
			return a;
		}
		CreditorView creditor = this.creditors.get(this.arrangements.creditorOf(id));
		LocalDate today = LocalDate.now(this.clock.withZone(creditor.timeZone()));
		Instant now = this.clock.instant();
		Money paid = paidSince(a.accountId(), a.createdAt(), a.amount().currency());
		Progress.Result result = Progress.evaluate(a, paid, today,
				this.settings.of(creditor.id(), a.amount().currency()), now);
		if (!result.changed(a)) {
			return a;
		}
		this.arrangements.progress(result.arrangement());
		if (result.arrangement().paid().compareTo(a.paid()) != 0) {
			this.arrangements.history(id, now, "system", "PAYMENTS",
					"%s paid towards it".formatted(result.arrangement().paid().amount().toPlainString()));
		}
		if (result.arrangement().status() != a.status()) {
			this.arrangements.history(id, now, "system", result.arrangement().status().name(),
					String.valueOf(result.arrangement().closeReason()));
		}
		if (a.kind() == ArrangementKind.SETTLEMENT && result.arrangement().status() == ArrangementStatus.COMPLETED
				&& !settleable(a.accountId())) {
			this.arrangements.history(id, now, "system", "NOT_WRITTEN_OFF",
					"the account is %s; nothing written off".formatted(this.accounts.get(a.accountId()).status()));
			result.events().forEach(this.events::publishEvent);
			return this.arrangements.get(id);
		}
		if (a.kind() == ArrangementKind.SETTLEMENT && result.arrangement().status() == ArrangementStatus.COMPLETED) {
			var posted = this.ledger.settle(a.accountId(), today,
					new Source("ARRANGEMENT", id.toString(), "system", "settlement completed"));
			Money writtenOff = posted.amounts().total().negate();
			this.arrangements.history(id, now, "system", "WRITTEN_OFF",
					"%s written off; account settled".formatted(writtenOff.amount().toPlainString()));
			this.events.publishEvent(new Events.SettlementCompleted(id, a.accountId(), paid, writtenOff));
		}
		result.events().forEach(this.events::publishEvent);
		return this.arrangements.get(id);
	}

	/**
	 * Every active arrangement, each in its own transaction (the daily pass); one that
	 * fails is logged and the pass goes on.
	 */
	public int evaluateAll(java.util.function.Consumer<Runnable> inTransaction) {
		List<ArrangementId> active = this.arrangements.active();
		for (ArrangementId id : active) {
			try {
				inTransaction.accept(() -> evaluate(id));
			}
			catch (RuntimeException ex) {
				log.error("Could not evaluate arrangement {}", id, ex);
			}
		}
		return active.size();
	}

	private boolean settleable(AccountId account) {
		var status = this.accounts.get(account).status();
		return status == org.dues.portfolio.AccountStatus.ACTIVE || status == org.dues.portfolio.AccountStatus.PAID;
	}

	/**
	 * Net payments recorded on the account since a moment: payments less their reversals,
	 * whole or in part (a partial refund is a reversal naming the payment's reference).
	 */
	Money paidSince(AccountId account, Instant since, java.util.Currency currency) {
		List<LedgerEntryView> ledger = this.accounts.ledger(account);
		Set<LedgerEntryId> counted = new HashSet<>();
		Set<String> references = new HashSet<>();
		Money paid = Money.zero(currency);
		for (LedgerEntryView entry : ledger) {
			if (entry.type() == EntryType.PAYMENT && !entry.recordedAt().isBefore(since)) {
				counted.add(entry.id());
				if (entry.sourceRef() != null) {
					references.add(entry.sourceRef());
				}
				paid = paid.plus(entry.amounts().total().negate());
			}
		}
		for (LedgerEntryView entry : ledger) {
			if (entry.type() == EntryType.REVERSAL && (entry.reverses() != null ? counted.contains(entry.reverses())
					: entry.sourceRef() != null && references.contains(entry.sourceRef()))) {
				paid = paid.minus(entry.amounts().total());
			}
		}
		return paid;
	}

}
