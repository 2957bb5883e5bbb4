package org.dues.portfolio.imports;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.UUID;

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
 * An import either completes or leaves no trace.
 */
@IntegrationTest
class InterruptedImportTests {

	@Autowired
	AllocationImports imports;

	@Autowired
	Creditors creditors;

	@Autowired
	JdbcClient jdbc;

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
		admin().sql("DROP TRIGGER IF EXISTS sabotage ON portfolio_ledger_entries").update();
	}

	@Test
	void anImportThatFailsHalfwayLeavesNoTrace() throws Exception {
		CreditorView creditor = this.creditors
			.create(new NewCreditor("INT-1", "Interrupted", "IN", "INR", "IN", "Asia/Kolkata", null, null));
		// Fails the import after its rows are staged and its customers merged, when the
		// ledger is written.
		admin().sql("""
				CREATE OR REPLACE FUNCTION sabotage() RETURNS trigger AS $$
				BEGIN
				    IF NEW.source_ref = 'boom.csv' THEN RAISE EXCEPTION 'disk on fire'; END IF;
				    RETURN NEW;
				END $$ LANGUAGE plpgsql""").update();
		admin().sql(
				"CREATE TRIGGER sabotage BEFORE INSERT ON portfolio_ledger_entries FOR EACH ROW EXECUTE FUNCTION sabotage()")
			.update();
		byte[] file = Files.readAllBytes(Path.of("src/test/resources/imports/messy-lender.csv"));
		ImportView started = this.imports.start("INT-1", "boom.csv", new java.io.ByteArrayInputStream(file), null,
				"tester");
		ImportView done = await(started.id());

		assertThat(done.status()).isEqualTo(ImportView.ImportStatus.FAILED);
		// the database's words stay in the server log
		assertThat(done.message()).contains("changed nothing", "server log").doesNotContain("disk on fire", "ERROR");
		assertThat(count("SELECT count(*) FROM portfolio_accounts WHERE creditor_id = :c", creditor)).isZero();
		assertThat(count("SELECT count(*) FROM customer_customers WHERE creditor_id = :c", creditor)).isZero();
		assertThat(
				count("SELECT count(*) FROM portfolio_import_issues i JOIN portfolio_imports m ON m.id = i.import_id "
						+ "WHERE m.creditor_id = :c", creditor))
			.isZero();

		dropSabotage();
		ImportView retried = await(
				this.imports.start("INT-1", "retry.csv", new java.io.ByteArrayInputStream(file), null, "tester").id());
		assertThat(retried.status()).isEqualTo(ImportView.ImportStatus.COMPLETED);
		assertThat(retried.rowsCreated()).isEqualTo(3);
	}

	@Test
	void anImportCutShortByAStopIsMarkedFailedOnTheNextStart() throws Exception {
		CreditorView creditor = this.creditors
			.create(new NewCreditor("INT-2", "Stopped", "IN", "INR", "IN", "Asia/Kolkata", null, null));
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO portfolio_imports (id, creditor_id, file_name, file_format, status, created_by, started_at)
				VALUES (:id, :c, 'big.csv', 'CSV', 'RUNNING', 'tester', :at)""")
			.param("id", id)
			.param("c", creditor.id().value())
			.param("at", OffsetDateTime.parse("2026-11-26T09:00:00Z"))
			.update();
		// the file the stopped import was reading, with national ids in clear
		Path file = this.files.file(id, AllocationFile.Format.CSV);
		this.files.store(id, AllocationFile.Format.CSV, new java.io.ByteArrayInputStream("national_id\n".getBytes()));
		this.runs.failInterruptedImports();
		ImportView view = this.imports.get(id);
		assertThat(view.status()).isEqualTo(ImportView.ImportStatus.FAILED);
		assertThat(view.message()).contains("interrupted").contains("nothing of it was applied");
		assertThat(file).as("a failed import's file goes at once, not at the next hourly purge").doesNotExist();
	}

	@Autowired
	ImportFiles files;

	private ImportView await(UUID id) throws InterruptedException {
		return ImportClient.await(this.imports, id);
	}

	private int count(String sql, CreditorView creditor) {
		return this.jdbc.sql(sql).param("c", creditor.id().value()).query(Integer.class).single();
	}

}
