package org.dues.payment;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dues.portfolio.AccountId;
import org.dues.portfolio.CreditorId;
import org.dues.portfolio.Creditors;
import org.dues.shared.Money;
import org.dues.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads statements, their reports and their entries. */
@Component
class StatementReads {

	private final JdbcClient jdbc;

	private final Creditors creditors;

	StatementReads(JdbcClient jdbc, Creditors creditors) {
		this.jdbc = jdbc;
		this.creditors = creditors;
	}

	StatementReport report(UUID id) {
		return this.jdbc.sql("SELECT * FROM payment_statements WHERE id = :id")
			.param("id", id)
			.query(this::statement)
			.optional()
			.orElseThrow(() -> new NotFoundException("bank statement", id));
	}

	List<StatementReport> latest(int limit) {
		return this.jdbc.sql("SELECT * FROM payment_statements ORDER BY imported_at DESC, id LIMIT :limit")
			.param("limit", Math.max(1, Math.min(limit, 200)))
			.query(this::statement)
			.list();
	}

	List<StatementEntryView> entries(UUID statement, boolean openOnly) {
		return this.jdbc
			.sql("SELECT * FROM payment_statement_entries WHERE statement_id = :id"
					+ (openOnly ? " AND outcome IN ('UNMATCHED', 'SUGGESTED')" : "") + " ORDER BY line_no")
			.param("id", statement)
			.query(StatementReads::entry)
			.list();
	}

	StatementEntryView entry(UUID id) {
		return this.jdbc.sql("SELECT * FROM payment_statement_entries WHERE id = :id")
			.param("id", id)
			.query(StatementReads::entry)
			.optional()
			.orElseThrow(() -> new NotFoundException("statement entry", id));
	}

	private StatementReport statement(ResultSet rs, int n) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		Currency currency = Currency.getInstance(rs.getString("currency"));
		Map<EntryOutcome, Integer> counts = new EnumMap<>(EntryOutcome.class);
		Map<EntryOutcome, Money> amounts = new EnumMap<>(EntryOutcome.class);
		for (EntryOutcome o : EntryOutcome.values()) {
			counts.put(o, 0);
			amounts.put(o, Money.zero(currency));
		}
		int[] entries = { 0 };
		this.jdbc.sql("""
				SELECT outcome, count(*), sum(amount) FROM payment_statement_entries WHERE statement_id = :id
				GROUP BY outcome""").param("id", id).query((row) -> {
			EntryOutcome o = EntryOutcome.valueOf(row.getString(1));
			counts.put(o, row.getInt(2));
			amounts.put(o, new Money(row.getBigDecimal(3), currency));
			entries[0] += row.getInt(2);
		});
		BigDecimal opening = rs.getBigDecimal("opening_balance");
		BigDecimal closing = rs.getBigDecimal("closing_balance");
		BigDecimal credits = rs.getBigDecimal("credits");
		BigDecimal debits = rs.getBigDecimal("debits");
		Boolean balanced = opening == null || closing == null ? null
				: opening.add(credits).subtract(debits).compareTo(closing) == 0;
		return new StatementReport(id,
				this.creditors.get(new CreditorId(rs.getObject("creditor_id", UUID.class))).code(),
				StatementFormat.valueOf(rs.getString("format")), rs.getString("bank_account"),
				rs.getString("statement_number"), rs.getObject("period_from", LocalDate.class),
				rs.getObject("period_to", LocalDate.class), entries[0], counts, amounts, new Money(credits, currency),
				new Money(debits, currency), opening == null ? null : new Money(opening, currency),
				closing == null ? null : new Money(closing, currency), balanced,
				rs.getObject("imported_at", OffsetDateTime.class).toInstant(), rs.getString("imported_by"));
	}

	private static StatementEntryView entry(ResultSet rs, int n) throws SQLException {
		Currency currency = Currency.getInstance(rs.getString("currency"));
		OffsetDateTime decided = rs.getObject("decided_at", OffsetDateTime.class);
		return new StatementEntryView(rs.getObject("id", UUID.class), rs.getObject("statement_id", UUID.class),
				rs.getInt("line_no"), "CREDIT".equals(rs.getString("direction")), rs.getString("kind"),
				new Money(rs.getBigDecimal("amount"), currency), rs.getObject("value_date", LocalDate.class),
				rs.getString("bank_reference"), rs.getString("end_to_end_id"), rs.getString("payer_name"),
				rs.getString("payer_account"), rs.getString("remittance"), rs.getString("bank_code"),
				EntryOutcome.valueOf(rs.getString("outcome")), rs.getString("matched_by"), account(rs, "account_id"),
				payment(rs), account(rs, "suggested_account_id"), rs.getString("note"), rs.getString("decided_by"),
				decided == null ? null : decided.toInstant());
	}

	private static AccountId account(ResultSet rs, String column) throws SQLException {
		UUID id = rs.getObject(column, UUID.class);
		return id == null ? null : new AccountId(id);
	}

	private static PaymentId payment(ResultSet rs) throws SQLException {
		UUID id = rs.getObject("payment_id", UUID.class);
		return id == null ? null : new PaymentId(id);
	}

}
