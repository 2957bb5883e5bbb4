package org.dues.payment;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.dues.portfolio.AccountId;
import org.dues.portfolio.CreditorView;
import org.dues.shared.ConflictException;
import org.dues.shared.BulkIds;
import org.dues.shared.CopyText;
import org.dues.shared.InvalidInputException;
import org.dues.shared.Money;
import org.dues.shared.NotFoundException;
import org.dues.system.Actor;
import org.dues.system.PostgresCopy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries out the matcher's decisions: posts each matched credit (in a savepoint, so a
 * payment Dues refuses, such as one dated before its account was placed, leaves the entry
 * an exception instead of failing the statement), reverses returned payments, and writes
 * every entry with its outcome.
 */
@Component
class StatementPosting {

	/** Who reverses a payment the bank returned. */
	static final Actor BANK = Actor.system("bank-statement");

	/** From how many credits to post a statement posts them as one batch. */
	static final int BULK = 50;

	private final PaymentManagement payments;

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final TransactionTemplate savepoint;

	private final PaymentBatch batch;

	private final LinkPayments links;

	private final java.time.Clock clock;

	StatementPosting(PaymentManagement payments, JdbcClient jdbc, DataSource dataSource,
			PlatformTransactionManager transactions, PaymentBatch batch, LinkPayments links, java.time.Clock clock) {
		this.clock = clock;
		this.batch = batch;
		this.links = links;
		this.payments = payments;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	void record(UUID statement, CreditorView creditor, ParsedStatement parsed, List<StatementMatcher.Match> matches,
			Actor actor) {
		List<StatementMatcher.Match> decided = new java.util.ArrayList<>(matches);
		long toPost = matches.stream().filter((m) -> m.outcome() == EntryOutcome.POSTED && m.account() != null).count();
		boolean bulk = toPost >= BULK;
		if (bulk) {
			postInBulk(creditor, parsed, decided, actor);
		}
		for (int i = 0; i < decided.size(); i++) {
			StatementLine line = parsed.lines().get(i);
			StatementMatcher.Match m = decided.get(i);
			if (!bulk && m.outcome() == EntryOutcome.POSTED && m.account() != null) {
				decided.set(i, post(m, line, parsed.currency(), reference(parsed, line), actor));
			}
			else if (m.outcome() == EntryOutcome.REVERSED && m.account() != null && m.payment() != null) {
				decided.set(i, reverse(m, line));
			}
		}
		long t = System.nanoTime();
		// the entries stream to the database as they are made, with no foreign-key check
		// per row where the database allows it: the statement is this transaction's own
		org.dues.system.RowTriggers.during(this.jdbc, java.util.Map.of("payment_statement_entries", false), () -> {
			BulkIds.Sequence ids = BulkIds.sequence(this.clock);
			try (PostgresCopy.Rows rows = PostgresCopy.rows(this.dataSource,
					"""
							COPY payment_statement_entries (id, statement_id, line_no, direction, kind, amount, currency, value_date,
							    bank_reference, end_to_end_id, payer_name, payer_account, remittance, bank_code, outcome, matched_by,
							    account_id, payment_id, suggested_account_id, note) FROM STDIN (FORMAT csv)""")) {
				for (int i = 0; i < decided.size(); i++) {
					row(rows.buffer(), ids.next(), statement, parsed.lines().get(i), decided.get(i), parsed);
					rows.row();
				}
				rows.finish();
			}
		});
		org.slf4j.LoggerFactory.getLogger(StatementPosting.class)
			.debug("Entries written in {} ms", (System.nanoTime() - t) / 1_000_000);
	}

	/**
	 * Posts the matched credits through {@link PaymentBatch} and puts what became of each
	 * in its place.
	 */
	private void postInBulk(CreditorView creditor, ParsedStatement parsed, List<StatementMatcher.Match> decided,
			Actor actor) {
		List<Integer> positions = new java.util.ArrayList<>();
		List<PaymentBatch.Item> items = new java.util.ArrayList<>();
		for (int i = 0; i < decided.size(); i++) {
			StatementMatcher.Match m = decided.get(i);
			if (m.outcome() == EntryOutcome.POSTED && m.account() != null) {
				StatementLine line = parsed.lines().get(i);
				positions.add(i);
				items.add(new PaymentBatch.Item(m.account(), new Money(line.amount(), parsed.currency()),
						reference(parsed, line), line.valueDate(), m.link()));
			}
		}
		List<PaymentBatch.Outcome> outcomes = this.batch.post(creditor, items, actor.name());
		for (int k = 0; k < outcomes.size(); k++) {
			PaymentBatch.Outcome o = outcomes.get(k);
			StatementMatcher.Match m = decided.get(positions.get(k));
			decided.set(positions.get(k), o.payment() == null
					? new StatementMatcher.Match(EntryOutcome.UNMATCHED, m.by(), null, null, null,
							"matched account %s, but: %s".formatted(m.account(), o.refusal()))
					: new StatementMatcher.Match(o.created() ? EntryOutcome.POSTED : EntryOutcome.ALREADY_POSTED,
							m.by(), m.account(), m.link(), o.payment(), m.note()));
		}
	}

	/** Posts a credit to an account; the payment's reference is the bank's. */
	StatementMatcher.Match post(StatementMatcher.Match m, StatementLine line, java.util.Currency currency,
			String reference, Actor actor) {
		AccountId account = m.account();
		Money amount = new Money(line.amount(), currency);
		return attempt(m, () -> {
			PaymentManagement.Result result = this.payments.post(account,
					new NewPayment(amount, PaymentChannel.BANK_TRANSFER, reference, line.valueDate()), actor.name());
			if (m.link() != null && result.created()) {
				this.payments.linkTo(result.payment().id(), new PaymentLinkId(m.link()));
				this.links.counted(m.link(), amount.amount());
			}
			return new StatementMatcher.Match(result.created() ? EntryOutcome.POSTED : EntryOutcome.ALREADY_POSTED,
					m.by(), account, m.link(), result.payment().id(), m.note());
		});
	}

	private StatementMatcher.Match reverse(StatementMatcher.Match m, StatementLine line) {
		String reason = "returned by the bank" + (line.bankReference() == null ? "" : " (" + line.bankReference() + ")")
				+ (line.remittance() == null ? "" : ": " + line.remittance());
		return attempt(m, () -> {
			this.payments.reverse(m.account(), m.payment(), reason.length() > 500 ? reason.substring(0, 500) : reason,
					BANK);
			return m;
		});
	}

	private StatementMatcher.Match attempt(StatementMatcher.Match m, Supplier<StatementMatcher.Match> action) {
		try {
			return this.savepoint.execute((status) -> action.get());
		}
		catch (InvalidInputException | ConflictException | NotFoundException
				| org.dues.shared.CurrencyMismatchException ex) {
			return new StatementMatcher.Match(EntryOutcome.UNMATCHED, m.by(), null, null, null,
					"matched account %s, but: %s".formatted(m.account(), ex.getMessage()));
		}
	}

	static String reference(ParsedStatement parsed, StatementLine line) {
		return PaymentReferences.bank(line.bankReference() != null ? line.bankReference()
				: parsed.bankAccount() + "/" + parsed.number() + "/" + line.line());
	}

	private static void row(StringBuilder rows, UUID id, UUID statement, StatementLine line, StatementMatcher.Match m,
			ParsedStatement parsed) {
		boolean suggested = m.outcome() == EntryOutcome.SUGGESTED;
		new CopyText(rows).add(id.toString())
			.add(statement.toString())
			.add(Integer.toString(line.line()))
			.add(line.credit() ? "CREDIT" : "DEBIT")
			.add(line.kind().name())
			.add(line.amount().toPlainString())
			.add(parsed.currency().getCurrencyCode())
			.add(line.valueDate().toString())
			.add(line.bankReference())
			.add(line.endToEndId())
			.add(line.payerName())
			.add(line.payerAccount())
			.add(line.remittance())
			.add(line.bankCode())
			.add(m.outcome().name())
			.add(m.by())
			.add(suggested || m.account() == null ? null : m.account().value().toString())
			.add(m.payment() == null ? null : m.payment().value().toString())
			.add(suggested && m.account() != null ? m.account().value().toString() : null)
			.add(m.note())
			.end();
	}

}
