package org.dues.portfolio;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.dues.shared.ConflictException;
import org.dues.shared.CurrencyMismatchException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.Money;
import org.dues.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts money movements to an account's ledger: payments by the creditor's waterfall,
 * reversals, fees, interest, waivers and adjustments. Each call appends exactly one entry
 * and updates the cached balances in the same transaction.
 */
@Service
public class AccountLedger {

	private final LedgerWriter writer;

	private final Creditors creditors;

	private final JdbcClient jdbc;

	private final LedgerBatch batch;

	AccountLedger(LedgerWriter writer, Creditors creditors, JdbcClient jdbc, LedgerBatch batch) {
		this.batch = batch;
		this.writer = writer;
		this.creditors = creditors;
		this.jdbc = jdbc;
	}

	/**
	 * Applies a payment by the creditor's waterfall; what exceeds the balance becomes the
	 * customer's credit. Joins the caller's transaction.
	 * @return the entry and the change it made to each component
	 * @throws CurrencyMismatchException if the payment is not in the account's currency
	 */
	@Transactional
	public Posted postPayment(AccountId account, Money amount, LocalDate receivedOn, Source source) {
		if (!amount.isPositive()) {
			throw new InvalidInputException("amount", "must be greater than zero");
		}
		Amounts[] allocation = new Amounts[1];
		LedgerEntryId entry = this.writer.append(account, EntryType.PAYMENT, (locked) -> {
			if (!locked.balances().currency().equals(amount.currency())) {
				throw new CurrencyMismatchException(locked.balances().currency(), amount.currency());
			}
			Waterfall waterfall = this.creditors.get(locked.creditorId()).waterfall();
			allocation[0] = waterfall.allocate(amount, locked.balances(), locked.overdue());
			return allocation[0];
		}, receivedOn, source, null);
		return new Posted(entry, allocation[0]);
	}

	/**
	 * Applies many payments at once, each by its creditor's waterfall from the balances
	 * the batch's earlier payments left, as {@link #postPayment} would one by one: one
	 * entry each, the cached balances equal to the sum of the entries, the accounts aged.
	 * For bulk paths (a bank statement of thousands of credits). Joins the caller's
	 * transaction; any refused payment refuses the whole batch.
	 * @return the entries, in the order of the payments
	 */
	@Transactional
	public List<Posted> postPayments(List<PaymentToPost> payments) {
		return this.batch.postPayments(payments);
	}

	/**
	 * Locks accounts for a batch of payments, as {@link #postPayments} would, and tells
	 * what posting to each checks, read by the same statement; then
	 * {@link #postPayments(Locked, List)} posts to them without reading them again. Joins
	 * the caller's transaction, which must post in it.
	 */
	@Transactional
	public Locked lockForPayments(java.util.Collection<AccountId> accounts) {
		return this.batch.lock(accounts);
	}

	/**
	 * {@link #postPayments(List)} to accounts {@link #lockForPayments} locked in this
	 * transaction.
	 * @throws org.dues.shared.NotFoundException if a payment's account was not locked
	 */
	@Transactional
	public List<Posted> postPayments(Locked locked, List<PaymentToPost> payments) {
		return this.batch.postPayments(locked, payments);
	}

	/**
	 * Accounts locked for a batch of payments, with what posting to each checks; what
	 * {@link LedgerBatch} needs of each stays inside.
	 */
	public static final class Locked {

		final java.util.Map<java.util.UUID, LedgerBatch.State> states;

		/** The transaction that holds the locks. */
		final Object transaction;

		Locked(java.util.Map<java.util.UUID, LedgerBatch.State> states, Object transaction) {
			this.states = states;
			this.transaction = transaction;
		}

		/** What posting to the account checks, or null when there is no such account. */
		public Accounts.@org.jspecify.annotations.Nullable PostingFacts facts(AccountId account) {
			LedgerBatch.State s = this.states.get(account.value());
			return s == null ? null : s.facts;
		}

	}

	/** A payment for {@link #postPayments}. */
	public record PaymentToPost(AccountId account, Money amount, LocalDate receivedOn, Source source) {
	}

