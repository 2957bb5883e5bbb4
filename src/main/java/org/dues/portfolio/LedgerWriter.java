package org.dues.portfolio;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.UUID;
import java.util.function.Function;

import org.dues.shared.InvalidInputException;
import org.dues.shared.Money;
import org.dues.shared.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The only code that changes an account's balances: it locks the account row, appends one
 * ledger entry and sets the cached balances to old balances plus the entry, in the
 * caller's transaction, so the cache always equals the sum of the entries.
 */
@Component
class LedgerWriter {

	private final JdbcClient jdbc;

	private final Aging aging;

	private final Clock clock;

	LedgerWriter(JdbcClient jdbc, Aging aging, Clock clock) {
		this.jdbc = jdbc;
		this.aging = aging;
		this.clock = clock;
	}

	/** The account's balances, locked until the transaction ends. */
	Locked lock(AccountId id) {
		return this.jdbc.sql("""
				SELECT currency, principal, interest, fees, credit, overdue_amount, status, creditor_id
				FROM portfolio_accounts WHERE id = :id FOR UPDATE""").param("id", id.value()).query((rs, n) -> {
			Currency currency = Currency.getInstance(rs.getString("currency"));
			return new Locked(id, new CreditorId(rs.getObject("creditor_id", UUID.class)),
					new Balances(AccountRows.money(rs, "principal", currency),
							AccountRows.money(rs, "interest", currency), AccountRows.money(rs, "fees", currency),
							AccountRows.money(rs, "credit", currency)),
					AccountRows.money(rs, "overdue_amount", currency), AccountStatus.valueOf(rs.getString("status")));
		}).optional().orElseThrow(() -> new NotFoundException("account", id));
	}

	/**
	 * Appends an entry computed from the locked account.
	 * @throws InvalidInputException if the entry would take a balance below zero
	 */
	LedgerEntryId append(AccountId id, EntryType type, Function<Locked, Amounts> change, LocalDate effective,
			Source source, @Nullable LedgerEntryId reverses) {
		return append(id, type, change, effective, source, reverses, null);
	}

	/**
	 * As
	 * {@link #append(AccountId, EntryType, Function, LocalDate, Source, LedgerEntryId)},
	 * and sets the account's status when {@code statusAfter} is given (a settlement).
	 */
	LedgerEntryId append(AccountId id, EntryType type, Function<Locked, Amounts> change, LocalDate effective,
			Source source, @Nullable LedgerEntryId reverses, @Nullable AccountStatus statusAfter) {
		Locked account = lock(id);
		Amounts amounts = change.apply(account);
		Balances after = new Balances(account.balances().principal().plus(amounts.principal()),
				account.balances().interest().plus(amounts.interest()), account.balances().fees().plus(amounts.fees()),
				account.balances().credit().plus(amounts.credit()));
		Money overdue = account.overdue().plus(amounts.overdue());
		requireNotNegative("principal", after.principal());
		requireNotNegative("interest", after.interest());
		requireNotNegative("fees", after.fees());
		requireNotNegative("credit", after.credit());
		requireNotNegative("overdue", overdue);
		OffsetDateTime now = OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
		LedgerEntryId entry = LedgerEntryId.random();
		this.jdbc.sql("""
				INSERT INTO portfolio_ledger_entries (id, account_id, entry_type, currency, principal, interest, fees,
				    credit, overdue, effective_date, recorded_at, source, source_ref, recorded_by, memo, reverses)
				VALUES (:id, :account, :type, :currency, :principal, :interest, :fees, :credit, :overdue, :effective,
				    :now, :source, :sourceRef, :who, :memo, :reverses)""")
			.param("id", entry.value())
			.param("account", id.value())
			.param("type", type.name())
			.param("currency", after.currency().getCurrencyCode())
			.param("principal", amounts.principal().amount())
			.param("interest", amounts.interest().amount())
			.param("fees", amounts.fees().amount())
			.param("credit", amounts.credit().amount())
			.param("overdue", amounts.overdue().amount())
			.param("effective", effective)
			.param("now", now)
			.param("source", source.channel())
			.param("sourceRef", source.reference())
			.param("who", source.who())
			.param("memo", source.memo())
			.param("reverses", reverses == null ? null : reverses.value())
			.update();
		AccountStatus status = account.status();
		if (status == AccountStatus.ACTIVE && after.owed().isZero()) {
			status = AccountStatus.PAID;
		}
		else if (status == AccountStatus.PAID && after.owed().isPositive()) {
			status = AccountStatus.ACTIVE;
		}
		if (statusAfter != null) {
			status = statusAfter;
		}
		boolean payment = type == EntryType.PAYMENT;
		this.jdbc.sql("""
				UPDATE portfolio_accounts SET principal = :principal, interest = :interest, fees = :fees,
				    credit = :credit, overdue_amount = :overdue, status = :status, updated_at = :now,
				    last_payment_amount = CASE WHEN :payment AND (last_payment_date IS NULL
				        OR last_payment_date <= CAST(:effective AS date)) THEN CAST(:paid AS numeric)
				        ELSE last_payment_amount END,
				    last_payment_date = CASE WHEN :payment AND (last_payment_date IS NULL
				        OR last_payment_date <= CAST(:effective AS date)) THEN CAST(:effective AS date)
				        ELSE last_payment_date END
				WHERE id = :id""")
			.param("id", id.value())
			.param("principal", after.principal().amount())
			.param("interest", after.interest().amount())
			.param("fees", after.fees().amount())
			.param("credit", after.credit().amount())
			.param("overdue", overdue.amount())
			.param("status", status.name())
			.param("now", now)
			.param("payment", payment)
			.param("effective", effective)
			.param("paid", amounts.total().negate().amount())
			.update();
		this.aging.age(id);
		return entry;
	}

	void age(AccountId id) {
		this.aging.age(id);
	}

	private static void requireNotNegative(String component, Money value) {
		if (value.amount().compareTo(Money.INPUT_LIMIT.multiply(java.math.BigDecimal.TEN)) > 0) {
			throw new InvalidInputException("amount",
					"would take the %s balance beyond what Dues can hold".formatted(component));
		}
		if (value.isNegative()) {
			throw new InvalidInputException("amount", "would take the %s balance below zero (to %s)"
				.formatted(component, value.amount().toPlainString()));
		}
	}

	/** An account's balances under a row lock. */
	record Locked(AccountId id, CreditorId creditorId, Balances balances, Money overdue, AccountStatus status) {
	}

}
