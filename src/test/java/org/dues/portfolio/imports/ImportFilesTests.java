package org.dues.portfolio.imports;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.system.DatabaseServer;
import org.dues.system.DuesProperties;
import org.dues.system.Superuser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Uploaded allocation files carry national ids in clear: they are the owner's only, go
 * when the import failed and otherwise after the retention period, and the import's
 * report and rejects.csv outlive them.
 */
@IntegrationTest
class ImportFilesTests {

	static final String HEADER = "account_ref,customer_ref,customer_name,currency,principal_outstanding,"
			+ "interest_outstanding,fees_outstanding,overdue_amount,oldest_due_date,national_id\n";

	/** One good row, and one rejected (no customer_ref) whose name is a formula. */
	static final String FILE = HEADER + "FF-1,FFC-1,Good Row,INR,100,0,0,0,,\n"
			+ "FF-2,,\"=HYPERLINK(\"\"http://evil.example/\"\",\"\"click\"\")\",INR,100,0,0,0,,ABCPK1234Z\n";

	@Autowired
	MockMvc mvc;

	@Autowired
	AllocationImports imports;

	@Autowired
	DuesProperties properties;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DatabaseServer server;

	@AfterEach
	void resetClock() {
		this.clock.set(IntegrationTest.START);
		JdbcClient.create(Superuser.of(this.server))
			.sql("DROP TRIGGER IF EXISTS files_sabotage ON portfolio_ledger_entries")
			.update();
	}

	@Test
	void theUploadedFileIsTheOwnersOnlyAndRejectsCsvNeutralisesFormulas() throws Exception {
		ImportClient client = new ImportClient(this.mvc);
		client.creditor("FILES-1");
		String report = client.importFile("FILES-1", "formula.csv", FILE.getBytes(StandardCharsets.UTF_8), null);
		UUID id = UUID.fromString(JsonPath.read(report, "$.id"));
		assertThat((Integer) JsonPath.read(report, "$.rowsRejected")).isEqualTo(1);

		Path file = directory().resolve(id + ".csv");
		assertThat(file).exists();
		assertThat(permissions(file)).isEqualTo("rw-------");
		assertThat(permissions(directory())).isEqualTo("rwx------");

		List<String> rejects = rejects(id).lines().toList();
		assertThat(rejects).hasSize(2);
		assertThat(rejects.get(1)).startsWith("FF-2,,\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"click\"\")\",INR")
			.contains("••••234Z")
			.doesNotContain("ABCPK1234Z")
			.contains("customer_ref: is required");
	}

	@Test
	void aFailedImportsFileGoesAtOnceAndItsReportAndRejectsStay() throws Exception {
		ImportClient client = new ImportClient(this.mvc);
		client.creditor("FILES-2");
		JdbcClient admin = JdbcClient.create(Superuser.of(this.server));
		admin.sql("""
				CREATE OR REPLACE FUNCTION files_sabotage() RETURNS trigger AS $$
				BEGIN RAISE EXCEPTION 'disk on fire'; END $$ LANGUAGE plpgsql""").update();
		admin.sql("""
				CREATE TRIGGER files_sabotage BEFORE INSERT ON portfolio_ledger_entries
				FOR EACH ROW WHEN (NEW.source_ref = 'doomed.csv') EXECUTE FUNCTION files_sabotage()""").update();
		String report = client.importFile("FILES-2", "doomed.csv", FILE.getBytes(StandardCharsets.UTF_8), null);
		UUID id = UUID.fromString(JsonPath.read(report, "$.id"));
		assertThat((String) JsonPath.read(report, "$.status")).isEqualTo("FAILED");

		Path file = directory().resolve(id + ".csv");
		for (int i = 0; i < 200 && Files.exists(file); i++) {
			Thread.sleep(25);
		}
		assertThat(file).doesNotExist();
		assertThat(rejects(id).lines().toList()).first().asString().startsWith("account_ref,").endsWith(",reason");
		this.mvc.perform(get("/api/v1/imports/{id}", id).with(httpBasic("admin", "admin-secret")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("FAILED"));
	}

	@Test
	void filesGoAfterTheRetentionPeriodAndTheReportAndRejectsStay() throws Exception {
		ImportClient client = new ImportClient(this.mvc);
		client.creditor("FILES-3");
		UUID old = UUID.fromString(JsonPath
			.read(client.importFile("FILES-3", "old.csv", FILE.getBytes(StandardCharsets.UTF_8), null), "$.id"));
		this.clock.advance(Duration.ofDays(20));
		String recentFile = FILE.replace("FF-", "FG-");
		UUID recent = UUID.fromString(JsonPath.read(
				client.importFile("FILES-3", "recent.csv", recentFile.getBytes(StandardCharsets.UTF_8), null), "$.id"));
		this.imports.purgeFiles();
		assertThat(directory().resolve(old + ".csv")).as("20 days old: kept").exists();

		this.clock.advance(Duration.ofDays(11));
		assertThat(this.imports.purgeFiles()).isPositive();

		assertThat(directory().resolve(old + ".csv")).doesNotExist();
		assertThat(directory().resolve(recent + ".csv")).exists();
		assertThat(this.jdbc.sql("SELECT file_deleted_at IS NOT NULL FROM portfolio_imports WHERE id = :id")
			.param("id", old)
			.query(Boolean.class)
			.single()).isTrue();
		this.mvc.perform(get("/api/v1/imports/{id}", old).with(httpBasic("admin", "admin-secret")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("COMPLETED"))
			.andExpect(jsonPath("$.rowsRejected").value(1))
			.andExpect(jsonPath("$.errors[0].row").value(3))
			.andExpect(jsonPath("$.errors[0].field").value("customer_ref"));
		List<String> rejects = rejects(old).lines().toList();
		assertThat(rejects).hasSize(2);
		assertThat(rejects.get(1)).startsWith("FF-2,,\"'=HYPERLINK(").contains("••••234Z");
	}

	private String rejects(UUID id) throws Exception {
		return this.mvc.perform(get("/api/v1/imports/{id}/rejects.csv", id).with(httpBasic("admin", "admin-secret")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private Path directory() {
		return this.properties.dataDir().toAbsolutePath().resolve("imports");
	}

	private static String permissions(Path path) throws Exception {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
	}

}
