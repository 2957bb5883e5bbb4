package org.dues.payment;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Reading a camt.053 statement of 100,000 credits alone: Prowide's ISO 20022 model, each
 * {@code Ntry} unmarshalled on its own ({@link Camt053Parser}), against the hand-written
 * StAX reader it replaced ({@link StaxCamt053Parser}), alternately, five files each, the
 * heap measured after a collection with the result still held. Run with
 * {@code ./mvnw -Pbenchmark test -Dtest=CamtParseBenchmark}
 * ({@code -Dbenchmark.entries=100000} by default).
 */
@Tag("benchmark")
class CamtParseBenchmark {

	@Test
	void prowideAgainstTheStaxReader() {
		int entries = Integer.getInteger("benchmark.entries", 100_000);
		List<String> refs = IntStream.range(0, 1_000).mapToObj((i) -> "ACC%07d".formatted(i)).toList();
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		System.out.printf("heap max %d MB, %d processors%n", Runtime.getRuntime().maxMemory() >> 20,
				Runtime.getRuntime().availableProcessors());
		for (int run = 1; run <= 5; run++) {
			byte[] file = CamtFiles.credits("IN00BENCH0000000001", "B" + run, refs, entries, run);
			measure(run, "StAX reader", file, (b) -> new StaxCamt053Parser().parse(new ByteArrayInputStream(b)),
					memory);
			measure(run, "Prowide ISO 20022", file, (b) -> new Camt053Parser().parse(new ByteArrayInputStream(b)),
					memory);
		}
	}

	private static void measure(int run, String what, byte[] file, Function<byte[], ParsedStatement> parser,
			MemoryMXBean memory) {
		System.gc();
		long before = memory.getHeapMemoryUsage().getUsed();
		long started = System.nanoTime();
		ParsedStatement parsed = parser.apply(file);
		long took = System.nanoTime() - started;
		System.gc();
		long held = memory.getHeapMemoryUsage().getUsed() - before;
		System.out.printf("run %d %-18s %,d entries of %d MB in %.2f s, holds %d MB%n", run, what,
				parsed.lines().size(), file.length >> 20, took / 1e9, held >> 20);
	}

}
