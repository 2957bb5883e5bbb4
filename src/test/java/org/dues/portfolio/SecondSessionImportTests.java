package org.dues.portfolio;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.UUID;

import javax.sql.DataSource;

import org.dues.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * New accounts placed in a second session ({@link NewAccountsSession}) commit with the
 * import or not at all, and what a stop leaves prepared is settled by the import's status
 * ({@link PreparedImports}).
 */
@IntegrationTest
class SecondSessionImportTests {

	@Autowired
	AllocationImports imports;

	@Autowired
	Creditors creditors;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	ImportRunFactory runs;

	@AfterEach
	void dropSabotage() {
		this.jdbc.sql("ALTER TABLE portfolio_accounts DROP CONSTRAINT IF EXISTS sabotage").update();
	}

	@Test
	void newAccountsAreWrittenByASecondTransactionThatCommitsWithTheImport() throws Exception {
		CreditorView creditor = creditor("TWO-1");
		ImportView done = await(this.imports.start("TWO-1", "two.csv", messyFile(), null, "tester").id());

		assertThat(done.status()).isEqualTo(ImportView.ImportStatus.COMPLETED);
		assertThat(done.rowsCreated()).isEqualTo(3);
		// Customers by the import's own transaction, accounts and their ledger by the
		// second one.
		assertThat(this.jdbc.sql("""
				SELECT count(DISTINCT x) FROM (
				    SELECT xmin::text AS x FROM customer_customers WHERE creditor_id = :c
				    UNION ALL SELECT a.xmin::text FROM portfolio_accounts a WHERE a.creditor_id = :c
				    UNION ALL SELECT l.xmin::text FROM portfolio_ledger_entries l
				        JOIN portfolio_accounts a ON a.id = l.account_id WHERE a.creditor_id = :c) t""")
			.param("c", creditor.id().value())
			.query(Integer.class)
			.single()).isEqualTo(2);
		assertThat(count("SELECT count(*) FROM portfolio_accounts WHERE creditor_id = :c", creditor)).isEqualTo(3);
		assertThat(
				count("""
						SELECT count(*) FROM portfolio_accounts a
						WHERE a.creditor_id = :c AND NOT EXISTS (SELECT 1 FROM customer_customers c WHERE c.id = a.customer_id)""",
						creditor))
			.isZero();
		assertNothingLeft(done.id());

		ImportView again = await(this.imports.start("TWO-1", "two.csv", messyFile(), null, "tester").id());
		assertThat(again.rowsUnchanged()).isEqualTo(3);
		assertThat(again.rowsCreated()).isZero();
	}

	@Test
	void whenTheSecondSessionFailsTheImportChangesNothing() throws Exception {
		CreditorView creditor = creditor("TWO-2");
		// A constraint only the second session's insert of accounts can break (it holds
		// for every row written before).
		this.jdbc.sql("""
				ALTER TABLE portfolio_accounts ADD CONSTRAINT sabotage
				CHECK (account_ref <> 'NI-1' OR creditor_id <> '%s') NOT VALID""".formatted(creditor.id().value()))
			.update();

		ImportView done = await(this.imports.start("TWO-2", "boom.csv", messyFile(), null, "tester").id());

		assertThat(done.status()).isEqualTo(ImportView.ImportStatus.FAILED);
		assertThat(done.message()).contains("changed nothing").contains("sabotage");
		assertThat(count("SELECT count(*) FROM customer_customers WHERE creditor_id = :c", creditor)).isZero();
		assertThat(count("SELECT count(*) FROM portfolio_accounts WHERE creditor_id = :c", creditor)).isZero();
		assertNothingLeft(done.id());
	}

	@Test
	void aStopAfterTheImportCommittedIsFinishedOnTheNextStart() throws Exception {
		CreditorView creditor = creditor("TWO-3");
		UUID completed = importRow(creditor, "COMPLETED");
		UUID customer = UUID.randomUUID();
		prepare(completed, customer, "LEFT-1");

		this.runs.failInterruptedImports();

		assertThat(count("SELECT count(*) FROM customer_customers WHERE creditor_id = :c", creditor)).isEqualTo(1);
		assertNothingLeft(completed);
	}

