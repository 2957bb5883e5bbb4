package org.dues.portfolio.imports;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.dues.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * An import finished is counted for the operator by its outcome, with the rows it read,
 * and leaves none running.
 */
@IntegrationTest
class ImportMetricsTests {

	@Autowired
	MockMvc mvc;

	@Test
	void aFinishedImportIsCountedWithItsRows() throws Exception {
		ImportClient client = new ImportClient(this.mvc);
		client.creditor("METRICS-1");
		String before = scrape();
		String file = HostileImportTests.HEADER + "\n" + "M-1,MC-1,Asha Nair,INR,100,0,0,0,\n"
				+ "M-2,MC-2,Ravi Kumar,INR,200,0,0,0,\n" + "M-3,MC-3,Bad Amount,INR,abc,0,0,0,\n";
		client.importFile("METRICS-1", "metrics.csv", file.getBytes(StandardCharsets.UTF_8), null);
		String completed = "outcome=\"completed\"";
		// the import is on record as completed a moment before its thread has counted it
		String after = scrape();
		for (int i = 0; i < 100 && (value(after, "dues_imports_seconds_count", completed) == value(before,
				"dues_imports_seconds_count", completed)
				|| value(after, "dues_imports_rows_total", completed) == value(before, "dues_imports_rows_total",
						completed)); i++) {
			Thread.sleep(50);
			after = scrape();
		}
		assertThat(value(after, "dues_imports_seconds_count", completed)
				- value(before, "dues_imports_seconds_count", completed))
			.isEqualTo(1.0);
		assertThat(value(after, "dues_imports_rows_total", completed)
				- value(before, "dues_imports_rows_total", completed))
			.isEqualTo(3.0);
		// and a moment more before it leaves the running gauge
		for (int i = 0; i < 100 && value(after, "dues_imports_running") != 0; i++) {
			Thread.sleep(50);
			after = scrape();
		}
		assertThat(value(after, "dues_imports_running")).isZero();
		assertThat(value(after, "dues_imports_waiting")).isZero();
	}

	private String scrape() throws Exception {
		return this.mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", "admin-secret")).with((request) -> {
			// an address of its own, whose login buckets other tests' failures do not
			// empty
			request.setRemoteAddr("192.0.2.162");
			return request;
		})).andReturn().getResponse().getContentAsString();
	}

	private static double value(String scrape, String name, String... labels) {
		return Arrays.stream(scrape.split("\n"))
			.filter((line) -> line.startsWith(name + "{") || line.startsWith(name + " "))
			.filter((line) -> Arrays.stream(labels).allMatch(line::contains))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

}
