package org.dues.compliance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs {@link DecisionBenchmark} under JMH (one fork, {@code -Xmx512m}) and prints the
 * median, p99 and p99.9 of a decision. Not part of {@code ./mvnw verify}; run it with
 * {@code ./mvnw -Pbenchmark test -Dtest=ComplianceBenchmark}.
 */
@Tag("benchmark")
class ComplianceBenchmark {

	@Test
	void decisionLatency() throws Exception {
		Options options = new OptionsBuilder().include(DecisionBenchmark.class.getName())
			.forks(1)
			.jvmArgs("-Xmx512m", "-XX:+UseParallelGC")
			.warmupIterations(3)
			.warmupTime(TimeValue.seconds(3))
			.measurementIterations(5)
			.measurementTime(TimeValue.seconds(4))
			.build();
		Collection<RunResult> results = new Runner(options).run();
		List<String> lines = new ArrayList<>();
		lines.add("%-26s %10s %10s %10s %12s".formatted("decision", "median µs", "p99 µs", "p99.9 µs", "samples"));
		for (RunResult result : results) {
			Statistics stats = result.getPrimaryResult().getStatistics();
			String name = result.getParams().getBenchmark().replaceAll(".*\\.", "");
			lines.add("%-26s %10.1f %10.1f %10.1f %12d".formatted(name, stats.getPercentile(50),
					stats.getPercentile(99), stats.getPercentile(99.9), stats.getN()));
		}
		lines.add("JVM %s, %d cores".formatted(Runtime.version(), Runtime.getRuntime().availableProcessors()));
		String report = String.join(System.lineSeparator(), lines);
		System.out.println(report);
		Files.createDirectories(Path.of("target/benchmarks"));
		Files.writeString(Path.of("target/benchmarks/compliance-decision.txt"), report);
	}

}
