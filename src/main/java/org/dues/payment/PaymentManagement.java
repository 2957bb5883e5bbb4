package org.dues.payment;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountLedger;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.Amounts;
import org.dues.portfolio.Creditors;
import org.dues.portfolio.LedgerEntryId;
import org.dues.portfolio.Source;
import org.dues.shared.ConflictException;
import org.dues.shared.CurrencyMismatchException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.Money;
import org.dues.shared.NotFoundException;
import org.dues.system.Actor;
import org.jspecify.annotations.Nullable;
import org.dues.system.Corrections;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts payments to accounts and reverses them. A payment is unique per creditor and
 * external reference: posting the same reference again returns the first payment.
 */
@Service
public class PaymentManagement {

	/**
	 * How long before placement a payment may have been received and still be posted
	 * here.
	 */
	static final int LATE_REPORTING_DAYS = 90;

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final AccountLedger ledger;

	private final Creditors creditors;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Corrections corrections;

	private final ReceiptIssuing receipts;

	PaymentManagement(JdbcClient jdbc, Accounts accounts, AccountLedger ledger, Creditors creditors,
			ApplicationEventPublisher events, Clock clock, Corrections corrections, ReceiptIssuing receipts) {
		this.corrections = corrections;
		this.receipts = receipts;
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.ledger = ledger;
		this.creditors = creditors;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Posts a payment by the creditor's waterfall, or returns the payment already posted
	 * under the same reference.
	 * @throws ConflictException if the reference was used for a different payment
	 * @throws InvalidInputException if the amount, currency or date is wrong
	 */
	@Transactional
	public Result post(AccountId accountId, NewPayment payment, String who) {
		return post(accountId, payment, who, null);
	}

	/**
	 * As {@link #post(AccountId, NewPayment, String)}, running {@code recorded} on a
	 * payment this call posts after it is recorded and before its receipt is numbered:
	 * the number's counter row stays locked until commit, and every posting of the
	 * creditor waits for it, so whatever else the transaction writes goes before.
	 */
	@Transactional
	Result post(AccountId accountId, NewPayment payment, String who,
			java.util.function.@Nullable Consumer<PaymentId> recorded) {
		AccountView account = this.accounts.get(accountId);
		LocalDate receivedOn = receivedOn(account, payment);
		org.dues.portfolio.CreditorView creditor = this.creditors.get(account.creditorId());
		// Serialise posts of one reference so a retried request cannot post twice.
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
			.param("key", account.creditorId() + "/" + payment.reference())
			.query(Object.class)
			.single();
		Optional<PaymentView> existing = findByReference(account, payment.reference());
		if (existing.isPresent()) {
			PaymentView known = existing.get();
			if (!known.accountId().equals(accountId) || known.amount().compareTo(payment.amount()) != 0) {
				throw new ConflictException("reference '%s' was already used for a payment of %s to account %s"
					.formatted(payment.reference(), known.amount(), known.accountId()));
			}
			return new Result(known, false);
		}
		AccountLedger.Posted posted = this.ledger.postPayment(accountId, payment.amount(), receivedOn,
				new Source(payment.channel().name(), payment.reference(), who, null));
		PaymentId id = PaymentId.random();
		this.jdbc.sql("""
				INSERT INTO payment_payments (id, creditor_id, account_id, reference, amount, currency, channel,
				    received_on, status, ledger_entry_id, recorded_at, recorded_by)
				VALUES (:id, :creditor, :account, :reference, :amount, :currency, :channel, :receivedOn, 'POSTED',
				    :entry, :now, :who)""")
			.param("id", id.value())
			.param("creditor", account.creditorId().value())
			.param("account", accountId.value())
			.param("reference", payment.reference())
			.param("amount", payment.amount().amount())
			.param("currency", payment.amount().currencyCode())
			.param("channel", payment.channel().name())
			.param("receivedOn", receivedOn)
			.param("entry", posted.entry().value())
			.param("now", now())
			.param("who", who)
			.update();
		this.events.publishEvent(new PaymentPosted(id, accountId, payment.amount()));
		if (recorded != null) {
			recorded.accept(id);
		}
		// last: the counter row is locked from here to commit
		this.receipts.issue(creditor, id, payment, who);
		return new Result(get(accountId, id), true);
	}

	/**
	 * How the creditor's waterfall would split the payment if it were posted now, and
	 * what the account would owe after; checked as {@link #post} checks it, nothing
	 * written.
	 * @throws InvalidInputException if the amount, currency or date is wrong
	 */
	public PaymentPreview preview(AccountId accountId, NewPayment payment) {
		AccountView account = this.accounts.get(accountId);
		receivedOn(account, payment);
		Amounts change = this.creditors.get(account.creditorId())
			.waterfall()
			.allocate(payment.amount(), account.balances(), account.overdueAmount());
		return new PaymentPreview(payment.amount(), change, account.balances().total().plus(change.total()),
				account.overdueAmount().plus(change.overdue()));
	}

	/** The date the payment was received, checked against the account and today. */
	private LocalDate receivedOn(AccountView account, NewPayment payment) {
		if (!account.currency().equals(payment.amount().currency())) {
			throw new CurrencyMismatchException(account.currency(), payment.amount().currency());
		}
		if (!payment.amount().isPositive()) {
			throw new InvalidInputException("amount", "must be greater than zero");
		}
		java.time.ZoneId zone = this.creditors.get(account.creditorId()).timeZone();
		LocalDate today = LocalDate.now(this.clock.withZone(zone));
		LocalDate receivedOn = payment.receivedOn() == null ? today : payment.receivedOn();
		if (receivedOn.isAfter(today)) {
			throw new InvalidInputException("receivedOn", "%s is in the future".formatted(receivedOn));
		}
		LocalDate earliest = account.placedAt().atZone(zone).toLocalDate().minusDays(LATE_REPORTING_DAYS);
		if (account.openDate() != null && account.openDate().isAfter(earliest)) {
			earliest = account.openDate();
		}
		if (receivedOn.isBefore(earliest)) {
			throw new InvalidInputException("receivedOn",
					"%s is before %s: a payment cannot be received before the account was opened, or more than %d days before it was placed"
						.formatted(receivedOn, earliest, LATE_REPORTING_DAYS));
		}
		return receivedOn;
	}

	/**
	 * Reverses a posted payment, restoring every balance it reduced. Reversing a payment
	 * already reversed returns it unchanged. Leads and above reverse any payment; whoever
	 * posted it, their own within the correction window ({@link Corrections}).
	 * @throws org.dues.shared.NotPermittedException for anyone else
	 */
	@Transactional
	public PaymentView reverse(AccountId accountId, PaymentId paymentId, String reason, Actor actor) {
		String who = actor.name();
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "is required");
		}
		if (reason.length() > 500) {
			throw new InvalidInputException("reason", "must be at most 500 characters");
		}
		PaymentView payment = get(accountId, paymentId);
		this.jdbc.sql("SELECT id FROM payment_payments WHERE id = :id FOR UPDATE")
			.param("id", paymentId.value())
			.query(UUID.class)
			.single();
		payment = get(accountId, paymentId);
		if (payment.status() == PaymentStatus.REVERSED) {
			return payment;
		}
		record Posted(String by, Instant at) {
		}
		Posted posted = this.jdbc.sql("SELECT recorded_by, recorded_at FROM payment_payments WHERE id = :id")
			.param("id", paymentId.value())
			.query((rs, n) -> new Posted(rs.getString(1), rs.getTimestamp(2).toInstant()))
			.single();
		this.corrections.check(actor, "this payment", posted.by(), posted.at(), Corrections.LEADS_AND_ABOVE);
		LocalDate today = today(accountId);
		Source source = new Source(payment.channel().name(), payment.reference(), who, reason.strip());
		List<LedgerEntryId> parts = refundEntries(paymentId);
		// refunded in part already: what remains is given back, not the whole payment
		// again
		Money remaining = payment.amount().minus(payment.refunded());
		AccountLedger.Posted reversal = parts.isEmpty() ? this.ledger.reverse(ledgerEntry(paymentId), today, source)
				: this.ledger.reversePart(ledgerEntry(paymentId), remaining, parts, today, source);
		markReversed(paymentId, reversal, reason.strip(), who);
		this.events.publishEvent(new PaymentReversed(paymentId, accountId, remaining, reason.strip()));
		return get(accountId, paymentId);
	}

	/**
	 * Gives back part of a posted payment (a gateway's partial refund): the ledger
	 * reverses exactly the amount, the payment shows what was refunded, and when the
	 * refunds reach the payment's amount it is {@code REVERSED}. Once per refund key (the
	 * gateway's refund id): the same key again changes nothing, as does a payment already
	 * reversed.
	 * @throws InvalidInputException if the amount is not positive, in another currency,
	 * or more than the payment has left
	 */
	@Transactional
	public PaymentView refund(AccountId accountId, PaymentId paymentId, String refundKey, Money amount, String reason,
			Actor actor) {
		if (reason == null || reason.isBlank() || reason.length() > 500) {
			throw new InvalidInputException("reason", "is required, at most 500 characters");
		}
		PaymentView payment = get(accountId, paymentId);
		this.jdbc.sql("SELECT id FROM payment_payments WHERE id = :id FOR UPDATE")
			.param("id", paymentId.value())
			.query(UUID.class)
			.single();
		payment = get(accountId, paymentId);
		boolean known = this.jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM payment_refunds WHERE payment_id = :id AND refund_key = :key)")
			.param("id", paymentId.value())
			.param("key", refundKey)
			.query(Boolean.class)
			.single();
		if (known || payment.status() == PaymentStatus.REVERSED) {
			return payment;
		}
		if (!amount.currency().equals(payment.amount().currency())) {
			throw new InvalidInputException("amount", "a refund in %s of a payment in %s"
				.formatted(amount.currencyCode(), payment.amount().currencyCode()));
		}
		if (!amount.isPositive()) {
			throw new InvalidInputException("amount", "a refund must be greater than zero");
		}
		Money refunded = payment.refunded().plus(amount);
		if (refunded.compareTo(payment.amount()) > 0) {
			throw new InvalidInputException("amount",
					"a refund of %s with %s refunded already is more than the payment of %s".formatted(amount,
							payment.refunded(), payment.amount()));
		}
		String who = actor.name();
		Source source = new Source(payment.channel().name(), payment.reference(), who, reason.strip());
		AccountLedger.Posted part = this.ledger.reversePart(ledgerEntry(paymentId), amount, refundEntries(paymentId),
				today(accountId), source);
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO payment_refunds (id, payment_id, refund_key, amount, ledger_entry_id, reason, refunded_at,
				    refunded_by)
				VALUES (:id, :payment, :key, :amount, :entry, :reason, :now, :who)""")
			.param("id", id)
			.param("payment", paymentId.value())
			.param("key", refundKey)
			.param("amount", amount.amount())
			.param("entry", part.entry().value())
			.param("reason", reason.strip())
			.param("now", now())
			.param("who", who)
			.update();
		if (refunded.compareTo(payment.amount()) == 0) {
			markReversed(paymentId, part, reason.strip(), who);
			this.events.publishEvent(new PaymentReversed(paymentId, accountId, amount, reason.strip()));
		}
		else {
			this.events.publishEvent(new PaymentRefunded(paymentId, accountId, id, amount, reason.strip()));
		}
		return get(accountId, paymentId);
	}

	private List<LedgerEntryId> refundEntries(PaymentId paymentId) {
		return this.jdbc.sql("SELECT ledger_entry_id FROM payment_refunds WHERE payment_id = :id ORDER BY refunded_at")
			.param("id", paymentId.value())
			.query((rs, n) -> new LedgerEntryId(rs.getObject(1, UUID.class)))
			.list();
	}

	private void markReversed(PaymentId paymentId, AccountLedger.Posted reversal, String reason, String who) {
		this.jdbc.sql("""
				UPDATE payment_payments SET status = 'REVERSED', reversal_entry_id = :entry, reversal_reason = :reason,
				    reversed_at = :now, reversed_by = :who WHERE id = :id""")
			.param("id", paymentId.value())
			.param("entry", reversal.entry().value())
			.param("reason", reason)
			.param("now", now())
			.param("who", who)
			.update();
	}

	private LocalDate today(AccountId accountId) {
		return LocalDate
			.now(this.clock.withZone(this.creditors.get(this.accounts.get(accountId).creditorId()).timeZone()));
	}

	/**
	 * Names the payment link a payment came through ({@code payment_payments.link_id}).
	 * Naming the same link again changes nothing.
	 * @throws ConflictException when the payment names another link, or does not exist
	 */
	@Transactional
	public void linkTo(PaymentId payment, PaymentLinkId link) {
		int updated = this.jdbc
			.sql("UPDATE payment_payments SET link_id = :link WHERE id = :id AND (link_id IS NULL OR link_id = :link)")
			.param("id", payment.value())
			.param("link", link.value())
			.update();
		if (updated == 0) {
			throw new ConflictException("payment %s does not exist or came through another link".formatted(payment));
		}
	}

	/** The account's payments, newest first. */
	public List<PaymentView> ofAccount(AccountId accountId) {
		this.accounts.get(accountId);
		return this.jdbc.sql(SELECT + " WHERE p.account_id = :account ORDER BY p.recorded_at DESC, p.reference")
			.param("account", accountId.value())
			.query(PaymentManagement::row)
			.list();
	}

	/**
	 * The payments a {@link PaymentsPosted} names, in their order in the batch, as each
	 * was posted (a payment reversed since is among them).
	 */
	public List<PaymentPosted> posted(PaymentsPosted part) {
		return this.jdbc.sql("""
				SELECT id, account_id, amount, currency FROM payment_payments
				WHERE batch_id = :batch AND batch_seq >= :from AND batch_seq < :to ORDER BY batch_seq""")
			.param("batch", part.batch())
			.param("from", part.from())
			.param("to", part.to())
			.query((rs, n) -> new PaymentPosted(new PaymentId(rs.getObject(1, java.util.UUID.class)),
					new AccountId(rs.getObject(2, java.util.UUID.class)),
					new Money(rs.getBigDecimal(3), java.util.Currency.getInstance(rs.getString(4)))))
			.list();
	}

	/**
	 * The payments a {@link PaymentsPosted} names as full views, in their order in the
	 * batch, read in one statement: for a listener that needs more of each payment than
	 * {@link #posted(PaymentsPosted)} gives.
	 */
	public List<PaymentView> postedViews(PaymentsPosted part) {
		return this.jdbc
			.sql(SELECT + " WHERE p.batch_id = :batch AND p.batch_seq >= :from AND p.batch_seq < :to"
					+ " ORDER BY p.batch_seq")
			.param("batch", part.batch())
			.param("from", part.from())
			.param("to", part.to())
			.query(PaymentManagement::row)
			.list();
	}

	/**
	 * The receipts a {@link ReceiptsIssued} names, in their payments' order in the batch.
	 */
	public List<ReceiptIssued> receipted(ReceiptsIssued part) {
		return this.jdbc.sql("""
				SELECT p.id, p.account_id, coalesce(r.book_number, r.system_number) FROM payment_payments p
				JOIN payment_receipts r ON r.payment_id = p.id
				WHERE p.batch_id = :batch AND p.batch_seq >= :from AND p.batch_seq < :to ORDER BY p.batch_seq""")
			.param("batch", part.batch())
			.param("from", part.from())
			.param("to", part.to())
			.query((rs, n) -> new ReceiptIssued(new PaymentId(rs.getObject(1, java.util.UUID.class)),
					new AccountId(rs.getObject(2, java.util.UUID.class)), rs.getString(3)))
			.list();
	}

	/** These payments, read in one statement; an unknown id is left out. */
	public java.util.Map<PaymentId, PaymentView> getAll(java.util.Collection<PaymentId> ids) {
		java.util.Map<PaymentId, PaymentView> found = new java.util.HashMap<>();
		if (!ids.isEmpty()) {
			this.jdbc.sql(SELECT + " WHERE p.id = ANY(:ids)")
				.param("ids", ids.stream().map(PaymentId::value).distinct().toArray(UUID[]::new))
				.query(PaymentManagement::row)
				.list()
				.forEach((p) -> found.put(p.id(), p));
		}
		return found;
	}

	/** A payment of the account, or {@link NotFoundException}. */
	public PaymentView get(AccountId accountId, PaymentId id) {
		return this.jdbc.sql(SELECT + " WHERE p.id = :id AND p.account_id = :account")
			.param("id", id.value())
			.param("account", accountId.value())
			.query(PaymentManagement::row)
			.optional()
			.orElseThrow(() -> new NotFoundException("payment", id));
	}

	private Optional<PaymentView> findByReference(AccountView account, String reference) {
		return this.jdbc.sql(SELECT + " WHERE p.creditor_id = :creditor AND p.reference = :reference")
			.param("creditor", account.creditorId().value())
			.param("reference", reference)
			.query(PaymentManagement::row)
			.optional();
	}

	private LedgerEntryId ledgerEntry(PaymentId id) {
		return new LedgerEntryId(this.jdbc.sql("SELECT ledger_entry_id FROM payment_payments WHERE id = :id")
			.param("id", id.value())
			.query(UUID.class)
			.single());
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
	}

	private static final String SELECT = """
			SELECT p.*, e.principal, e.interest, e.fees, e.credit, e.overdue,
			    coalesce(r.book_number, r.system_number) AS receipt_number,
			    (SELECT coalesce(sum(f.amount), 0) FROM payment_refunds f WHERE f.payment_id = p.id) AS refunded
			FROM payment_payments p JOIN portfolio_ledger_entry_facts e ON e.id = p.ledger_entry_id
			LEFT JOIN payment_receipts r ON r.payment_id = p.id""";

	private static PaymentView row(ResultSet rs, int n) throws SQLException {
		Currency currency = Currency.getInstance(rs.getString("currency"));
		OffsetDateTime reversedAt = rs.getObject("reversed_at", OffsetDateTime.class);
		return new PaymentView(new PaymentId(rs.getObject("id", UUID.class)),
				new AccountId(rs.getObject("account_id", UUID.class)), rs.getString("reference"),
				money(rs.getBigDecimal("amount"), currency), PaymentChannel.valueOf(rs.getString("channel")),
				rs.getObject("received_on", LocalDate.class), PaymentStatus.valueOf(rs.getString("status")),
				new Amounts(money(rs.getBigDecimal("principal"), currency),
						money(rs.getBigDecimal("interest"), currency), money(rs.getBigDecimal("fees"), currency),
						money(rs.getBigDecimal("credit"), currency), money(rs.getBigDecimal("overdue"), currency)),
				rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getString("recorded_by"),
				reversedAt == null ? null : reversedAt.toInstant(), rs.getString("reversal_reason"),
				rs.getString("receipt_number"), money(rs.getBigDecimal("refunded"), currency));
	}

	private static Money money(BigDecimal amount, Currency currency) {
		return new Money(amount, currency);
	}

	/**
	 * The payment, and whether this request posted it (false when the reference
	 * repeated).
	 */
	public record Result(PaymentView payment, boolean created) {
	}

}
