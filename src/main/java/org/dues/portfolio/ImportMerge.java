package org.dues.portfolio;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The set-based statements that apply an import's staged rows, in the import's
 * transaction, with the same rules as {@link Placements#place}: new accounts get a
 * placement entry; a changed figure of a known account gets one adjustment per component
 * (the creditor's movement since its last placement, never below zero); the same figures
 * again change nothing.
 */
class ImportMerge {

	private final JdbcClient jdbc;

	private final UUID id;

	private final CreditorView creditor;

	private final OffsetDateTime now;

	private final LocalDate today;

	private final String fileName;

	private final String who;

	ImportMerge(JdbcClient jdbc, UUID id, CreditorView creditor, OffsetDateTime now, LocalDate today, String fileName,
			String who) {
		this.jdbc = jdbc;
		this.id = id;
		this.creditor = creditor;
		this.now = now;
		this.today = today;
		this.fileName = fileName;
		this.who = who;
	}

	/**
	 * Rejects repeats of an account_ref within the file: the first row is taken.
	 * @return the rejected lines
	 */
	int[] rejectRepeats() {
		var lines = this.jdbc.sql("""
				WITH repeats AS (
				    SELECT line, account_ref, first_line FROM (
				        SELECT line, account_ref, min(line) OVER (PARTITION BY account_ref) AS first_line
				        FROM portfolio_import_staging WHERE import_id = :id) d
				    WHERE line > first_line
				), issues AS (
				    INSERT INTO portfolio_import_issues (import_id, line, severity, field, message)
				    SELECT :id, line, 'ERROR', 'account_ref',
				           format('account_ref %s repeats line %s; the first row is taken', account_ref, first_line)
				    FROM repeats RETURNING line
				)
				DELETE FROM portfolio_import_staging s USING repeats r
				WHERE s.import_id = :id AND s.line = r.line RETURNING s.line""")
			.param("id", this.id)
			.query(Integer.class)
			.list();
		return lines.stream().mapToInt(Integer::intValue).toArray();
	}

	/** Applies the staged rows; customers must already be merged. */
	void apply() {
		update("""
				UPDATE portfolio_import_staging s SET customer_id = c.customer_id, outcome = CASE WHEN c.changed THEN 'UPDATED' END
				FROM (SELECT customer_ref, customer_id, bool_or(changed) AS changed FROM customer_import_staging
				      WHERE batch_id = :id GROUP BY customer_ref, customer_id) c
				WHERE s.import_id = :id AND s.customer_ref = c.customer_ref""");
		update("""
				UPDATE portfolio_import_staging s SET account_id = a.id
				FROM portfolio_accounts a
				WHERE s.import_id = :id AND a.creditor_id = :creditor AND a.account_ref = s.account_ref""");
		// Known accounts are locked for the rest of the import, in a fixed order.
		this.jdbc.sql("""
				SELECT a.id FROM portfolio_accounts a
				WHERE a.id IN (SELECT account_id FROM portfolio_import_staging WHERE import_id = :id)
				ORDER BY a.id FOR UPDATE""").param("id", this.id).query(UUID.class).list();
		createNewAccounts();
		updateKnownAccounts();
	}

	private void createNewAccounts() {
		update("""
				WITH inserted AS (
				    INSERT INTO portfolio_accounts (id, creditor_id, customer_id, account_ref, product, currency, principal,
				        interest, fees, credit, overdue_amount, oldest_due_date, status, original_amount, installment_amount,
				        open_date, charge_off_date, last_payment_date, last_payment_amount, placed_at, updated_at,
				        placed_principal, placed_interest, placed_fees, placed_overdue)
				    SELECT gen_random_uuid(), :creditor, s.customer_id, s.account_ref, s.product, :currency, s.principal,
				        s.interest, s.fees, 0, s.overdue, s.oldest_due_date,
				        CASE WHEN s.principal + s.interest + s.fees = 0 THEN 'PAID' ELSE 'ACTIVE' END,
				        s.original_amount, s.installment_amount, s.open_date, s.charge_off_date, s.last_payment_date,
				        s.last_payment_amount, :now, :now, s.principal, s.interest, s.fees, s.overdue
				    FROM portfolio_import_staging s WHERE s.import_id = :id AND s.account_id IS NULL
				    ORDER BY s.line
				    RETURNING id, account_ref
				)
				UPDATE portfolio_import_staging s SET account_id = i.id, outcome = 'CREATED'
				FROM inserted i WHERE s.import_id = :id AND s.account_ref = i.account_ref""");
		update("""
				INSERT INTO portfolio_ledger_entries (id, account_id, entry_type, currency, principal, interest, fees, credit,
				    overdue, effective_date, recorded_at, source, source_ref, recorded_by)
				SELECT gen_random_uuid(), s.account_id, 'PLACEMENT', :currency, s.principal, s.interest, s.fees, 0, s.overdue,
				       :today, :now, 'IMPORT', :file, :who
				FROM portfolio_import_staging s WHERE s.import_id = :id AND s.outcome = 'CREATED' ORDER BY s.line""");
	}

	private void updateKnownAccounts() {
		update("""
				UPDATE portfolio_import_staging s SET outcome = 'UPDATED'
				FROM portfolio_accounts a
				WHERE s.import_id = :id AND s.outcome IS NULL AND a.id = s.account_id
				  AND ((a.placed_principal, a.placed_interest, a.placed_fees, a.placed_overdue, a.oldest_due_date, a.product,
				        a.original_amount, a.installment_amount, a.open_date, a.charge_off_date, a.customer_id)
				       IS DISTINCT FROM
				       (s.principal, s.interest, s.fees, s.overdue, s.oldest_due_date, s.product, s.original_amount,
				        s.installment_amount, s.open_date, s.charge_off_date, s.customer_id)
				    OR (s.last_payment_date IS NOT NULL AND s.last_payment_date IS DISTINCT FROM a.last_payment_date)
				    OR (s.last_payment_amount IS NOT NULL AND s.last_payment_amount IS DISTINCT FROM a.last_payment_amount))""");
		update("""
				UPDATE portfolio_import_staging SET outcome = 'UNCHANGED'
				WHERE import_id = :id AND outcome IS NULL""");
		// The creditor's movement per component, never taking a balance below zero.
		update("""
				WITH moves AS (
				    SELECT s.line, a.id AS account_id,
				           greatest(a.principal + s.principal - a.placed_principal, 0) - a.principal AS p,
				           greatest(a.interest + s.interest - a.placed_interest, 0) - a.interest AS i,
				           greatest(a.fees + s.fees - a.placed_fees, 0) - a.fees AS f,
				           greatest(a.overdue_amount + s.overdue - a.placed_overdue, 0) - a.overdue_amount AS o
				    FROM portfolio_import_staging s JOIN portfolio_accounts a ON a.id = s.account_id
				    WHERE s.import_id = :id AND s.outcome = 'UPDATED'
				), entries AS (
				    INSERT INTO portfolio_ledger_entries (id, account_id, entry_type, currency, principal, interest, fees,
				        credit, overdue, effective_date, recorded_at, source, source_ref, recorded_by)
				    SELECT gen_random_uuid(), m.account_id, 'ADJUSTMENT', :currency, x.p, x.i, x.f, 0, x.o, :today, :now,
				           'IMPORT', :file, :who
				    FROM moves m CROSS JOIN LATERAL (VALUES (1, m.p, 0, 0, 0), (2, 0, m.i, 0, 0), (3, 0, 0, m.f, 0),
				        (4, 0, 0, 0, m.o)) AS x(n, p, i, f, o)
				    WHERE x.p <> 0 OR x.i <> 0 OR x.f <> 0 OR x.o <> 0
				    ORDER BY m.line, x.n
				    RETURNING account_id, principal, interest, fees, overdue
				)
				UPDATE portfolio_accounts a SET principal = a.principal + t.p, interest = a.interest + t.i,
				    fees = a.fees + t.f, overdue_amount = a.overdue_amount + t.o
				FROM (SELECT account_id, sum(principal) AS p, sum(interest) AS i, sum(fees) AS f, sum(overdue) AS o
				      FROM entries GROUP BY account_id) t
				WHERE a.id = t.account_id""");
		update("""
				UPDATE portfolio_accounts a SET placed_principal = s.principal, placed_interest = s.interest,
				    placed_fees = s.fees, placed_overdue = s.overdue, oldest_due_date = s.oldest_due_date,
				    product = s.product, original_amount = s.original_amount, installment_amount = s.installment_amount,
				    open_date = s.open_date, charge_off_date = s.charge_off_date,
				    last_payment_date = coalesce(s.last_payment_date, a.last_payment_date),
				    last_payment_amount = coalesce(s.last_payment_amount, a.last_payment_amount),
				    customer_id = s.customer_id, updated_at = :now,
				    status = CASE WHEN a.status = 'ACTIVE' AND a.principal + a.interest + a.fees = 0 THEN 'PAID'
				                  WHEN a.status = 'PAID' AND a.principal + a.interest + a.fees > 0 THEN 'ACTIVE'
				                  ELSE a.status END
				FROM portfolio_import_staging s
				WHERE s.import_id = :id AND s.outcome = 'UPDATED' AND a.id = s.account_id""");
	}

	/** Counts of the staged rows by outcome. */
	int count(String outcome) {
		return this.jdbc.sql("SELECT count(*) FROM portfolio_import_staging WHERE import_id = :id AND outcome = :o")
			.param("id", this.id)
			.param("o", outcome)
			.query(Integer.class)
			.single();
	}

	void clear() {
		update("DELETE FROM portfolio_import_staging WHERE import_id = :id");
	}

	private void update(String sql) {
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql).param("id", this.id);
		if (sql.contains(":creditor")) {
			statement = statement.param("creditor", this.creditor.id().value());
		}
		if (sql.contains(":currency")) {
			statement = statement.param("currency", this.creditor.currency().getCurrencyCode());
		}
		if (sql.contains(":now")) {
			statement = statement.param("now", this.now);
		}
		if (sql.contains(":today")) {
			statement = statement.param("today", this.today);
		}
		if (sql.contains(":file")) {
			statement = statement.param("file", this.fileName);
		}
		if (sql.contains(":who")) {
			statement = statement.param("who", this.who);
		}
		statement.update();
	}

}
