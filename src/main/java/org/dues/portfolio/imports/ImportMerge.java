package org.dues.portfolio.imports;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Placements;
import org.dues.shared.BulkIds;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The set-based statements that apply an import's staged rows, in the import's
 * transaction, with the same rules as {@link Placements#place}: new accounts get a
 * placement entry; a changed figure of a known account gets one adjustment per component
 * (the creditor's movement since its last placement, never below zero); the same figures
 * again change nothing. Works on temporary tables of the transaction:
 * {@code portfolio_import_staging} (the checked rows), {@code portfolio_import_customers}
 * (their customers, {@link ImportCustomers}) and {@code import_work} (each row with its
 * customer, account and outcome).
 */
class ImportMerge {

	private static final Logger log = LoggerFactory.getLogger(ImportMerge.class);

	static final String STAGING = """
			CREATE TEMP TABLE IF NOT EXISTS portfolio_import_staging (
			    line int NOT NULL, account_ref text NOT NULL, customer_ref text NOT NULL,
			    principal numeric(19,4) NOT NULL, interest numeric(19,4) NOT NULL, fees numeric(19,4) NOT NULL,
			    overdue numeric(19,4) NOT NULL, oldest_due_date date, product text, original_amount numeric(19,4),
			    installment_amount numeric(19,4), open_date date, charge_off_date date, last_payment_date date,
			    last_payment_amount numeric(19,4)
			) ON COMMIT DROP""";

	/**
	 * The account_refs of rows rejected while checking, so that a later repeat is still a
	 * repeat.
	 */
	static final String REJECTED_REFS = """
			CREATE TEMP TABLE IF NOT EXISTS import_rejected_refs (line int NOT NULL, account_ref text NOT NULL)
			ON COMMIT DROP""";

	private final JdbcClient jdbc;

	private final UUID id;

	private final CreditorView creditor;

	private final Map<String, Object> params;

	ImportMerge(JdbcClient jdbc, UUID id, CreditorView creditor, OffsetDateTime now, LocalDate today, String fileName,
			String who, Clock clock) {
		this.jdbc = jdbc;
		this.id = id;
		this.creditor = creditor;
		this.params = Map.of("creditor", creditor.id().value(), "scheme", creditor.bucketScheme(), "currency",
				creditor.currency().getCurrencyCode(), "now", now, "today", today, "file", fileName, "who", who,
				"accountIds", BulkIds.prefix(clock), "placementIds", BulkIds.prefix(clock), "adjustmentIds",
				BulkIds.prefix(clock));
	}

	/**
	 * Rejects repeats of an account_ref within the file: the first row is taken.
	 * @return the rejected lines
	 */
	int[] rejectRepeats() {
		update(STAGING);
		update(REJECTED_REFS);
		var lines = this.jdbc.sql("""
				WITH firsts AS (
				    SELECT account_ref, min(line) AS first_line FROM (
				        SELECT line, account_ref FROM portfolio_import_staging
				        UNION ALL SELECT line, account_ref FROM import_rejected_refs) refs
				    GROUP BY account_ref
				), repeats AS (
				    SELECT s.line, s.account_ref, f.first_line
				    FROM portfolio_import_staging s JOIN firsts f ON f.account_ref = s.account_ref
				    WHERE s.line > f.first_line
				), issues AS (
				    INSERT INTO portfolio_import_issues (import_id, line, severity, field, message)
				    SELECT :id, line, 'ERROR', 'account_ref',
				           format('account_ref %s repeats line %s; the first row is taken', account_ref, first_line)
				    FROM repeats RETURNING line
				)
				DELETE FROM portfolio_import_staging s USING repeats r WHERE s.line = r.line RETURNING s.line""")
			.param("id", this.id)
			.query(Integer.class)
			.list();
		update("ANALYZE portfolio_import_staging");
		return lines.stream().mapToInt(Integer::intValue).toArray();
	}

	/**
	 * Sorts the staged rows into {@code import_work}: each with its customer (resolved,
	 * not necessarily written yet), its account when known, the id a new account gets,
	 * and its outcome as far as the account's own figures and the customer's details
	 * tell. Known accounts are locked first.
	 */
	void sort() {
		// Rows of this import refer to the creditor, to accounts it inserts and to known
		// accounts, all locked here as foreign keys to them would lock them.
		this.jdbc.sql("SELECT 1 FROM portfolio_creditors WHERE id = :creditor FOR KEY SHARE")
			.param("creditor", this.creditor.id().value())
			.query(Integer.class)
			.single();
		// Known accounts are locked for the rest of the import, in a fixed order, before
		// they are read.
		this.jdbc.sql("""
				SELECT count(*) FROM (SELECT a.id FROM portfolio_accounts a
				    JOIN portfolio_import_staging s ON a.creditor_id = :creditor AND a.account_ref = s.account_ref
				    ORDER BY a.id FOR UPDATE OF a) locked""")
			.param("creditor", this.creditor.id().value())
			.query(Long.class)
			.single();
		update("""
				CREATE TEMP TABLE import_work ON COMMIT DROP AS
				SELECT s.*, r.customer_id, a.id AS account_id, coalesce(a.id, %s) AS target_id,
				    CASE WHEN a.id IS NULL THEN 'CREATED'
				         WHEN r.changed
				           OR (a.placed_principal, a.placed_interest, a.placed_fees, a.placed_overdue, a.oldest_due_date,
				               a.product, a.original_amount, a.installment_amount, a.open_date, a.charge_off_date,
				               a.customer_id)
				              IS DISTINCT FROM
				              (s.principal, s.interest, s.fees, s.overdue, s.oldest_due_date, s.product, s.original_amount,
				               s.installment_amount, s.open_date, s.charge_off_date, r.customer_id)
				           OR (s.last_payment_date IS NOT NULL AND s.last_payment_date IS DISTINCT FROM a.last_payment_date)
				           OR (s.last_payment_amount IS NOT NULL AND s.last_payment_amount IS DISTINCT FROM a.last_payment_amount)
				         THEN 'UPDATED' ELSE 'UNCHANGED' END AS outcome
				FROM portfolio_import_staging s
				JOIN portfolio_import_customers r ON r.customer_ref = s.customer_ref
				LEFT JOIN portfolio_accounts a ON a.creditor_id = :creditor AND a.account_ref = s.account_ref"""
			.formatted(BulkIds.sql("accountIds", "s.line")));
		update("ANALYZE import_work");
	}

	/**
	 * The rows {@link #createNewAccounts} needs, as a query for another session: the
	 * columns of {@link #NEW_ACCOUNT_COLUMNS}.
	 */
	static final String NEW_ACCOUNTS = """
			SELECT line, account_ref, customer_id, target_id, principal, interest, fees, overdue, oldest_due_date,
			    product, original_amount, installment_amount, open_date, charge_off_date, last_payment_date,
			    last_payment_amount
			FROM import_work WHERE outcome = 'CREATED'""";

	/** The columns of {@link #NEW_ACCOUNTS}, as a table defines them. */
	static final String NEW_ACCOUNT_COLUMNS = """
			line int NOT NULL, account_ref text NOT NULL, customer_id uuid NOT NULL, target_id uuid NOT NULL,
			principal numeric(19,4) NOT NULL, interest numeric(19,4) NOT NULL, fees numeric(19,4) NOT NULL,
			overdue numeric(19,4) NOT NULL, oldest_due_date date, product text, original_amount numeric(19,4),
			installment_amount numeric(19,4), open_date date, charge_off_date date, last_payment_date date,
			last_payment_amount numeric(19,4)""";

	/**
	 * Places the new accounts of {@code import_work}; their customers must be written.
	 */
	void createNewAccounts() {
		createNewAccounts("(SELECT * FROM import_work WHERE outcome = 'CREATED')");
	}

	/**
	 * Writes what is left once the customers are: a known account whose customer gained a
	 * contact point is updated too; known accounts get their adjustments and figures.
	 */
	void finish(ImportCustomers customers) {
		if (customers.anyGained()) {
			update("ANALYZE portfolio_import_gained");
			update("""
					UPDATE import_work w SET outcome = 'UPDATED' FROM portfolio_import_gained g
					WHERE w.outcome = 'UNCHANGED' AND g.customer_id = w.customer_id""");
		}
		updateKnownAccounts();
	}

	/**
	 * Places new accounts: each with its first bucket move and a placement entry.
	 * @param rows a table or subquery with the columns of {@link #NEW_ACCOUNTS}, one row
	 * per account to place
	 */
	void createNewAccounts(String rows) {
		// Days past due and bucket are computed as the account is inserted (the rule of
		// Aging, in
		// the creditor's calendar), so new accounts need no second pass.
		update("""
				WITH inserted AS (
				    INSERT INTO portfolio_accounts (id, creditor_id, customer_id, account_ref, product, currency, principal,
				        interest, fees, credit, overdue_amount, oldest_due_date, days_past_due, bucket, status,
				        original_amount, installment_amount, open_date, charge_off_date, last_payment_date,
				        last_payment_amount, placed_at, updated_at, placed_principal, placed_interest, placed_fees,
				        placed_overdue)
				    SELECT w.target_id, :creditor, w.customer_id, w.account_ref, w.product, :currency, w.principal,
				        w.interest, w.fees, 0, w.overdue, w.oldest_due_date, d.dpd, b.label,
				        CASE WHEN w.principal + w.interest + w.fees = 0 THEN 'PAID' ELSE 'ACTIVE' END,
				        w.original_amount, w.installment_amount, w.open_date, w.charge_off_date, w.last_payment_date,
				        w.last_payment_amount, :now, :now, w.principal, w.interest, w.fees, w.overdue
				    FROM %s w
				    CROSS JOIN LATERAL (SELECT CASE WHEN w.overdue > 0 AND w.oldest_due_date IS NOT NULL
				        THEN greatest(CAST(:today AS date) - w.oldest_due_date, 0) ELSE 0 END AS dpd) d
				    JOIN portfolio_bucket_bands b ON b.scheme = :scheme AND d.dpd >= b.min_dpd
				        AND (b.max_dpd IS NULL OR d.dpd <= b.max_dpd)
				    ORDER BY w.line
				    RETURNING id, bucket, days_past_due
				)
				INSERT INTO portfolio_bucket_moves (account_id, from_bucket, to_bucket, days_past_due, moved_on, recorded_at)
				SELECT id, NULL, bucket, days_past_due, :today, :now FROM inserted"""
			.formatted(rows));
		update("""
				INSERT INTO portfolio_ledger_entries (id, account_id, entry_type, currency, principal, interest, fees, credit,
				    overdue, effective_date, recorded_at, source, source_ref, recorded_by)
				SELECT %s, w.target_id, 'PLACEMENT', :currency, w.principal, w.interest, w.fees, 0, w.overdue,
				       :today, :now, 'IMPORT', :file, :who
				FROM %s w ORDER BY w.line"""
			.formatted(BulkIds.sql("placementIds", "w.line"), rows));
	}

	private void updateKnownAccounts() {
		// The creditor's movement per component, never taking a balance below zero.
		update("""
				WITH moves AS (
				    SELECT w.line, a.id AS account_id,
				           greatest(a.principal + w.principal - a.placed_principal, 0) - a.principal AS p,
				           greatest(a.interest + w.interest - a.placed_interest, 0) - a.interest AS i,
				           greatest(a.fees + w.fees - a.placed_fees, 0) - a.fees AS f,
				           greatest(a.overdue_amount + w.overdue - a.placed_overdue, 0) - a.overdue_amount AS o
				    FROM import_work w JOIN portfolio_accounts a ON a.id = w.account_id
				    WHERE w.outcome = 'UPDATED'
				), entries AS (
				    INSERT INTO portfolio_ledger_entries (id, account_id, entry_type, currency, principal, interest, fees,
				        credit, overdue, effective_date, recorded_at, source, source_ref, recorded_by)
				    SELECT %s, m.account_id, 'ADJUSTMENT', :currency, x.p, x.i, x.f, 0, x.o, :today, :now,
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
				WHERE a.id = t.account_id"""
			.formatted(BulkIds.sql("adjustmentIds", "m.line * 8 + x.n")));
		update("""
				UPDATE portfolio_accounts a SET placed_principal = w.principal, placed_interest = w.interest,
				    placed_fees = w.fees, placed_overdue = w.overdue, oldest_due_date = w.oldest_due_date,
				    product = w.product, original_amount = w.original_amount, installment_amount = w.installment_amount,
				    open_date = w.open_date, charge_off_date = w.charge_off_date,
				    last_payment_date = coalesce(w.last_payment_date, a.last_payment_date),
				    last_payment_amount = coalesce(w.last_payment_amount, a.last_payment_amount),
				    customer_id = w.customer_id, updated_at = :now,
				    status = CASE WHEN a.status = 'ACTIVE' AND a.principal + a.interest + a.fees = 0 THEN 'PAID'
				                  WHEN a.status = 'PAID' AND a.principal + a.interest + a.fees > 0 THEN 'ACTIVE'
				                  ELSE a.status END
				FROM import_work w
				WHERE w.outcome = 'UPDATED' AND a.id = w.account_id""");
	}

	/** Counts of the rows by outcome. */
	int count(String outcome) {
		return this.jdbc.sql("SELECT count(*) FROM import_work WHERE outcome = :o")
			.param("o", outcome)
			.query(Integer.class)
			.single();
	}

	/** Runs a statement; parameters it does not name are ignored. */
	private void update(String sql) {
		long started = System.nanoTime();
		int rows = this.jdbc.sql(sql).params(this.params).update();
		if (log.isDebugEnabled()) {
			log.debug("{} rows in {} ms: {}", rows, (System.nanoTime() - started) / 1_000_000,
					sql.strip().lines().limit(2).map(String::strip).collect(Collectors.joining(" ")));
		}
	}

}
