package org.dues.payment;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.Money;
import org.dues.shared.Phrase;
import org.dues.system.Actor;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a team lead, manager or administrator decides about a statement entry that
 * reconciliation left open (unmatched or only suggested): match it to an account, split
 * it across several, send it to unapplied cash, or ignore it, always with a reason. A
 * decided entry is decided once; repeating the same decision changes nothing.
 */
@Service
public class StatementExceptions {

	private final JdbcClient jdbc;

	private final PaymentManagement payments;

	private final Accounts accounts;

	private final UnappliedCash unapplied;

	private final StatementReads reads;

	private final Clock clock;

	StatementExceptions(JdbcClient jdbc, PaymentManagement payments, Accounts accounts, UnappliedCash unapplied,
			StatementReads reads, Clock clock) {
		this.jdbc = jdbc;
		this.payments = payments;
		this.accounts = accounts;
		this.unapplied = unapplied;
		this.reads = reads;
		this.clock = clock;
	}

	/**
	 * Posts the credit to the accounts named (one part: the whole amount; several: parts
	 * that add up to exactly the entry's amount), all or none.
	 * @throws InvalidInputException if the parts do not add up, or a part is refused
	 */
	@Transactional
	public StatementEntryView match(UUID entryId, List<UnappliedView.Part> parts, String reason, Actor actor) {
		UnappliedCash.permitted(actor);
		String why = UnappliedCash.reason(reason);
		StatementEntryView entry = locked(entryId);
		if (entry.outcome() == EntryOutcome.POSTED && "USER".equals(entry.matchedBy())) {
			return entry;
		}
		openCredit(entry);
		if (parts.isEmpty()) {
			throw new InvalidInputException("splits", "name at least one account",
					Phrase.of("recon.problem.noAccountNamed"));
		}
		Money total = Money.zero(entry.amount().currency());
		for (UnappliedView.Part part : parts) {
			total = total.plus(part.amount());
		}
		if (total.compareTo(entry.amount()) != 0) {
			throw new InvalidInputException(parts.size() > 1 ? "splits" : "amount",
					"the parts add up to %s but the entry is %s".formatted(total, entry.amount()),
					Phrase.of("recon.problem.partsEntry", total, entry.amount()));
		}
		String base = base(entry);
		PaymentId first = null;
		for (int i = 0; i < parts.size(); i++) {
			UnappliedView.Part part = parts.get(i);
			AccountView account = this.accounts.get(part.account());
			String reference = parts.size() == 1 ? base : base + "#" + (i + 1);
			PaymentManagement.Result posted = this.payments.post(account.id(),
					new NewPayment(part.amount(), PaymentChannel.BANK_TRANSFER, reference, entry.valueDate()),
					actor.name());
			first = first == null ? posted.payment().id() : first;
		}
		decide(entryId, EntryOutcome.POSTED, parts.size() == 1 ? parts.get(0).account().value() : null,
				first == null ? null : first.value(), why, actor);
		return this.reads.entry(entryId);
	}

	/** Sends the credit to unapplied cash with everything known about it. */
	@Transactional
	public StatementEntryView toSuspense(UUID entryId, String reason, Actor actor) {
		UnappliedCash.permitted(actor);
		String why = UnappliedCash.reason(reason);
		StatementEntryView entry = locked(entryId);
		if (entry.outcome() == EntryOutcome.SUSPENSE) {
			return entry;
		}
		openCredit(entry);
		UUID creditor = this.jdbc.sql("SELECT creditor_id FROM payment_statements WHERE id = :id")
			.param("id", entry.statement())
			.query(UUID.class)
			.single();
		this.unapplied.receive(new NewUnapplied(new org.dues.portfolio.CreditorId(creditor), entry.amount(),
				entry.valueDate(), entry.payerName(), entry.payerAccount(), entry.remittance(), entry.endToEndId(),
				entry.bankReference(), entryId, why), actor.name());
		decide(entryId, EntryOutcome.SUSPENSE, null, null, why, actor);
		return this.reads.entry(entryId);
	}

	/**
	 * Marks the entry as concerning no account (a transfer between own accounts, say).
	 */
	@Transactional
	public StatementEntryView ignore(UUID entryId, String reason, Actor actor) {
		UnappliedCash.permitted(actor);
		String why = UnappliedCash.reason(reason);
		StatementEntryView entry = locked(entryId);
		if (entry.outcome() == EntryOutcome.IGNORED) {
			return entry;
		}
		if (!entry.open()) {
			throw new ConflictException("entry %s is %s, not open".formatted(entryId, entry.outcome()),
					Phrase.of("recon.problem.entryDecided"));
		}
		decide(entryId, EntryOutcome.IGNORED, null, null, why, actor);
		return this.reads.entry(entryId);
	}

	private static void openCredit(StatementEntryView entry) {
		if (!entry.open()) {
			throw new ConflictException("entry %s is %s, not open".formatted(entry.id(), entry.outcome()),
					Phrase.of("recon.problem.entryDecided"));
		}
		if (!entry.credit()) {
			throw new ConflictException("entry %s is a debit: only credits are applied".formatted(entry.id()),
					Phrase.of("recon.problem.debit"));
		}
	}

	private String base(StatementEntryView entry) {
		if (entry.bankReference() != null) {
			return PaymentReferences.bank(entry.bankReference());
		}
		StatementReport statement = this.reads.report(entry.statement());
		return PaymentReferences.bank(statement.bankAccount() + "/" + statement.number() + "/" + entry.line());
	}

	private StatementEntryView locked(UUID id) {
		this.jdbc.sql("SELECT id FROM payment_statement_entries WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(UUID.class)
			.optional();
		return this.reads.entry(id);
	}

	private void decide(UUID id, EntryOutcome outcome, @Nullable UUID account, @Nullable UUID payment, String reason,
			Actor actor) {
		this.jdbc.sql("""
				UPDATE payment_statement_entries SET outcome = :outcome, matched_by = CASE WHEN :posted THEN 'USER'
				    ELSE matched_by END, account_id = COALESCE(:account, account_id), payment_id = :payment,
				    note = :reason, decided_by = :who, decided_at = :now WHERE id = :id""")
			.param("outcome", outcome.name())
			.param("posted", outcome == EntryOutcome.POSTED)
			.param("account", account)
			.param("payment", payment)
			.param("reason", reason)
			.param("who", actor.name())
			.param("now", OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC))
			.param("id", id)
			.update();
	}

}
