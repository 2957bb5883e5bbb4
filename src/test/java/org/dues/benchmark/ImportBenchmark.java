package org.dues.benchmark;

import java.io.InputStream;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.UUID;
import java.util.stream.Stream;

import org.dues.portfolio.Creditors;
import org.dues.portfolio.NewCreditor;
import org.dues.portfolio.imports.AllocationImports;
import org.dues.portfolio.imports.ImportView;
import org.dues.system.DatabaseServer;
import org.dues.system.DuesProperties;
import org.dues.system.Superuser;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * End-to-end import of a generated allocation file into the embedded database, beside a
 * bare {@code COPY} of the same file into an unindexed table, timed in the same run. Not
 * part of {@code ./mvnw verify}; run it with
 * {@code ./mvnw -Pbenchmark test -Dbenchmark.rows=1000000}.
 */
@Tag("benchmark")
@SpringBootTest(properties = { "dues.data-dir=target/benchmark/data-${random.uuid}", "dues.demo=false",
		"dues.admin-password=benchmark", "dues.aging.cron=-", "logging.level.org.dues=warn",
		"logging.level.org.dues.portfolio.imports.ImportRun=info" })
class ImportBenchmark {

	@Autowired
	Creditors creditors;

	@Autowired
	AllocationImports imports;

	@Autowired
	DuesProperties properties;

	@Autowired
	DatabaseServer server;

	@Test
	void importAMillionRows() throws Exception {
		int rows = Integer.getInteger("benchmark.rows", 1_000_000);
		Path file = Path.of("target/benchmark/allocation-" + rows + ".csv");
		if (!Files.exists(file)) {
			long started = System.nanoTime();
			AllocationFileGenerator.write(file, rows, 42);
			System.out.printf("generated %,d rows (%,d MB) in %.1f s%n", rows, Files.size(file) >> 20,
					(System.nanoTime() - started) / 1e9);
		}
		this.creditors
			.create(new NewCreditor("BENCH", "Benchmark NBFC", "IN", "INR", "IN", "Asia/Kolkata", null, null));

		double copySeconds = bareCopy(file);
		checkpoint();
		resetPeakHeap();
		double first = importOnce(file, "first import");
		long firstPeak = peakHeapMb();
		// What the import left in the database's buffers is written out here, not during
		// the next import, so each is timed on its own.
		double flush = checkpoint();
		resetPeakHeap();
		double again = importOnce(file, "re-import (unchanged)");
		long againPeak = peakHeapMb();
		Runtime runtime = Runtime.getRuntime();
		System.out.printf("%n=== allocation import benchmark ===%n");
		System.out.printf("machine: %d cores, java %s, max heap %d MB%n", runtime.availableProcessors(),
				System.getProperty("java.version"), runtime.maxMemory() >> 20);
		System.out.printf("file: %,d rows, %,d MB%n", rows, Files.size(file) >> 20);
		System.out.printf("bare COPY into an unindexed table: %.1f s (%,.0f rows/s)%n", copySeconds,
				rows / copySeconds);
		System.out.printf("first import:                      %.1f s (%,.0f rows/s), peak heap %d MB%n", first,
				rows / first, firstPeak);
		System.out.printf("checkpoint after the first import: %.1f s%n", flush);
		System.out.printf("re-import of the unchanged file:   %.1f s (%,.0f rows/s), peak heap %d MB%n", again,
				rows / again, againPeak);
	}

	/**
	 * CPU time used so far by this JVM and by the embedded PostgreSQL (its postmaster and
	 * every process under it), in seconds: unlike elapsed time, it barely moves when
	 * other work on the host slows the machine down.
	 */
	private double[] cpuSeconds() throws Exception {
		long postmaster = Long
			.parseLong(Files.readAllLines(this.properties.dataDir().resolve("postgres/postmaster.pid")).get(0).strip());
		ProcessHandle server = ProcessHandle.of(postmaster).orElseThrow();
		long database = Stream.concat(Stream.of(server), server.descendants())
			.mapToLong((p) -> p.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L))
			.sum();
		long java = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
		return new double[] { java / 1e9, database / 1e9 };
	}

	private double importOnce(Path file, String label) throws Exception {
		double[] cpu = cpuSeconds();
		long started = System.nanoTime();
		ImportView view;
		try (InputStream in = Files.newInputStream(file)) {
			view = this.imports.start("BENCH", file.getFileName().toString(), in, null, "benchmark");
		}
		while (view.status() == ImportView.ImportStatus.RUNNING) {
			Thread.sleep(200);
			view = this.imports.get(view.id());
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		double[] used = cpuSeconds();
		System.out.printf("%s: %s in %.1f s: created %,d, updated %,d, unchanged %,d, rejected %,d %s%n", label,
				view.status(), seconds, view.rowsCreated(), view.rowsUpdated(), view.rowsUnchanged(),
				view.rowsRejected(), view.message() == null ? "" : view.message());
		System.out.printf("%s: CPU time %.1f s in Java, %.1f s in PostgreSQL%n", label, used[0] - cpu[0],
				used[1] - cpu[1]);
		return seconds;
	}

	private double bareCopy(Path file) throws Exception {
		String table = "bench_copy_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		StringBuilder columns = new StringBuilder();
		for (String column : AllocationFileGenerator.HEADER.split(",")) {
			columns.append(columns.isEmpty() ? "" : ", ").append(column).append(" text");
		}
		// The application's role may create nothing in public: the table is the owner's.
		try (Connection connection = Superuser.connection(this.server)) {
			connection.createStatement().execute("CREATE TABLE " + table + " (" + columns + ")");
			long started = System.nanoTime();
			try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				reader.read();
				connection.unwrap(PGConnection.class)
					.getCopyAPI()
					.copyIn("COPY " + table + " FROM STDIN (FORMAT csv, HEADER)", reader);
			}
			double seconds = (System.nanoTime() - started) / 1e9;
			connection.createStatement().execute("DROP TABLE " + table);
			return seconds;
		}
	}

	/** Writes every changed page out, timed. */
	private double checkpoint() throws Exception {
		try (Connection connection = Superuser.connection(this.server)) {
			long started = System.nanoTime();
			connection.createStatement().execute("CHECKPOINT");
			return (System.nanoTime() - started) / 1e9;
		}
	}

	private static void resetPeakHeap() {
		System.gc();
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				pool.resetPeakUsage();
			}
		}
	}

	private static long peakHeapMb() {
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		return peak >> 20;
	}

}
