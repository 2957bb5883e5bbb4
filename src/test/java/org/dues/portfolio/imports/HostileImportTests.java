package org.dues.portfolio.imports;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dues.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One bad cell rejects its row with a reason and never fails the file: a NUL byte or
 * another control character in a CSV cell, NaN, Infinity or an absurd number in a
 * workbook's number cell, a date cell far outside the calendar, an implausible date of
 * birth, a made-up country.
 */
@IntegrationTest
class HostileImportTests {

	static final String HEADER = "account_ref,customer_ref,customer_name,currency,principal_outstanding,"
			+ "interest_outstanding,fees_outstanding,overdue_amount,oldest_due_date";

	@Autowired
	MockMvc mvc;

	String report(String creditor, String name, byte[] content) throws Exception {
		ImportClient client = new ImportClient(this.mvc);
		client.creditor(creditor);
		return client.importFile(creditor, name, content, null);
	}

	@Test
	void aNulOrAControlCharacterInACsvCellRejectsThatRowOnly() throws Exception {
		String file = HEADER + "\n" + "N-1,NC-1,Good Name,INR,100,0,0,0,\n" + "N-2,NC-2,Bad\u0000Name,INR,100,0,0,0,\n"
				+ "N-3\u0000,NC-3,Nul in ref,INR,100,0,0,0,\n" + "N-4,NC-4,Bell\u0007,INR,100,0,0,0,\n"
				+ "N-5,NC-5,Fine Too,INR,100,0,0,0,\n";
		String report = report("HOSTILE-1", "nul.csv", file.getBytes(StandardCharsets.UTF_8));
		assertThat((String) JsonPath.read(report, "$.status")).as(report).isEqualTo("COMPLETED");
		assertThat((Integer) JsonPath.read(report, "$.rowsCreated")).as(report).isEqualTo(2);
		assertThat((Integer) JsonPath.read(report, "$.rowsRejected")).as(report).isEqualTo(3);
		assertThat((List<Integer>) JsonPath.read(report, "$.errors[*].row")).containsExactlyInAnyOrder(3, 4, 5);
		assertThat((List<String>) JsonPath.read(report, "$.errors[*].message"))
			.allSatisfy((m) -> assertThat(m).contains("control character"));
		assertThat(report).doesNotContain("\\u0000");
	}

	@Test
	void nanInfinityAndAbsurdNumbersInAWorkbookRejectThoseRowsOnly() throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (Workbook workbook = new Workbook(bytes, "Dues", "1.0")) {
			Worksheet sheet = workbook.newWorksheet("Allocation");
			String[] headers = HEADER.split(",");
			for (int i = 0; i < headers.length; i++) {
				sheet.value(0, i, headers[i]);
			}
			Object[] principals = { 100, Double.NaN, Double.POSITIVE_INFINITY, 1e300, 250 };
			for (int r = 1; r <= principals.length; r++) {
				sheet.value(r, 0, "X-" + r);
				sheet.value(r, 1, "XC-" + r);
				sheet.value(r, 2, "Name " + r);
				sheet.value(r, 3, "INR");
				sheet.value(r, 4, (Number) principals[r - 1]);
				sheet.value(r, 5, 0);
				sheet.value(r, 6, 0);
				sheet.value(r, 7, (r == 5) ? 10 : 0);
				if (r == 5) {
					// a date serial far beyond 9999-12-31
					sheet.value(r, 8, 1e12);
					sheet.style(r, 8).format("yyyy-mm-dd").set();
				}
			}
		}
		String report = report("HOSTILE-2", "nan.xlsx", bytes.toByteArray());
		assertThat((String) JsonPath.read(report, "$.status")).as(report).isEqualTo("COMPLETED");
		assertThat((Integer) JsonPath.read(report, "$.rowsCreated")).as(report).isEqualTo(1);
		assertThat((List<Integer>) JsonPath.read(report, "$.errors[*].row")).as(report)
			.containsExactlyInAnyOrder(3, 4, 5, 6);
		assertThat((List<String>) JsonPath.read(report, "$.errors[*].field")).as(report)
			.containsExactlyInAnyOrder("principal_outstanding", "principal_outstanding", "principal_outstanding",
					"oldest_due_date");
	}

	@Test
	void anImplausibleDateOfBirthOrAMadeUpCountryRejectsTheRow() throws Exception {
		String file = HEADER + ",date_of_birth,country,city\n" + "B-1,BC-1,Adult,INR,100,0,0,0,,1980-05-01,IN,Kochi\n"
				+ "B-2,BC-2,Unborn,INR,100,0,0,0,,2100-01-01,IN,\n" + "B-3,BC-3,Ancient,INR,100,0,0,0,,1850-01-01,,\n"
				+ "B-4,BC-4,Child,INR,100,0,0,0,,2020-01-01,,\n" + "B-5,BC-5,Nowhere,INR,100,0,0,0,,,ZZ,Kochi\n"
				+ "B-6,BC-6,No address,INR,100,0,0,0,,,ZZ,\n";
		String report = report("HOSTILE-3", "dob.csv", file.getBytes(StandardCharsets.UTF_8));
		assertThat((String) JsonPath.read(report, "$.status")).as(report).isEqualTo("COMPLETED");
		assertThat((Integer) JsonPath.read(report, "$.rowsCreated")).as(report).isEqualTo(1);
		assertThat((List<String>) JsonPath.read(report, "$.errors[*].field")).as(report)
			.containsExactlyInAnyOrder("date_of_birth", "date_of_birth", "date_of_birth", "country", "country");
	}

}
