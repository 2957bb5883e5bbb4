package org.dues.payment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.CreditorId;
import org.dues.shared.ConflictException;
import org.dues.shared.CurrencyMismatchException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.Money;
import org.dues.shared.NotPermittedException;
import org.dues.shared.Phrase;
import org.dues.system.Actor;
import org.dues.system.Corrections;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Unapplied cash (suspense): money received that matches no account, held until a team
 * lead, manager or administrator applies it to an account, splits it across several, or
 * returns it, each time with a reason. An item's applied parts plus what was returned
 * never exceed its amount, and equal it once it is closed.
 */
@Service
public class UnappliedCash {

	private final JdbcClient jdbc;

	private final PaymentManagement payments;

	private final Accounts accounts;

	private final UnappliedReads reads;

	private final Clock clock;

	UnappliedCash(JdbcClient jdbc, PaymentManagement payments, Accounts accounts, UnappliedReads reads, Clock clock) {
		this.jdbc = jdbc;
		this.payments = payments;
		this.accounts = accounts;
		this.reads = reads;
		this.clock = clock;
	}

	/** Records money that matched no account; the item is open. */
	@Transactional
	public UnappliedView receive(NewUnapplied item, String who) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO payment_unapplied (id, creditor_id, amount, currency, value_date, payer_name, payer_account,
				    remittance, end_to_end_id, bank_reference, statement_entry_id, status, created_at, created_by)
				VALUES (:id, :creditor, :amount, :currency, :valueDate, :payer, :payerAccount, :remittance, :e2e,
				    :bankRef, :entry, 'OPEN', :now, :who)""")
			.param("id", id)
			.param("creditor", item.creditor() == null ? null : item.creditor().value())
			.param("amount", item.amount().amount())
			.param("currency", item.amount().currencyCode())
			.param("valueDate", item.valueDate())
			.param("payer", item.payerName())
			.param("payerAccount", item.payerAccount())
			.param("remittance", item.remittance())
			.param("e2e", item.endToEndId())
			.param("bankRef", item.bankReference())
			.param("entry", item.statementEntry())
			.param("now", now())
			.param("who", who)
			.update();
		history(id, "RECEIVED", item.amount().amount(), null, null, item.reason(), who);
		return get(id);
	}

	/**
	 * Applies the item, whole or in part, to one account, or splits what is open across
	 * several (then the parts must add up to exactly what is open). Each part posts a
	 * payment by the account's waterfall whose reference derives from the item, the
	 * account and the amount, so a retried request posts nothing twice; all parts post or
	 * none. Repeating a request that closed the item returns it unchanged.
	 * @throws NotPermittedException unless the actor is a team lead, manager or
	 * administrator
	 * @throws InvalidInputException if the amounts do not fit what is open
	 * @throws ConflictException if the item is closed by other parts
	 */
	@Transactional
	public UnappliedView apply(UUID id, List<UnappliedView.Part> parts, String reason, Actor actor) {
		permitted(actor);
		String why = reason(reason);
		if (parts.isEmpty()) {
			throw new InvalidInputException("splits", "name at least one account and amount",
					Phrase.of("recon.problem.noAccountNamed"));
		}
		UnappliedView item = locked(id);
		if (item.status() != UnappliedStatus.OPEN) {
			if (sameAsApplied(item, parts)) {
				return item;
			}
			throw new ConflictException("unapplied item %s is %s; nothing of it is open".formatted(id, item.status()),
					Phrase.of("recon.problem.itemClosed"));
		}
		Money total = Money.zero(item.amount().currency());
		for (UnappliedView.Part part : parts) {
			if (!part.amount().currency().equals(item.amount().currency())) {
				throw new CurrencyMismatchException(item.amount().currency(), part.amount().currency());
			}
			if (!part.amount().isPositive()) {
				throw new InvalidInputException("amount", "each part must be greater than zero",
						Phrase.of("recon.problem.positive"));
			}
			total = total.plus(part.amount());
		}
		if (total.compareTo(item.open()) > 0 || (parts.size() > 1 && total.compareTo(item.open()) != 0)) {
			throw new InvalidInputException(parts.size() > 1 ? "splits" : "amount",
					"the parts add up to %s but %s is open".formatted(total, item.open()),
					Phrase.of("recon.problem.partsOpen", total, item.open()));
		}
		BigDecimal applied = BigDecimal.ZERO;
		for (UnappliedView.Part part : parts) {
			AccountView account = this.accounts.get(part.account());
			if (item.creditor() != null && !item.creditor().equals(account.creditorId())) {
				throw new InvalidInputException("accountId",
						"account %s is another creditor's than the money's".formatted(account.accountRef()),
						Phrase.of("recon.problem.otherCreditorsMoney", account.accountRef()));
			}
			String reference = "UNAPPLIED:%s:%s:%s".formatted(id, part.account().value().toString().substring(0, 8),
					part.amount().amount().toPlainString());
			PaymentManagement.Result posted = this.payments.post(part.account(),
					new NewPayment(part.amount(), PaymentChannel.BANK_TRANSFER, reference, item.valueDate()),
					actor.name());
			if (posted.created()) {
				applied = applied.add(part.amount().amount());
				history(id, "APPLIED", part.amount().amount(), part.account(), posted.payment().id(), why,
						actor.name());
			}
		}
		close(item, applied, BigDecimal.ZERO);
		return get(id);
	}

	/**
	 * Returns what is open of the item to the payer (outside Dues), with a reason.
	 * Returning an item already returned changes nothing.
	 */
	@Transactional
	public UnappliedView giveBack(UUID id, String reason, Actor actor) {
		permitted(actor);
		String why = reason(reason);
		UnappliedView item = locked(id);
		if (item.status() == UnappliedStatus.RETURNED) {
			return item;
		}
		if (item.status() != UnappliedStatus.OPEN) {
			throw new ConflictException("unapplied item %s is %s; nothing of it is open".formatted(id, item.status()),
					Phrase.of("recon.problem.itemClosed"));
		}
		BigDecimal open = item.open().amount();
		history(id, "RETURNED", open, null, null, why, actor.name());
		close(item, BigDecimal.ZERO, open);
		return get(id);
	}

	/** An item with its history, or {@link org.dues.shared.NotFoundException}. */
	public UnappliedView get(UUID id) {
		return this.reads.get(id);
	}

	/** Items, newest first, filtered by status and creditor when given. */
	public List<UnappliedView> list(@Nullable UnappliedStatus status, @Nullable CreditorId creditor, int limit) {
		return this.reads.list(status, creditor, limit);
	}

	private void close(UnappliedView item, BigDecimal applied, BigDecimal returned) {
		BigDecimal allApplied = item.applied().amount().add(applied);
		BigDecimal allReturned = item.returned().amount().add(returned);
		boolean closed = allApplied.add(allReturned).compareTo(item.amount().amount()) == 0;
		String status = "OPEN";
		if (closed) {
			long accounts = this.jdbc.sql("""
					SELECT count(DISTINCT account_id) FROM payment_unapplied_history
					WHERE unapplied_id = :id AND action = 'APPLIED'""")
				.param("id", item.id())
				.query(Long.class)
				.single();
			status = allReturned.signum() > 0 ? "RETURNED" : accounts > 1 ? "SPLIT" : "APPLIED";
		}
		this.jdbc
			.sql("UPDATE payment_unapplied SET applied = :applied, returned = :returned, status = :status "
					+ "WHERE id = :id")
			.param("applied", allApplied)
			.param("returned", allReturned)
			.param("status", status)
			.param("id", item.id())
			.update();
	}

	private boolean sameAsApplied(UnappliedView item, List<UnappliedView.Part> parts) {
		List<UnappliedView.Part> done = new ArrayList<>();
		item.history()
			.stream()
			.filter((e) -> "APPLIED".equals(e.action()))
			.forEach((e) -> done.add(new UnappliedView.Part(Objects.requireNonNull(e.account()), e.amount())));
		for (UnappliedView.Part part : parts) {
			if (!done.remove(part)) {
				return false;
			}
		}
		return true;
	}

	private UnappliedView locked(UUID id) {
		this.jdbc.sql("SELECT id FROM payment_unapplied WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(UUID.class)
			.optional();
		return get(id);
	}

	private void history(UUID id, String action, BigDecimal amount, @Nullable AccountId account,
			@Nullable PaymentId payment, String reason, String who) {
		this.jdbc.sql("""
				INSERT INTO payment_unapplied_history (unapplied_id, action, amount, account_id, payment_id, reason, at,
				    by_user)
				VALUES (:id, :action, :amount, :account, :payment, :reason, :now, :who)""")
			.param("id", id)
			.param("action", action)
			.param("amount", amount)
			.param("account", account == null ? null : account.value())
			.param("payment", payment == null ? null : payment.value())
			.param("reason", reason)
			.param("now", now())
			.param("who", who)
			.update();
	}

	static void permitted(Actor actor) {
		if (!actor.system() && !actor.hasAny(Corrections.LEADS_AND_ABOVE)) {
			throw new NotPermittedException("only a team lead, manager or administrator may do this");
		}
	}

	static String reason(@Nullable String reason) {
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "is required", Phrase.of("recon.problem.reason"));
		}
		if (reason.length() > 500) {
			throw new InvalidInputException("reason", "must be at most 500 characters",
					Phrase.of("recon.problem.reasonLength"));
		}
		return reason.strip();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
	}

}
