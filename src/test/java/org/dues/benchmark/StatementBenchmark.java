package org.dues.benchmark;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.dues.payment.BankStatements;
import org.dues.payment.CamtFiles;
import org.dues.payment.CreditorBankAccounts;
import org.dues.payment.StatementReport;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.portfolio.NewCreditor;
import org.dues.portfolio.imports.AllocationImports;
import org.dues.portfolio.imports.ImportView;
import org.dues.system.Actor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A camt.053 statement of 100,000 credits, each naming one of a million accounts in its
 * remittance text, parsed, checked, matched and posted; beside parsing the same file
 * alone as the baseline. Three runs, each a new statement to the same accounts. Not part
 * of {@code ./mvnw verify}; run it with
 * {@code ./mvnw -Pbenchmark test -Dtest=StatementBenchmark -Dbenchmark.rows=1000000}
 * ({@code -Dbenchmark.entries=100000} by default).
 */
@Tag("benchmark")
@SpringBootTest(properties = { "dues.data-dir=target/benchmark/data-${random.uuid}", "dues.demo=false",
		"dues.admin-password=benchmark", "dues.aging.cron=-", "logging.level.org.dues=warn",
		"dues.messaging.dispatch-enabled=false" })
class StatementBenchmark {

	@Autowired
	Creditors creditors;

	@Autowired
	AllocationImports imports;

	@Autowired
	BankStatements statements;

	@Autowired
	CreditorBankAccounts bankAccounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.dues.system.DatabaseServer server;

