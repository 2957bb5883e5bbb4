package org.dues.portfolio.imports;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import javax.sql.DataSource;

import org.dues.customer.CustomerIntake;
import org.dues.portfolio.AccountsImported;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.PlacementParser;
import org.dues.shared.InvalidInputException;
import org.dues.system.PostgresCopy;
import org.dues.system.ProgressTracker;
import org.dues.system.RowTriggers;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one import: streams the file in chunks, checks each chunk's rows on all cores,
 * stages the good rows with {@code COPY}, then merges them set-based, all in one
 * transaction, so an import either completes or leaves no trace. The customers go to the
 * customer module as typed rows ({@link CustomerIntake}), which answers with their ids.
 * Where the database allows and {@code dues.imports.two-sessions} is not {@code off}, new
 * accounts (with their bucket moves and placement entries) are written by a second
 * session while the import's own writes the customers and the changes to known accounts,
 * and commit with it in two phases ({@link NewRowsSession}).
 */
class ImportRun {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ImportRun.class);

	/**
	 * Every table an import writes, and whether it updates rows of them too: a trigger of
	 * a table's own keeps row triggers on (see {@link RowTriggers}), so a table written
	 * here must be listed; the customer module lists its own.
	 */
	private static final Map<String, Boolean> WRITES = writes();

	private static Map<String, Boolean> writes() {
		Map<String, Boolean> writes = new HashMap<>(CustomerIntake.WRITES);
		writes.putAll(Map.of("portfolio_accounts", true, "portfolio_ledger_entries", false, "portfolio_bucket_moves",
				false, "portfolio_import_issues", false));
		return Map.copyOf(writes);
	}

	private final UUID id;

	private final CreditorView creditor;

	private final MappingProfile profile;

	private final Path file;

	private final AllocationFile.Format format;

	private final String fileName;

	private final String who;

	private final Deps deps;

	record Deps(JdbcClient jdbc, DataSource dataSource, TransactionTemplate transactions,
			TransactionTemplate separateTransactions, CustomerIntake customers, ImportedAccounts aging, Clock clock,
			org.dues.customer.NationalIds nationalIds, boolean twoSessions, int chunkRows,
			ApplicationEventPublisher events) {
	}

	/**
	 * The import's progress: its phases ({@code reading}, {@code merging}, then
	 * {@code done} or {@code failed}) and counts ({@code read}, {@code checked},
	 * {@code rejected}, {@code merged}). A row is two units of work, one when it is read,
	 * checked and staged, one when it is merged; the merge moves in its four steps.
	 */
	private final ProgressTracker progress;

	ImportRun(UUID id, CreditorView creditor, MappingProfile profile, Path file, AllocationFile.Format format,
			String fileName, String who, Deps deps, ProgressTracker progress) {
		this.progress = progress;
		this.id = id;
		this.creditor = creditor;
		this.profile = profile;
		this.file = file;
		this.format = format;
		this.fileName = fileName;
		this.who = who;
		this.deps = deps;
	}

	/** The second session of this run, when it has one. */
	private @Nullable NewRowsSession second;

	/** The customers of this run, in the customer module; open while it imports. */
	private CustomerIntake.@Nullable Batch customers;

	void run() {
		boolean imported;
		try {
			imported = Boolean.TRUE.equals(this.deps.transactions().execute((tx) -> importAll()));
		}
		catch (RuntimeException ex) {
			closeSecond();
			this.progress.finish(false, "failed");
			String message;
			if (ex instanceof InvalidInputException invalid) {
				message = invalid.getMessage();
			}
			else {
				log.error("Import {} failed", this.id, ex);
				// The cause's own words (the database's, a library's) stay in the log.
				message = "the import failed and changed nothing; the details are in the server log under import %s"
					.formatted(this.id);
			}
			try {
				this.deps.separateTransactions().executeWithoutResult((tx) -> {
					// Not waiting for ever on a second session's transaction still
					// prepared; that one is settled later, and this import with it.
					this.deps.jdbc().sql("SET LOCAL lock_timeout = '10s'").update();
					// Completed after all when its own transaction did commit (the
					// failure was on the way back) and the second session's followed.
					this.deps.jdbc()
						.sql("""
								UPDATE portfolio_imports SET status = 'FAILED', message = :message, finished_at = :now
								WHERE id = :id AND status = 'RUNNING'""")
						.param("id", this.id)
						.param("message", message.length() > 1000 ? message.substring(0, 1000) : message)
						.param("now", now())
						.update();
				});
			}
			catch (RuntimeException marking) {
				log.error("Import {} could not be marked failed; the next start will", this.id, marking);
			}
			return;
		}
		if (this.second != null) {
			// The import's transaction committed: its new rows must follow.
			try {
				this.second.commit();
			}
			catch (RuntimeException ex) {
				// Closing settles them: the import's own transaction committed.
				log.error("Import {} committed but its new rows did not yet; settling them", this.id, ex);
			}
			finally {
				closeSecond();
			}
		}
		this.progress.finish(imported, imported ? "done" : "failed");
	}

	private void closeSecond() {
		if (this.second != null) {
			this.second.close();
			this.second = null;
		}
	}

	private long started;

	/**
	 * Imports the file; false when the import was no longer running when its turn came.
	 */
	private boolean importAll() {
		this.started = System.nanoTime();
		JdbcClient jdbc = this.deps.jdbc();
		// Sorts and hashes over a million rows stay in memory. If the server crashes
		// right after
		// the commit, the import may be lost whole (its row then reads "interrupted"),
		// never half.
		jdbc.sql("SET LOCAL work_mem = '256MB'").update();
		jdbc.sql("SET LOCAL synchronous_commit = off").update();
		// One import per creditor at a time: two files placing the same new account must
		// not race.
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
			.param("key", "import/" + this.creditor.id())
			.query(Object.class)
			.single();
		// Locked as a foreign key would lock it: issues may be written with row triggers
		// off.
		String status = jdbc.sql("SELECT status FROM portfolio_imports WHERE id = :id FOR KEY SHARE")
			.param("id", this.id)
			.query(String.class)
			.single();
		if (!"RUNNING".equals(status)) {
			// Marked failed by a node that restarted while this one was queued: leave it
			// so.
			return false;
		}
		// What a stop left of an earlier import of this creditor is settled first: no
		// other import of it runs while this one holds the lock.
		PreparedImports.settle(this.deps.dataSource(), this.creditor.id().value());
		DateTimeFormatter dates = this.profile.dateFormat() == null ? DateTimeFormatter.ISO_LOCAL_DATE
				: PlacementParser.formatter(this.profile.dateFormat());
		PlacementParser parser = new PlacementParser(this.creditor, this.profile.dateFormat(), this.profile.grouping(),
				LocalDate.now(this.deps.clock().withZone(this.creditor.timeZone())));
		boolean rowTriggersOff = RowTriggers.suspend(jdbc, WRITES);
		int read = 0;
		int rejected = 0;
		jdbc.sql(ImportMerge.STAGING).update();
		jdbc.sql(ImportMerge.REJECTED_REFS).update();
		CustomerIntake.Batch customers = this.deps.customers().open();
		this.customers = customers;
		long waited = 0;
		try (AllocationFile rows = AllocationFile.open(this.file, this.format, dates);
				ImportReader reader = new ImportReader(rows, ImportColumns.resolve(rows.headers(), this.profile),
						parser, this.id, this.deps.nationalIds(), this.deps.chunkRows())
					.start()) {
			ImportReader.Chunk chunk;
			long waiting = System.nanoTime();
			while ((chunk = reader.next()) != null) {
				waited += System.nanoTime() - waiting;
				stage(chunk);
				read += chunk.rows();
				rejected += chunk.rejected();
				Long estimate = chunk.estimate();
				this.progress.work(read, (estimate == null) ? null : 2 * Math.max(estimate, reader.rowsRead()))
					.count("read", reader.rowsRead())
					.count("checked", reader.rowsChecked())
					.count("rejected", rejected)
					.count("merged", 0)
					.report();
				waiting = System.nanoTime();
			}
		}
		catch (IOException ex) {
			log.warn("Import {}: the file could not be read", this.id, ex);
			throw new InvalidInputException("file", "the file could not be read");
		}
		long mark = System.nanoTime();
		log.info("import {}: {} rows read, checked and staged in {} ms ({} ms waiting for rows to be checked)", this.id,
				read, (mark - this.started) / 1_000_000, waited / 1_000_000);
		OffsetDateTime now = now();
		LocalDate today = LocalDate.now(this.deps.clock().withZone(this.creditor.timeZone()));
		ImportMerge merge = new ImportMerge(jdbc, this.id, this.creditor, now, today, this.fileName, this.who,
				this.deps.clock());
		this.progress.work(read, 2L * read).count("read", read).count("checked", read).phase("merging");
		int[] repeats = merge.rejectRepeats();
		rejected += repeats.length;
		customers.leaveOut(repeats);
		mark = lap("repeats", mark);
		ImportCustomers resolved = new ImportCustomers(jdbc, this.deps.dataSource());
		customers.resolve(this.creditor.id().value(), "IMPORT", now, resolved::resolved);
		resolved.analyze();
		merge.sort();
		int created = merge.count("CREATED");
		mark = lap("customers resolved, rows sorted", mark);
		merged(read, rejected, 1, 0);
		if (created > 0 && rowTriggersOff && this.deps.twoSessions() && NewRowsSession.possible(jdbc)) {
			// New accounts, their bucket moves and ledger entries are written in a second
			// session while this one writes the customers.
			this.second = NewRowsSession.open(this.deps.dataSource(), this.id);
			long handed = this.second.hand(ImportMerge.NEW_ACCOUNTS, ImportMerge.NEW_ACCOUNT_COLUMNS,
					(other, table) -> new ImportMerge(other, this.id, this.creditor, now, today, this.fileName,
							this.who, this.deps.clock())
						.createNewAccounts(table));
			this.second.start();
			mark = lap(handed + " new accounts handed over", mark);
			customers.write(resolved::gained);
			mark = lap("customers", mark);
			merged(read, rejected, 2, 0);
			merge.finish(resolved);
			mark = lap("known accounts", mark);
		}
		else {
			customers.write(resolved::gained);
			mark = lap("customers", mark);
			merged(read, rejected, 2, 0);
			merge.createNewAccounts();
			merge.finish(resolved);
			mark = lap("accounts and ledger", mark);
		}
		merged(read, rejected, 3, read - rejected);
		this.deps.aging().age("SELECT account_id FROM import_work WHERE outcome = 'UPDATED'");
		mark = lap("aging", mark);
		if (rowTriggersOff) {
			RowTriggers.resume(jdbc);
		}
		int[] counts = { read, created, merge.count("UPDATED"), merge.count("UNCHANGED"), rejected };
		this.progress.count("merged", (long) counts[1] + counts[2] + counts[3]);
		if (this.second != null) {
			// Completed with the new rows, which the second session holds.
			long transaction = jdbc.sql("SELECT pg_current_xact_id()::text::bigint").query(Long.class).single();
			this.second.prepare(transaction, (other) -> complete(other, counts));
			lap("waiting for the new customers and accounts", mark);
		}
		else {
			complete(jdbc, counts);
		}
		if (created > 0) {
			// one event for the import's new accounts, which publish no AccountPlaced
			// each
			this.deps.events().publishEvent(new AccountsImported(this.id, this.creditor.id(), now, today, created));
		}
		return true;
	}

	/**
	 * The merge's progress after {@code step} of its four steps (rows sorted and
	 * customers resolved, customers written, accounts and ledger written, aged), written
	 * at once.
	 */
	private void merged(int read, int rejected, int step, long merged) {
		this.progress.work(read + (long) read * step / 4, 2L * read)
			.count("rejected", rejected)
			.count("merged", merged)
			.phase("merging");
	}

	/**
	 * Sets the import COMPLETED with its counts: read, created, updated, unchanged,
	 * rejected.
	 */
	private void complete(JdbcClient session, int[] counts) {
		session
			.sql("""
					UPDATE portfolio_imports SET status = 'COMPLETED', rows_total = :total, rows_read = :total,
					    rows_created = :created, rows_updated = :updated, rows_unchanged = :unchanged, rows_rejected = :rejected,
					    finished_at = :now WHERE id = :id""")
			.param("id", this.id)
			.param("total", counts[0])
			.param("created", counts[1])
			.param("updated", counts[2])
			.param("unchanged", counts[3])
			.param("rejected", counts[4])
			.param("now", now())
			.update();
	}

	private long lap(String phase, long since) {
		long now = System.nanoTime();
		log.info("import {}: {} in {} ms", this.id, phase, (now - since) / 1_000_000);
		return now;
	}

	/** Stages a chunk's accepted rows and records its issues. */
	private void stage(ImportReader.Chunk chunk) {
		DataSource dataSource = this.deps.dataSource();
		PostgresCopy.in(dataSource, """
				COPY portfolio_import_staging (line, account_ref, customer_ref, principal, interest, fees, overdue,
				    oldest_due_date, product, original_amount, installment_amount, open_date, charge_off_date,
				    last_payment_date, last_payment_amount) FROM STDIN (FORMAT csv)""", chunk.accounts());
		PostgresCopy.in(dataSource, "COPY import_rejected_refs (line, account_ref) FROM STDIN (FORMAT csv)",
				chunk.rejectedRefs());
		PostgresCopy.in(dataSource,
				"COPY portfolio_import_issues (import_id, line, severity, field, message) FROM STDIN (FORMAT csv)",
				chunk.issues());
		if (!chunk.customers().isEmpty()) {
			Objects.requireNonNull(this.customers).add(chunk.customers());
		}
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(this.deps.clock()).withOffsetSameInstant(ZoneOffset.UTC);
	}

}