	@Test
	void aStopBeforeTheImportCommittedIsUndoneOnTheNextStart() throws Exception {
		CreditorView creditor = creditor("TWO-4");
		UUID running = importRow(creditor, "RUNNING");
		prepare(running, UUID.randomUUID(), "LEFT-2");

		this.runs.failInterruptedImports();

		assertThat(this.imports.get(running).status()).isEqualTo(ImportView.ImportStatus.FAILED);
		assertThat(count("SELECT count(*) FROM customer_customers WHERE creditor_id = :c", creditor)).isZero();
		assertNothingLeft(running);
	}

	@Test
	void theNextImportOfTheCreditorSettlesWhatAStopLeft() throws Exception {
		CreditorView creditor = creditor("TWO-5");
		UUID failed = importRow(creditor, "FAILED");
		prepare(failed, UUID.randomUUID(), "C-1");

		ImportView done = await(this.imports.start("TWO-5", "next.csv", messyFile(), null, "tester").id());

		// Had the leftover customer C-1 been kept (or still been waiting), the import
		// would have found it or blocked on it.
		assertThat(done.status()).isEqualTo(ImportView.ImportStatus.COMPLETED);
		assertThat(done.rowsCreated()).isEqualTo(3);
		assertThat(count("SELECT count(*) FROM customer_customers WHERE creditor_id = :c AND name = 'left behind'",
				creditor))
			.isZero();
		assertNothingLeft(failed);
	}

	/**
	 * What a stop leaves: a prepared transaction of the import and its handover table.
	 */
	private void prepare(UUID importId, UUID customer, String customerRef) throws Exception {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			connection.setAutoCommit(true);
			statement.execute("CREATE UNLOGGED TABLE " + NewAccountsSession.handoverTable(importId) + " (line int)");
			statement.execute("BEGIN");
			statement.execute("""
					INSERT INTO customer_customers (id, creditor_id, customer_ref, kind, name, created_at, updated_at)
					SELECT '%s', creditor_id, '%s', 'PERSON', 'left behind', now(), now()
					FROM portfolio_imports WHERE id = '%s'""".formatted(customer, customerRef, importId));
			statement.execute("PREPARE TRANSACTION '" + NewAccountsSession.GID_PREFIX + importId + "'");
		}
	}

	private void assertNothingLeft(UUID importId) {
		assertThat(this.jdbc.sql("SELECT count(*) FROM pg_prepared_xacts WHERE gid = :gid")
			.param("gid", NewAccountsSession.GID_PREFIX + importId)
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("SELECT to_regclass(:t) IS NULL")
			.param("t", NewAccountsSession.handoverTable(importId))
			.query(Boolean.class)
			.single()).isTrue();
	}

	private CreditorView creditor(String code) {
		return this.creditors
			.create(new NewCreditor(code, "Second session " + code, "IN", "INR", "IN", "Asia/Kolkata", null, null));
	}

	private UUID importRow(CreditorView creditor, String status) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO portfolio_imports (id, creditor_id, file_name, file_format, status, created_by, started_at)
				VALUES (:id, :c, 'big.csv', 'CSV', :status, 'tester', :at)""")
			.param("id", id)
			.param("c", creditor.id().value())
			.param("status", status)
			.param("at", OffsetDateTime.parse("2026-11-26T09:00:00Z"))
			.update();
		return id;
	}

	private static ByteArrayInputStream messyFile() throws Exception {
		return new ByteArrayInputStream(Files.readAllBytes(Path.of("src/test/resources/imports/messy-lender.csv")));
	}

	private ImportView await(UUID id) throws InterruptedException {
		for (int i = 0; i < 400; i++) {
			ImportView view = this.imports.get(id);
			if (view.status() != ImportView.ImportStatus.RUNNING) {
				return view;
			}
			Thread.sleep(25);
		}
		throw new AssertionError("import did not finish");
	}

	private int count(String sql, CreditorView creditor) {
		return this.jdbc.sql(sql).param("c", creditor.id().value()).query(Integer.class).single();
	}

}
