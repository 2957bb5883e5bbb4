package org.dues.portfolio;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

import org.dues.customer.CustomerDetails;
import org.dues.customer.CustomerKind;
import org.dues.customer.CustomerManagement;
import org.dues.shared.Money;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Places accounts with us, or updates them when the creditor places them again: a new
 * account gets a placement entry; a changed balance gets one adjustment entry per changed
 * component; the same placement again changes nothing. A new account is announced with
 * {@link AccountPlaced}.
 */
@Service
public class Placements {

	private final JdbcClient jdbc;

	private final CustomerManagement customers;

	private final LedgerWriter ledger;

	private final Accounts accounts;

	private final Aging aging;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Placements(JdbcClient jdbc, CustomerManagement customers, LedgerWriter ledger, Accounts accounts, Aging aging,
			Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.aging = aging;
		this.jdbc = jdbc;
		this.customers = customers;
		this.ledger = ledger;
		this.accounts = accounts;
		this.clock = clock;
	}

	/**
	 * Places or updates one account and its customer, all or nothing.
	 */
	@Transactional
	public Result place(CreditorView creditor, Placement placement, Source source) {
		// An import of this creditor holds this lock exclusively while it runs; a single
		// placement waits for it rather than racing it for the same new account.
		this.jdbc.sql("SELECT pg_advisory_xact_lock_shared(hashtextextended(:key, 0))")
			.param("key", "import/" + creditor.id())
			.query(Object.class)
			.single();
		var customer = this.customers
			.record(new CustomerDetails(creditor.id().value(), placement.customerRef(), CustomerKind.PERSON,
					placement.customerName(), placement.language(), placement.dateOfBirth(), placement.nationalId(),
					placement.phones(), placement.emails(), placement.addresses(), source.channel()));
		OffsetDateTime now = OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
		LocalDate today = LocalDate.now(this.clock.withZone(creditor.timeZone()));
		AccountId id = AccountId.random();
		int inserted = this.jdbc
			.sql("""
					INSERT INTO portfolio_accounts (id, creditor_id, customer_id, account_ref, currency, principal, interest,
					    fees, credit, overdue_amount, status, placed_at, updated_at, placed_principal, placed_interest,
					    placed_fees, placed_overdue)
					VALUES (:id, :creditor, :customer, :ref, :currency, 0, 0, 0, 0, 0, 'ACTIVE', :now, :now, 0, 0, 0, 0)
					ON CONFLICT (creditor_id, account_ref) DO NOTHING""")
			.param("id", id.value())
			.param("creditor", creditor.id().value())
			.param("customer", customer.id().value())
			.param("ref", placement.accountRef())
			.param("currency", creditor.currency().getCurrencyCode())
			.param("now", now)
			.update();
		if (inserted == 1) {
			updateDetails(id, placement, now);
			recordPlacedFigures(id, placement);
			Amounts amounts = new Amounts(placement.principal(), placement.interest(), placement.fees(),
					Money.zero(creditor.currency()), placement.overdue());
			this.ledger.append(id, EntryType.PLACEMENT, (locked) -> amounts, today, source, null);
			this.events.publishEvent(new AccountPlaced(id, creditor.id(), customer.id(), today, source.channel()));
			return new Result(this.accounts.get(id), Outcome.CREATED);
		}
		AccountId knownId = this.accounts.findByRef(creditor.id(), placement.accountRef()).orElseThrow().id();
		// Lock before reading, so a payment committing meanwhile is neither lost nor
		// undone.
		this.ledger.lock(knownId);
		AccountView known = this.accounts.get(knownId);
		Amounts lastPlaced = lastPlacedFigures(knownId, creditor);
		boolean detailsChanged = !sameDetails(known, placement) || !known.customerId().equals(customer.id());
		if (detailsChanged) {
			updateDetails(known.id(), placement, now);
			this.jdbc.sql("UPDATE portfolio_accounts SET customer_id = :customer WHERE id = :id")
				.param("customer", customer.id().value())
				.param("id", known.id().value())
				.update();
		}
		// The creditor's movement since its last placement, one adjustment per changed
		// figure.
		int adjustments = 0;
		Money zero = Money.zero(creditor.currency());
		for (Amounts change : List.of(
				new Amounts(placement.principal().minus(lastPlaced.principal()), zero, zero, zero, zero),
				new Amounts(zero, placement.interest().minus(lastPlaced.interest()), zero, zero, zero),
				new Amounts(zero, zero, placement.fees().minus(lastPlaced.fees()), zero, zero),
				new Amounts(zero, zero, zero, zero, placement.overdue().minus(lastPlaced.overdue())))) {
			if (!change.isZero()) {
				this.ledger.append(known.id(), EntryType.ADJUSTMENT, (locked) -> clamp(change, locked), today, source,
						null);
				adjustments++;
			}
		}
		if (adjustments > 0) {
			recordPlacedFigures(known.id(), placement);
		}
		if (detailsChanged) {
			this.aging.age(known.id());
		}
		boolean changed = detailsChanged || adjustments > 0 || customer.changed();
		return new Result(this.accounts.get(known.id()), changed ? Outcome.UPDATED : Outcome.UNCHANGED);
	}