	/**
	 * Reverses an entry (a bounced payment, a mistaken fee): a new entry with the exact
	 * opposite amounts, linked to the original. An entry is reversed at most once.
	 * @throws ConflictException if the entry was already reversed or is itself a reversal
	 */
	@Transactional
	public Posted reverse(LedgerEntryId original, LocalDate effective, Source source) {
		UUID accountId = this.jdbc.sql("SELECT account_id FROM portfolio_ledger_entries WHERE id = :id")
			.param("id", original.value())
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("ledger entry", original));
		AccountId account = new AccountId(accountId);
		// Lock first: a second reversal of the same entry waits here, then sees the
		// first.
		this.writer.lock(account);
		LedgerEntryView entry = entry(original);
		if (entry.type() == EntryType.REVERSAL) {
			throw new ConflictException("entry %s is a reversal and cannot be reversed".formatted(original));
		}
		boolean reversed = this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM portfolio_ledger_entries WHERE reverses = :id)")
			.param("id", original.value())
			.query(Boolean.class)
			.single();
		if (reversed) {
			throw new ConflictException("entry %s is already reversed".formatted(original));
		}
		Amounts amounts = entry.amounts().negate();
		LedgerEntryId reversal = this.writer.append(account, EntryType.REVERSAL, (locked) -> amounts, effective, source,
				original);
		return new Posted(reversal, amounts);
	}

	/**
	 * Reverses part of a payment (a partial refund): a reversal entry of exactly the
	 * amount, not linked to the payment as its reversal, which takes back first what the
	 * payment left as credit and then its components in the reverse of the creditor's
	 * waterfall, never more of one than the payment took off less what its earlier
	 * partial reversals gave back. The overdue comes back by what the payment's remaining
	 * part no longer covers of what it took off the overdue.
	 * @param earlier the payment's earlier partial reversals
	 * @throws InvalidInputException if the amount is more than the payment has left
	 * @throws ConflictException if the entry is no payment or was reversed whole
	 */
	@Transactional
	public Posted reversePart(LedgerEntryId original, Money amount, List<LedgerEntryId> earlier, LocalDate effective,
			Source source) {
		requirePositive(amount);
		UUID accountId = this.jdbc.sql("SELECT account_id FROM portfolio_ledger_entries WHERE id = :id")
			.param("id", original.value())
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("ledger entry", original));
		AccountId account = new AccountId(accountId);
		this.writer.lock(account);
		LedgerEntryView entry = entry(original);
		if (entry.type() != EntryType.PAYMENT) {
			throw new ConflictException(
					"entry %s is no payment: only a payment is reversed in part".formatted(original));
		}
		if (this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM portfolio_ledger_entries WHERE reverses = :id)")
			.param("id", original.value())
			.query(Boolean.class)
			.single()) {
			throw new ConflictException("entry %s is already reversed".formatted(original));
		}
		Amounts left = entry.amounts().negate();
		for (LedgerEntryId part : earlier) {
			left = left.plus(entry(part).amounts().negate());
		}
		Amounts change = partOf(left, amount, entry.amounts().overdue().negate(),
				this.creditors
					.get(this.jdbc.sql("SELECT creditor_id FROM portfolio_accounts WHERE id = :id")
						.param("id", accountId)
						.query((rs, n) -> new CreditorId(rs.getObject(1, UUID.class)))
						.single())
					.waterfall());
		LedgerEntryId reversal = this.writer.append(account, EntryType.REVERSAL, (locked) -> change, effective, source,
				null);
		return new Posted(reversal, change);
	}

	/**
	 * What giving back {@code amount} of a payment changes, {@code left} being what the
	 * payment still holds (components positive, credit negative, as a reversal writes
	 * them).
	 */
	static Amounts partOf(Amounts left, Money amount, Money overdueTaken, Waterfall waterfall) {
		Money zero = Money.zero(amount.currency());
		Money credit = left.credit().negate().min(amount);
		Money rest = amount.minus(credit);
		Amounts change = Amounts.zero(amount.currency()).withCredit(credit.negate());
		Money componentsLeft = zero;
		for (BalanceComponent component : waterfall.order()) {
			componentsLeft = componentsLeft.plus(left.get(component));
		}
		List<BalanceComponent> backwards = new java.util.ArrayList<>(waterfall.order());
		java.util.Collections.reverse(backwards);
		for (BalanceComponent component : backwards) {
			Money take = left.get(component).min(rest);
			change = change.with(component, take);
			rest = rest.minus(take);
		}
		if (rest.isPositive()) {
			throw new InvalidInputException("amount", "%s is more than the %s the payment has left".formatted(amount,
					componentsLeft.plus(left.credit().negate())));
		}
		Money stillCovered = componentsLeft.minus(amount.minus(credit)).min(overdueTaken);
		Money overdueBack = left.overdue().minus(stillCovered);
		return change.withOverdue(overdueBack.isPositive() ? overdueBack : zero);
	}

	/** Charges a fee or interest to the account. */
	@Transactional
	public Posted charge(AccountId account, BalanceComponent component, Money amount, LocalDate effective,
			Source source) {
		if (component == BalanceComponent.PRINCIPAL) {
			throw new InvalidInputException("component", "only fees and interest are charged");
		}
		requirePositive(amount);
		Amounts amounts = Amounts.of(component, amount);
		EntryType type = component == BalanceComponent.FEES ? EntryType.FEE : EntryType.INTEREST;
		return new Posted(this.writer.append(account, type, (locked) -> amounts, effective, source, null), amounts);
	}

	/**
	 * Waives part of a component; the overdue amount falls by up to the same amount.
	 * @throws InvalidInputException if the waiver exceeds the component's balance
	 */
	@Transactional
	public Posted waive(AccountId account, BalanceComponent component, Money amount, LocalDate effective,
			Source source) {
		requirePositive(amount);
		Amounts[] change = new Amounts[1];
		LedgerEntryId entry = this.writer.append(account, EntryType.WAIVER, (locked) -> {
			change[0] = Amounts.of(component, amount.negate()).withOverdue(amount.min(locked.overdue()).negate());
			return change[0];
		}, effective, source, null);
		return new Posted(entry, change[0]);
	}

	/** Adjusts balances by the given signed amounts, as the creditor instructs. */
	@Transactional
	public Posted adjust(AccountId account, Amounts amounts, LocalDate effective, Source source) {
		if (amounts.isZero()) {
			throw new InvalidInputException("amount", "an adjustment must change something");
		}
		return new Posted(
				this.writer.append(account, EntryType.ADJUSTMENT, (locked) -> amounts, effective, source, null),
				amounts);
	}

	/**
	 * Settles the account: what remains of principal, interest and fees is written off in
	 * one settlement-discount entry and the account becomes {@code SETTLED}.
	 * @throws ConflictException if the account is not active
	 */
	@Transactional
	public Posted settle(AccountId account, LocalDate effective, Source source) {
		Amounts[] change = new Amounts[1];
		LedgerEntryId entry = this.writer.append(account, EntryType.SETTLEMENT_DISCOUNT, (locked) -> {
			if (locked.status() != AccountStatus.ACTIVE && locked.status() != AccountStatus.PAID) {
				throw new ConflictException(
						"account %s is %s and cannot be settled".formatted(account, locked.status()));
			}
			Balances b = locked.balances();
			change[0] = new Amounts(b.principal().negate(), b.interest().negate(), b.fees().negate(),
					Money.zero(b.currency()), locked.overdue().negate());
			return change[0];
		}, effective, source, null, AccountStatus.SETTLED);
		return new Posted(entry, change[0]);
	}

	/**
	 * Defers the oldest due date by some days (a payment holiday) and re-ages the
	 * account.
	 * @return the new oldest due date
	 * @throws ConflictException if nothing is due
	 */
	@Transactional
	public LocalDate deferOldestDueDate(AccountId account, int days) {
		if (days <= 0 || days > 366) {
			throw new InvalidInputException("days", "must be between 1 and 366");
		}
		this.writer.lock(account);
		LocalDate deferred = this.jdbc.sql("""
				UPDATE portfolio_accounts SET oldest_due_date = oldest_due_date + :days
				WHERE id = :id AND oldest_due_date IS NOT NULL RETURNING oldest_due_date""")
			.param("days", days)
			.param("id", account.value())
			.query(LocalDate.class)
			.optional()
			.orElseThrow(() -> new ConflictException("account %s has no due date to defer".formatted(account)));
		this.writer.age(account);
		return deferred;
	}

	private LedgerEntryView entry(LedgerEntryId id) {
		return this.jdbc.sql("SELECT * FROM portfolio_ledger_entries WHERE id = :id")
			.param("id", id.value())
			.query(AccountRows::entry)
			.single();
	}

	private static void requirePositive(Money amount) {
		if (!amount.isPositive()) {
			throw new InvalidInputException("amount", "must be greater than zero");
		}
	}

	/**
	 * A posted entry.
	 *
	 * @param amounts the signed change to each component
	 */
	public record Posted(LedgerEntryId entry, Amounts amounts) {
	}

}