	@Test
	void reconcileAHundredThousandCredits() throws Exception {
		int rows = Integer.getInteger("benchmark.rows", 1_000_000);
		int entries = Integer.getInteger("benchmark.entries", 100_000);
		Path file = Path.of("target/benchmark/allocation-" + rows + ".csv");
		if (!Files.exists(file)) {
			AllocationFileGenerator.write(file, rows, 42);
		}
		CreditorView creditor = this.creditors
			.create(new NewCreditor("BENCH", "Benchmark NBFC", "IN", "INR", "IN", "Asia/Kolkata", null, null));
		long started = System.nanoTime();
		ImportView view;
		try (InputStream in = Files.newInputStream(file)) {
			view = this.imports.start("BENCH", file.getFileName().toString(), in, null, "benchmark");
		}
		while (view.status() == ImportView.ImportStatus.RUNNING) {
			Thread.sleep(500);
			view = this.imports.get(view.id());
		}
		System.out.printf("placed %,d accounts in %.1f s%n", view.rowsCreated(), (System.nanoTime() - started) / 1e9);
		// the book as it stands when a statement comes, a day or more after its
		// placement: vacuumed (autovacuum would have, long before; otherwise it vacuums
		// the million new accounts during the first run) and written out
		long settled = System.nanoTime();
		try (java.sql.Connection connection = org.dues.system.Superuser.connection(this.server)) {
			connection.createStatement().execute("VACUUM (ANALYZE)");
			connection.createStatement().execute("CHECKPOINT");
		}
		System.out.printf("vacuumed and checkpointed in %.1f s%n", (System.nanoTime() - settled) / 1e9);
		// the references packed in one array: the harness's own list of a million strings
		// would take a sixth of the heap the system under test runs in
		Refs refs = new Refs();
		this.jdbc.sql("SELECT account_ref FROM portfolio_accounts").query((rs) -> {
			refs.append(rs.getString(1));
		});
		String iban = "IN00BENCH0000000001";
		this.bankAccounts.add(creditor.id(), iban, "collections", "benchmark");
		Actor manager = Actor.of("benchmark", "ROLE_MANAGER");
		List<Double> parse = new ArrayList<>();
		List<Double> full = new ArrayList<>();
		List<Double> parseFull = new ArrayList<>();
		for (int run = 1; run <= 3; run++) {
			byte[] big = CamtFiles.credits(iban, "P" + run, refs, 100_000, run);
			long t = System.nanoTime();
			int n = CamtFiles.parse(big);
			parseFull.add((System.nanoTime() - t) / 1e9);
			System.out.printf("parse alone of %,d entries (%,d MB): %.2f s%n", n, big.length >> 20,
					parseFull.get(run - 1));
		}
		for (int run = 1; run <= 3; run++) {
			byte[] statement = CamtFiles.credits(iban, "R" + run, refs, entries, run);
			long t0 = System.nanoTime();
			int parsed = CamtFiles.parse(statement);
			parse.add((System.nanoTime() - t0) / 1e9);
			long t1 = System.nanoTime();
			StatementReport report = this.statements
				.importStatement(statement, null, null, null, "bench-" + run + ".xml", manager)
				.report();
			full.add((System.nanoTime() - t1) / 1e9);
			// the listeners' work after commit (arrangements, credits, work order,
			// reminders,
			// receipts sent), awaited up to -Dbenchmark.listeners-wait seconds (60) so
			// that a
			// run does not measure the last one's; what is left open is reported
			long t2 = System.nanoTime();
			long open;
			while ((open = openPublications()) > 0
					&& System.nanoTime() - t2 < Long.getLong("benchmark.listeners-wait", 60) * 1_000_000_000L) {
				Thread.sleep(200);
			}
			System.out.printf("run %d: %.1f s after commit, %d of the %d listener publications so far still open%n",
					run, (System.nanoTime() - t2) / 1e9, open,
					this.jdbc.sql("SELECT count(*) FROM event_publication").query(Long.class).single());
			System.out.printf(
					"run %d: %,d bytes, %,d entries parsed in %.2f s; reconciled in %.2f s: posted %,d, "
							+ "already posted %,d, unmatched %,d, balanced %s%n",
					run, statement.length, parsed, parse.get(run - 1), full.get(run - 1),
					report.count(org.dues.payment.EntryOutcome.POSTED),
					report.count(org.dues.payment.EntryOutcome.ALREADY_POSTED),
					report.count(org.dues.payment.EntryOutcome.UNMATCHED), report.balanced());
		}
		Runtime runtime = Runtime.getRuntime();
		System.out.printf("%n=== bank statement benchmark ===%n");
		System.out.printf("machine: %d cores, java %s, max heap %d MB%n", runtime.availableProcessors(),
				System.getProperty("java.version"), runtime.maxMemory() >> 20);
		System.out.printf("parse alone, 100,000 entries: median %.2f s of %s%n", median(parseFull), parseFull);
		System.out.printf("parse alone (baseline), %,d entries: median %.2f s of %s%n", entries, median(parse), parse);
		System.out.printf("parse, check, match and post, %,d entries against %,d accounts: median %.2f s of %s%n",
				entries, refs.size(), median(full), full);
	}

	/** Strings packed in one growing array of bytes, read back one at a time. */
	static final class Refs extends java.util.AbstractList<String> {

		private byte[] bytes = new byte[1 << 20];

		private int[] ends = new int[1 << 16];

		private int size;

		void append(String value) {
			byte[] b = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
			int from = this.size == 0 ? 0 : this.ends[this.size - 1];
			if (from + b.length > this.bytes.length) {
				this.bytes = java.util.Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, from + b.length));
			}
			if (this.size == this.ends.length) {
				this.ends = java.util.Arrays.copyOf(this.ends, this.ends.length * 2);
			}
			System.arraycopy(b, 0, this.bytes, from, b.length);
			this.ends[this.size++] = from + b.length;
		}

		@Override
		public String get(int index) {
			int from = index == 0 ? 0 : this.ends[index - 1];
			return new String(this.bytes, from, this.ends[index] - from, java.nio.charset.StandardCharsets.UTF_8);
		}

		@Override
		public int size() {
			return this.size;
		}

	}

	private long openPublications() {
		return this.jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
			.query(Long.class)
			.single();
	}

	private static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		sorted.sort(null);
		return sorted.get(sorted.size() / 2);
	}

}
