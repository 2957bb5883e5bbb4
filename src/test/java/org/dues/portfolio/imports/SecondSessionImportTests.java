package org.dues.portfolio.imports;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.UUID;

import javax.sql.DataSource;

import org.dues.IntegrationTest;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.portfolio.NewCreditor;
import org.dues.system.DatabaseServer;
import org.dues.system.Superuser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * New accounts placed in a second session ({@link NewRowsSession}) commit with the import
 * or not at all, and what a stop leaves prepared is settled by the import's status
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

	@Autowired
	DatabaseServer server;

	/** Sabotage takes an administrator of the database: the application may not. */
	private JdbcClient admin() {
		return JdbcClient.create(Superuser.of(this.server));
	}

	@AfterEach
	void dropSabotage() {
		admin().sql("ALTER TABLE portfolio_accounts DROP CONSTRAINT IF EXISTS sabotage").update();
	}

	@Test
	void newAccountsAreWrittenByASecondTransactionThatCompletesTheImport() throws Exception {
		CreditorView creditor = creditor("TWO-1");
		ImportView done = await(this.imports.start("TWO-1", "two.csv", messyFile(), null, "tester").id());

		assertThat(done.status()).isEqualTo(ImportView.ImportStatus.COMPLETED);
		assertThat(done.rowsCreated()).isEqualTo(3);
		// New accounts, their ledger and the import's completion by the second
		// transaction; the customers and their contact points by the import's own,
		// through the customer module.
		assertThat(this.jdbc.sql("""
				SELECT count(DISTINCT x) FROM (
				    SELECT a.xmin::text AS x FROM portfolio_accounts a WHERE a.creditor_id = :c
				    UNION ALL SELECT l.xmin::text FROM portfolio_ledger_entries l
				        JOIN portfolio_accounts a ON a.id = l.account_id WHERE a.creditor_id = :c
				    UNION ALL SELECT i.xmin::text FROM portfolio_imports i WHERE i.id = :i) t""")
			.param("c", creditor.id().value())
			.param("i", done.id())
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc
			.sql("""
					SELECT count(DISTINCT x) FROM (
					    SELECT c.xmin::text AS x FROM customer_customers c WHERE c.creditor_id = :c
					    UNION ALL SELECT p.xmin::text FROM customer_phones p JOIN customer_customers c ON c.id = p.customer_id
					        WHERE c.creditor_id = :c) t""")
			.param("c", creditor.id().value())
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM portfolio_accounts a JOIN customer_customers c ON c.id = a.customer_id
				WHERE c.creditor_id = :c AND a.xmin = c.xmin""")
			.param("c", creditor.id().value())
			.query(Integer.class)
			.single()).isZero();
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
		admin().sql("""
				ALTER TABLE portfolio_accounts ADD CONSTRAINT sabotage
				CHECK (account_ref <> 'NI-1' OR creditor_id <> '%s') NOT VALID""".formatted(creditor.id().value()))
			.update();

		ImportView done = await(this.imports.start("TWO-2", "boom.csv", messyFile(), null, "tester").id());

		assertThat(done.status()).isEqualTo(ImportView.ImportStatus.FAILED);
		// the database's words stay in the server log
		assertThat(done.message()).contains("changed nothing", "server log").doesNotContain("sabotage", "ERROR");
		assertThat(count("SELECT count(*) FROM customer_customers WHERE creditor_id = :c", creditor)).isZero();
		assertThat(count("SELECT count(*) FROM portfolio_accounts WHERE creditor_id = :c", creditor)).isZero();
		assertNothingLeft(done.id());
	}

	@Test
	void aStopAfterTheImportsOwnTransactionCommittedIsFinishedOnTheNextStart() throws Exception {
		CreditorView creditor = creditor("TWO-3");
		UUID running = importRow(creditor, "RUNNING");
		prepare(running, "LEFT-1", transaction(true));

		this.runs.failInterruptedImports();

		assertThat(this.imports.get(running).status()).isEqualTo(ImportView.ImportStatus.COMPLETED);
		assertThat(count("SELECT count(*) FROM customer_customers WHERE creditor_id = :c", creditor)).isEqualTo(1);
		assertNothingLeft(running);
	}

	@Test
	void aStopBeforeTheImportsOwnTransactionCommittedIsUndoneOnTheNextStart() throws Exception {
		CreditorView creditor = creditor("TWO-4");
		UUID running = importRow(creditor, "RUNNING");
		prepare(running, "LEFT-2", transaction(false));

		this.runs.failInterruptedImports();

		assertThat(this.imports.get(running).status()).isEqualTo(ImportView.ImportStatus.FAILED);
		assertThat(count("SELECT count(*) FROM customer_customers WHERE creditor_id = :c", creditor)).isZero();
		assertNothingLeft(running);
	}

	@Test
	void whileTheImportsOwnTransactionRunsItsPreparedHalfIsLeftAlone() throws Exception {
		CreditorView creditor = creditor("TWO-6");
		UUID running = importRow(creditor, "RUNNING");
		try (Connection own = this.dataSource.getConnection(); Statement statement = own.createStatement()) {
			own.setAutoCommit(false);
			prepare(running, "LEFT-3", currentTransaction(statement));

			PreparedImports.settle(this.dataSource, null);
			assertThat(this.jdbc.sql("SELECT count(*) FROM pg_prepared_xacts WHERE starts_with(gid, :gid)")
				.param("gid", NewRowsSession.GID_PREFIX + running)
				.query(Integer.class)
				.single()).isEqualTo(1);

			own.commit();
		}
		PreparedImports.settle(this.dataSource, null);
		assertThat(this.imports.get(running).status()).isEqualTo(ImportView.ImportStatus.COMPLETED);
		assertNothingLeft(running);
	}

	@Test
	void theNextImportOfTheCreditorSettlesWhatAStopLeft() throws Exception {
		CreditorView creditor = creditor("TWO-5");
		UUID stopped = importRow(creditor, "FAILED");
		prepare(stopped, "C-1", transaction(false));

		ImportView done = await(this.imports.start("TWO-5", "next.csv", messyFile(), null, "tester").id());

		// Had the leftover customer C-1 been kept (or still been waiting), the import
		// would have found it or blocked on it.
		assertThat(done.status()).isEqualTo(ImportView.ImportStatus.COMPLETED);
		assertThat(done.rowsCreated()).isEqualTo(3);
		assertThat(count("SELECT count(*) FROM customer_customers WHERE creditor_id = :c AND name = 'left behind'",
				creditor))
			.isZero();
		assertNothingLeft(stopped);
	}

	@Test
	void aSessionPreparedAfterTheImportsOwnTransactionCommittedIsCommittedWhenClosed() throws Exception {
		CreditorView creditor = creditor("TWO-7");
		UUID running = importRow(creditor, "RUNNING");
		// As when the import's commit reached the server but its answer was lost.
		closeUncommitted(running, creditor, transaction(true));

		assertThat(this.imports.get(running).status()).isEqualTo(ImportView.ImportStatus.COMPLETED);
		assertThat(count("SELECT count(*) FROM customer_customers WHERE creditor_id = :c AND name = 'handed over'",
				creditor))
			.isEqualTo(1);
		assertNothingLeft(running);
	}

	@Test
	void aSessionPreparedForAnImportWhoseOwnTransactionRolledBackIsUndoneWhenClosed() throws Exception {
		CreditorView creditor = creditor("TWO-8");
		UUID running = importRow(creditor, "RUNNING");
		closeUncommitted(running, creditor, transaction(false));

		assertThat(this.imports.get(running).status()).isEqualTo(ImportView.ImportStatus.RUNNING);
		assertThat(count("SELECT count(*) FROM customer_customers WHERE creditor_id = :c", creditor)).isZero();
		assertNothingLeft(running);
	}

	/**
	 * Hands a customer to a second session, which writes it and completes the import, and
	 * closes the session prepared, as an import does whose own transaction then fails or
	 * commits without saying so.
	 */
	private void closeUncommitted(UUID importId, CreditorView creditor, long importTransaction) {
		try (NewRowsSession session = NewRowsSession.open(this.dataSource, importId)) {
			session.hand("SELECT CAST('%s' AS uuid), CAST('HANDED' AS text)".formatted(UUID.randomUUID()),
					"id uuid, ref text",
					(other, table) -> other
						.sql("""
								INSERT INTO customer_customers (id, creditor_id, customer_ref, kind, name, created_at, updated_at)
								SELECT id, :c, ref, 'PERSON', 'handed over', now(), now() FROM %s"""
							.formatted(table))
						.param("c", creditor.id().value())
						.update());
			session.start();
			session.prepare(importTransaction,
					(other) -> other.sql("UPDATE portfolio_imports SET status = 'COMPLETED' WHERE id = :id")
						.param("id", importId)
						.update());
		}
	}

	/** The id of the statement's open transaction, given one. */
	private static long currentTransaction(Statement statement) throws Exception {
		ResultSet rs = statement.executeQuery("SELECT pg_current_xact_id()::text::bigint");
		rs.next();
		return rs.getLong(1);
	}

	/** The id of a transaction that committed or rolled back. */
	private long transaction(boolean commit) throws Exception {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			connection.setAutoCommit(false);
			long id = currentTransaction(statement);
			if (commit) {
				connection.commit();
			}
			else {
				connection.rollback();
			}
			return id;
		}
	}

	/**
	 * What a stop leaves of the second session: a prepared transaction that completes the
	 * import with a new customer, named after the import's own transaction, and a
	 * handover table.
	 */
	private void prepare(UUID importId, String customerRef, long importTransaction) throws Exception {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			connection.setAutoCommit(true);
			statement.execute("CREATE UNLOGGED TABLE " + NewRowsSession.HANDOVER_SCHEMA + "."
					+ NewRowsSession.handoverTables(importId) + "_1 (line int)");
			statement.execute("BEGIN");
			statement.execute("""
					INSERT INTO customer_customers (id, creditor_id, customer_ref, kind, name, created_at, updated_at)
					SELECT '%s', creditor_id, '%s', 'PERSON', 'left behind', now(), now()
					FROM portfolio_imports WHERE id = '%s'""".formatted(UUID.randomUUID(), customerRef, importId));
			statement.execute("UPDATE portfolio_imports SET status = 'COMPLETED' WHERE id = '%s'".formatted(importId));
			statement.execute(
					"PREPARE TRANSACTION '%s%s/%d'".formatted(NewRowsSession.GID_PREFIX, importId, importTransaction));
		}
	}

	private void assertNothingLeft(UUID importId) {
		assertThat(this.jdbc.sql("SELECT count(*) FROM pg_prepared_xacts WHERE starts_with(gid, :gid)")
			.param("gid", NewRowsSession.GID_PREFIX + importId)
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM pg_tables WHERE starts_with(tablename, :t)")
			.param("t", NewRowsSession.handoverTables(importId))
			.query(Integer.class)
			.single()).isZero();
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
		return ImportClient.await(this.imports, id);
	}

	private int count(String sql, CreditorView creditor) {
		return this.jdbc.sql(sql).param("c", creditor.id().value()).query(Integer.class).single();
	}

}
