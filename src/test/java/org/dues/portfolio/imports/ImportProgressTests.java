package org.dues.portfolio.imports;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;

import javax.sql.DataSource;

import org.dues.IntegrationTest;
import org.dues.Portfolios;
import org.dues.portfolio.CreditorView;
import org.dues.system.JobProgress;
import org.dues.system.ProgressView;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An import's progress, kept in the database in batches: rows read and checked a chunk at
 * a time (chunks of 500 rows here, every batch written), the merge in its steps, and 100%
 * with the counts at the end; and the bar on the import's page and the Imports page while
 * it runs. The import is held in its merge by a lock on an account it knows, as another
 * node's reader would see it.
 */
@IntegrationTest
@TestPropertySource(properties = { ImportProgressTests.ONE_SESSION, ImportProgressTests.SMALL_CHUNKS,
		ImportProgressTests.EVERY_BATCH })
class ImportProgressTests {

	static final String ONE_SESSION = "dues.imports.two-sessions=off";

	static final String SMALL_CHUNKS = "dues.imports.chunk-rows=500";

	static final String EVERY_BATCH = "dues.progress.interval=0s";

	static final int ROWS = 3000;

	@Autowired
	AllocationImports imports;

	@Autowired
	JobProgress progress;

	@Autowired
	Portfolios portfolios;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void theProgressMovesInBatchesWhileTheImportRunsAndEndsAtAHundredPercentWithItsCounts() throws Exception {
		CreditorView creditor = this.portfolios.indianNbfc();
		// an account the big file names again: the merge locks it before it reads it
		UUID first = this.imports.start(creditor.code(), "first.csv", csv(1), null, "tester").id();
		assertThat(awaitEnd(first).status()).isEqualTo(ImportView.ImportStatus.COMPLETED);
		String known = this.jdbc.sql("SELECT id::text FROM portfolio_accounts WHERE creditor_id = :c")
			.param("c", creditor.id().value())
			.query(String.class)
			.single();

		UUID id;
		try (Connection holder = this.dataSource.getConnection()) {
			holder.setAutoCommit(false);
			try (PreparedStatement lock = holder
				.prepareStatement("SELECT 1 FROM portfolio_accounts WHERE id = CAST(? AS uuid) FOR UPDATE")) {
				lock.setString(1, known);
				lock.executeQuery().close();
			}
			id = this.imports.start(creditor.code(), "big.csv", csv(ROWS), null, "tester").id();
			awaitWaitingOnALock();

			// read and checked whole, a chunk at a time, and the merge begun: half the
			// work
			ProgressView held = this.progress.find(id).orElseThrow();
			assertThat(held.status()).isEqualTo(ProgressView.Status.RUNNING);
			assertThat(held.phase()).isEqualTo("merging");
			assertThat(held.count("read")).isEqualTo(ROWS);
			assertThat(held.count("checked")).isEqualTo(ROWS);
			assertThat(held.count("rejected")).isEqualTo(ROWS / 100);
			assertThat(held.count("merged")).isZero();
			assertThat(held.percent()).isEqualTo(50);
			// a write per chunk of 500 and one entering the merge: batches, not rows
			assertThat(held.updates()).isBetween(ROWS / 500 + 1, ROWS / 500 + 3);

			// the import's page shows the bar, and keeps asking every second
			this.mvc.perform(get("/imports/{id}/progress", id).with(user("manager").roles("MANAGER")))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("hx-trigger=\"every 1s\"")))
				.andExpect(content().string(containsString("<progress class=\"w-100\" max=\"100\" value=\"50\"")))
				.andExpect(content().string(containsString("Writing customers, accounts and ledger entries")))
				.andExpect(content().string(containsString("3,000 rows read")))
				.andExpect(content().string(containsString("30 rejected")))
				.andExpect(content().string(containsString("0 merged")));
			// the API's report counts the rows read so far from it
			this.mvc.perform(get("/api/v1/imports/{id}", id).with(httpBasic("admin", "admin-secret")))
				.andExpect(jsonPath("$.status").value("RUNNING"))
				.andExpect(jsonPath("$.rowsRead").value(ROWS));
			// so does the Imports page, for any import running
			this.mvc.perform(get("/imports").with(user("admin").roles("ADMIN")))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("data-progress=\"" + id + "\"")))
				.andExpect(content().string(containsString("hx-get=\"/imports/recent\"")));
			holder.rollback();
		}

		ImportView done = awaitEnd(id);
		assertThat(done.status()).isEqualTo(ImportView.ImportStatus.COMPLETED);
		// the import is on record as completed a moment before its progress says so
		ProgressView end = this.progress.find(id).orElseThrow();
		for (int i = 0; i < 100 && end.status() == ProgressView.Status.RUNNING; i++) {
			Thread.sleep(50);
			end = this.progress.find(id).orElseThrow();
		}
		assertThat(end.status()).isEqualTo(ProgressView.Status.COMPLETED);
		assertThat(end.percent()).isEqualTo(100);
		assertThat(end.done()).isEqualTo(end.total()).isEqualTo(2L * ROWS);
		assertThat(end.count("read")).isEqualTo(ROWS);
		assertThat(end.count("rejected")).isEqualTo(ROWS / 100);
		assertThat(end.count("merged")).isEqualTo(done.rowsAccepted()).isEqualTo(ROWS - ROWS / 100);
		assertThat(end.finishedAt()).isNotNull();
		assertThat(end.updates()).isLessThan(ROWS / 500 + 10);

		// once done, the page shows the report and stops asking
		this.mvc.perform(get("/imports/{id}/progress", id).with(user("manager").roles("MANAGER")))
			.andExpect(content().string(not(containsString("<progress"))))
			.andExpect(content().string(not(containsString("hx-trigger"))));
		this.mvc.perform(get("/imports/recent").with(user("manager").roles("MANAGER")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("data-progress=\"" + id + "\""))));
	}

	/**
	 * A file of {@code rows} rows; every hundredth has a negative principal and is
	 * rejected. The first row is the same account in every file.
	 */
	private static ByteArrayInputStream csv(int rows) {
		StringBuilder csv = new StringBuilder(
				"account_ref,customer_ref,customer_name,currency,principal_outstanding,overdue_amount,oldest_due_date\n");
		for (int i = 1; i <= rows; i++) {
			String principal = (i % 100 == 0) ? "-5" : Integer.toString(1000 + i);
			csv.append("PR-%05d,C-%05d,Customer %d,INR,%s,500,2026-10-01\n".formatted(i, i, i, principal));
		}
		return new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	private void awaitWaitingOnALock() throws InterruptedException {
		for (int i = 0; i < 1200; i++) {
			if (this.jdbc.sql("""
					SELECT EXISTS (SELECT 1 FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
					    WHERE NOT l.granted AND a.query LIKE '%portfolio_accounts%')""")
				.query(Boolean.class)
				.single()) {
				return;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("the import never waited for the account's lock");
	}

	private ImportView awaitEnd(UUID id) throws InterruptedException {
		for (int i = 0; i < 1200; i++) {
			ImportView view = this.imports.summary(id);
			if (view.status() != ImportView.ImportStatus.RUNNING) {
				return view;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("import " + id + " did not finish");
	}

}
