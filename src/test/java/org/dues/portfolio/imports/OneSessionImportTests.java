package org.dues.portfolio.imports;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.dues.IntegrationTest;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.portfolio.NewCreditor;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code dues.imports.two-sessions=off}, an import that creates accounts writes
 * everything in its own transaction, on a server that would allow two sessions. (In
 * chunks of 500 rows with every batch of progress written: the settings of
 * {@link ImportProgressTests}, so both share one application.)
 */
@IntegrationTest
@TestPropertySource(properties = { ImportProgressTests.ONE_SESSION, ImportProgressTests.SMALL_CHUNKS,
		ImportProgressTests.EVERY_BATCH })
class OneSessionImportTests {

	@Autowired
	AllocationImports imports;

	@Autowired
	Creditors creditors;

	@Autowired
	JdbcClient jdbc;

	@Test
	void newCustomersAccountsAndTheImportsCompletionCommitInOneTransaction() throws Exception {
		assertThat(NewRowsSession.possible(this.jdbc)).as("the server would allow two sessions").isTrue();
		CreditorView creditor = this.creditors
			.create(new NewCreditor("ONE-1", "One session", "IN", "INR", "IN", "Asia/Kolkata", null, null));

		ImportView done = ImportClient.await(this.imports,
				this.imports.start("ONE-1", "one.csv", file(), null, "tester").id());

		assertThat(done.status()).isEqualTo(ImportView.ImportStatus.COMPLETED);
		assertThat(done.rowsCreated()).isEqualTo(3);
		assertThat(this.jdbc
			.sql("""
					SELECT count(DISTINCT x) FROM (
					    SELECT c.xmin::text AS x FROM customer_customers c WHERE c.creditor_id = :c
					    UNION ALL SELECT p.xmin::text FROM customer_phones p JOIN customer_customers c ON c.id = p.customer_id
					        WHERE c.creditor_id = :c
					    UNION ALL SELECT a.xmin::text FROM portfolio_accounts a WHERE a.creditor_id = :c
					    UNION ALL SELECT l.xmin::text FROM portfolio_ledger_entries l
					        JOIN portfolio_accounts a ON a.id = l.account_id WHERE a.creditor_id = :c
					    UNION ALL SELECT i.xmin::text FROM portfolio_imports i WHERE i.id = :i) t""")
			.param("c", creditor.id().value())
			.param("i", done.id())
			.query(Integer.class)
			.single()).isEqualTo(1);

		// a known customer's new number makes its row updated, in one session too
		String changed = new String(file().readAllBytes(), StandardCharsets.UTF_8).replace("0474 2751234",
				"0484 2345678");
		ImportView again = ImportClient.await(this.imports,
				this.imports
					.start("ONE-1", "one.csv", new ByteArrayInputStream(changed.getBytes(StandardCharsets.UTF_8)), null,
							"tester")
					.id());
		assertThat(again.rowsUpdated()).isEqualTo(1);
		assertThat(again.rowsUnchanged()).isEqualTo(2);
	}

	private static ByteArrayInputStream file() throws Exception {
		return new ByteArrayInputStream(Files.readAllBytes(Path.of("src/test/resources/imports/messy-lender.csv")));
	}

}
