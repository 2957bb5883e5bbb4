package org.dues.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * What a benchmark of statements' plans runs with: the clock stopped at 11:00 in India on
 * a Thursday (so the gate lets agents call), the statements recorded, the load portfolio,
 * and the planner's statistics gathered on demand.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(LoadPortfolio.class)
class PlansConfiguration {

	@Bean
	@Primary
	Clock officeHours() {
		return Clock.fixed(NextAccountLoadBenchmark.START, ZoneOffset.UTC);
	}

	@Bean
	static RecordedStatements recordedStatements() {
		return new RecordedStatements();
	}

	/**
	 * Statistics for the planner, as autovacuum would gather them in time: ANALYZE as the
	 * embedded server's superuser of the data directory (the application's role may not
	 * analyze the tables).
	 */
	static void analyze(DataSource dataSource, Path dataDir) throws Exception {
		List<String> pgpass = Files.readAllLines(dataDir.resolve("postgres.pgpass"));
		String password = pgpass.stream()
			.filter((line) -> line.startsWith("*:*:*:postgres:"))
			.map((line) -> line.substring("*:*:*:postgres:".length()))
			.findFirst()
			.orElseThrow();
		String url = dataSource.unwrap(HikariDataSource.class).getJdbcUrl();
		try (Connection connection = DriverManager.getConnection(url, "postgres", password)) {
			connection.createStatement().execute("ANALYZE");
		}
	}

	/** Prints the report and writes it to {@code target/benchmarks/<fileName>}. */
	static void write(List<String> report, String fileName) throws Exception {
		String text = String.join(System.lineSeparator(), report);
		System.out.println(text);
		Files.createDirectories(Path.of("target/benchmarks"));
		Files.writeString(Path.of("target/benchmarks", fileName), text);
	}

}