	/**
	 * A decrease is limited to what is left of the balance: if payments here already took
	 * it lower, the balance goes to zero rather than below.
	 */
	private static Amounts clamp(Amounts change, LedgerWriter.Locked locked) {
		Money overdue = change.overdue().isNegative() ? change.overdue().negate().min(locked.overdue()).negate()
				: change.overdue();
		Amounts clamped = change.withOverdue(overdue);
		for (BalanceComponent component : BalanceComponent.values()) {
			Money value = clamped.get(component);
			if (value.isNegative()) {
				clamped = clamped.with(component, value.negate().min(locked.balances().get(component)).negate());
			}
		}
		return clamped;
	}

	private void recordPlacedFigures(AccountId id, Placement placement) {
		this.jdbc.sql("""
				UPDATE portfolio_accounts SET placed_principal = :principal, placed_interest = :interest,
				    placed_fees = :fees, placed_overdue = :overdue WHERE id = :id""")
			.param("id", id.value())
			.param("principal", placement.principal().amount())
			.param("interest", placement.interest().amount())
			.param("fees", placement.fees().amount())
			.param("overdue", placement.overdue().amount())
			.update();
	}

	private Amounts lastPlacedFigures(AccountId id, CreditorView creditor) {
		return this.jdbc.sql("""
				SELECT placed_principal, placed_interest, placed_fees, placed_overdue FROM portfolio_accounts
				WHERE id = :id""")
			.param("id", id.value())
			.query((rs, n) -> new Amounts(new Money(rs.getBigDecimal(1), creditor.currency()),
					new Money(rs.getBigDecimal(2), creditor.currency()),
					new Money(rs.getBigDecimal(3), creditor.currency()), Money.zero(creditor.currency()),
					new Money(rs.getBigDecimal(4), creditor.currency())))
			.single();
	}

	private void updateDetails(AccountId id, Placement placement, OffsetDateTime now) {
		this.jdbc.sql("""
				UPDATE portfolio_accounts SET product = :product, oldest_due_date = :oldestDue,
				    original_amount = :original, installment_amount = :installment, open_date = :open,
				    charge_off_date = :chargeOff,
				    last_payment_date = coalesce(CAST(:lastPaymentDate AS date), last_payment_date),
				    last_payment_amount = coalesce(CAST(:lastPaymentAmount AS numeric), last_payment_amount),
				    updated_at = :now
				WHERE id = :id""")
			.param("id", id.value())
			.param("product", placement.product())
			.param("oldestDue", placement.oldestDueDate())
			.param("original", amount(placement.originalAmount()))
			.param("installment", amount(placement.installmentAmount()))
			.param("open", placement.openDate())
			.param("chargeOff", placement.chargeOffDate())
			.param("lastPaymentDate", placement.lastPaymentDate())
			.param("lastPaymentAmount", amount(placement.lastPaymentAmount()))
			.param("now", now)
			.update();
	}

	private static boolean sameDetails(AccountView known, Placement placement) {
		return Objects.equals(known.product(), placement.product())
				&& Objects.equals(known.oldestDueDate(), placement.oldestDueDate())
				&& Objects.equals(known.originalAmount(), placement.originalAmount())
				&& Objects.equals(known.installmentAmount(), placement.installmentAmount())
				&& Objects.equals(known.openDate(), placement.openDate())
				&& Objects.equals(known.chargeOffDate(), placement.chargeOffDate())
				&& (placement.lastPaymentDate() == null
						|| Objects.equals(known.lastPaymentDate(), placement.lastPaymentDate()))
				&& (placement.lastPaymentAmount() == null
						|| Objects.equals(known.lastPaymentAmount(), placement.lastPaymentAmount()));
	}

	private static @Nullable BigDecimal amount(@Nullable Money money) {
		return money == null ? null : money.amount();
	}

	/** What placing did. */
	public enum Outcome {

		CREATED, UPDATED, UNCHANGED

	}

	/** The account after placing, and what placing did. */
	public record Result(AccountView account, Outcome outcome) {
	}

}
