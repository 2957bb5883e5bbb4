package org.dues.portfolio.imports;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.jayway.jsonpath.JsonPath;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dues.IntegrationTest;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.Creditors;
import org.dues.portfolio.NewCreditor;
import org.dues.shared.Money;
import org.dues.system.DatabaseServer;
import org.dues.system.Superuser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Files that are wrong in ways a row check alone would not notice.
 */
@IntegrationTest
class ImportEdgeCasesTests {

	static final String HEADER = "account_ref,customer_ref,customer_name,currency,principal_outstanding,"
			+ "interest_outstanding,fees_outstanding,overdue_amount,oldest_due_date\n";

	@Autowired
	MockMvc mvc;

	@Autowired
	DatabaseServer server;

	@Autowired
	Creditors creditors;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	void creditor(String code) {
		this.creditors.create(new NewCreditor(code, "Edge NBFC", "IN", "INR", "IN", "Asia/Kolkata", null, null));
	}

	ResultActions upload(String creditor, String name, byte[] content, String mapping, String key) throws Exception {
		return new ImportClient(this.mvc).upload(creditor, name, content, mapping, key);
	}

	String report(String creditor, String name, byte[] content) throws Exception {
		return new ImportClient(this.mvc).importFile(creditor, name, content, null);
	}

	@Test
	void aRowWithMoreOrFewerValuesThanTheHeaderIsRejected() throws Exception {
		creditor("EDGE-1");
		String file = HEADER + "W-1,WC-1,Shifted,INR,1,234.50,100,0,0,\n" + "W-2,WC-2,Short,INR,100,0,0\n"
				+ "W-3,WC-3,Fine,INR,100,0,0,0,\n";
		String report = report("EDGE-1", "widths.csv", file.getBytes(StandardCharsets.UTF_8));
		assertThat((List<Integer>) JsonPath.read(report, "$.errors[?(@.field == 'row')].row")).containsExactly(2, 3);
		assertThat((Integer) JsonPath.read(report, "$.rowsCreated")).isEqualTo(1);
	}

	@Test
	void aRepeatOfARejectedRowIsStillARepeat() throws Exception {
		creditor("EDGE-7");
		String file = HEADER + "RP-1,RC-1,First,INR,-100,0,0,0,\n" + "RP-1,RC-1,Second,INR,100,0,0,0,\n";
		String report = report("EDGE-7", "repeat.csv", file.getBytes(StandardCharsets.UTF_8));
		assertThat((List<Integer>) JsonPath.read(report, "$.errors[*].row")).containsExactly(2, 3);
		assertThat((List<String>) JsonPath.read(report, "$.errors[?(@.row == 3)].message")).singleElement()
			.asString()
			.contains("repeats line 2");
		assertThat(this.accounts.findByRef(this.creditors.getByCode("EDGE-7").id(), "RP-1")).isEmpty();
	}

	@Test
	void twoColumnsForOneFieldRefuseTheFile() throws Exception {
		creditor("EDGE-2");
		String file = "account_ref,customer_ref,customer_name,currency,principal_outstanding,overdue_amount,"
				+ "Principal Outstanding\nD-1,DC-1,A,INR,100,0,999\n";
		upload("EDGE-2", "clash.csv", file.getBytes(StandardCharsets.UTF_8), null, null)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("principal_outstanding"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("keep one")));
		this.mvc
			.perform(post("/api/v1/creditors/EDGE-2/mappings").with(httpBasic("admin", "admin-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"name": "Clash", "headers": {"Loan No": "account_ref", "loan_no": "customer_ref"}}"""))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(post("/api/v1/creditors/EDGE-2/mappings").with(httpBasic("admin", "admin-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"name": "Times", "dateFormat": "dd/MM/yyyy HH:mm"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("dateFormat"));
	}

	@Test
	void aFileThatIsNotUtf8FailsWholeSayingSo() throws Exception {
		creditor("EDGE-3");
		byte[] latin1 = (HEADER + "L-1,LC-1,José Müller,INR,100,0,0,0,\n").getBytes(StandardCharsets.ISO_8859_1);
		upload("EDGE-3", "latin1.csv", latin1, null, null).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("not UTF-8")));
		// Deep in a file, the same fault fails the import whole.
		StringBuilder big = new StringBuilder(HEADER);
		for (int i = 0; i < 3000; i++) {
			big.append("U-").append(i).append(",UC-").append(i).append(",Name,INR,100,0,0,0,\n");
		}
		byte[] utf8 = big.toString().getBytes(StandardCharsets.UTF_8);
		byte[] mixed = new byte[utf8.length + latin1.length - HEADER.length()];
		System.arraycopy(utf8, 0, mixed, 0, utf8.length);
		System.arraycopy(latin1, HEADER.length(), mixed, utf8.length, latin1.length - HEADER.length());
		String report = report("EDGE-3", "mixed.csv", mixed);
		assertThat((String) JsonPath.read(report, "$.status")).isEqualTo("FAILED");
		assertThat((String) JsonPath.read(report, "$.message")).contains("not UTF-8");
		assertThat(this.accounts.findByRef(this.creditors.getByCode("EDGE-3").id(), "U-1")).isEmpty();
		assertThat(this.accounts.findByRef(this.creditors.getByCode("EDGE-3").id(), "L-1")).isEmpty();
	}

	@Test
	void aFutureDueDateIsRejectedAndAMonthNameDateIsRead() throws Exception {
		creditor("EDGE-4");
		String file = HEADER + "F-1,FC-1,Future,INR,100,0,0,100,2027-05-01\n";
		String report = report("EDGE-4", "future.csv", file.getBytes(StandardCharsets.UTF_8));
		assertThat((List<String>) JsonPath.read(report, "$.errors[*].message")).singleElement()
			.asString()
			.contains("in the future");
		this.mvc
			.perform(post("/api/v1/creditors/EDGE-4/mappings").with(httpBasic("admin", "admin-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"name": "Month names", "dateFormat": "dd-MMM-yy"}"""))
			.andExpect(status().isCreated());
		String id = JsonPath.read(upload("EDGE-4", "months.csv",
				(HEADER + "M-1,MC-1,Month,INR,100,0,0,100,05-MAR-26\n").getBytes(StandardCharsets.UTF_8), "Month names",
				null)
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		for (int i = 0; i < 200
				&& this.accounts.findByRef(this.creditors.getByCode("EDGE-4").id(), "M-1").isEmpty(); i++) {
			Thread.sleep(50);
		}
		assertThat(
				this.accounts.findByRef(this.creditors.getByCode("EDGE-4").id(), "M-1").orElseThrow().oldestDueDate())
			.isEqualTo(java.time.LocalDate.of(2026, 3, 5));
		assertThat(id).isNotBlank();
	}

	@Test
	void workbookNumbersAreReadAsThePersonTypedThem() throws Exception {
		creditor("EDGE-5");
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (Workbook workbook = new Workbook(bytes, "Dues", "1.0")) {
			Worksheet sheet = workbook.newWorksheet("Allocation");
			String[] headers = HEADER.strip().split(",");
			for (int i = 0; i < headers.length; i++) {
				sheet.value(0, i, headers[i]);
			}
			sheet.value(1, 0, "X-1");
			sheet.value(1, 1, "XC-1");
			sheet.value(1, 2, "Float");
			sheet.value(1, 3, "INR");
			sheet.value(1, 4, 1234.0999999999999);
			sheet.value(1, 5, 0.1 + 0.2);
			sheet.value(1, 6, 0);
			sheet.value(1, 7, 100);
			sheet.value(1, 8, java.time.LocalDate.of(2026, 10, 15));
			sheet.style(1, 8).format("yyyy-mm-dd").set();
		}
		String report = report("EDGE-5", "floats.xlsx", bytes.toByteArray());
		assertThat((Integer) JsonPath.read(report, "$.rowsCreated")).as(report).isEqualTo(1);
		AccountView account = this.accounts.findByRef(this.creditors.getByCode("EDGE-5").id(), "X-1").orElseThrow();
		assertThat(account.balances().principal()).isEqualTo(Money.of("1234.10", "INR"));
		assertThat(account.balances().interest()).isEqualTo(Money.of("0.30", "INR"));
	}

	@Test
	void aZipThatIsNotAWorkbookIsRefusedAndAnIdempotencyKeyDoesNotBreakUploads() throws Exception {
		creditor("EDGE-6");
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(zip)) {
			out.putNextEntry(new ZipEntry("hello.txt"));
			out.write("hi".getBytes(StandardCharsets.UTF_8));
		}
		upload("EDGE-6", "fake.xlsx", zip.toByteArray(), null, null).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"));
		upload("EDGE-6", "keyed.csv", (HEADER + "K-1,KC-1,Keyed,INR,100,0,0,0,\n").getBytes(StandardCharsets.UTF_8),
				null, "upload-1")
			.andExpect(status().isAccepted());
	}

	@Test
	void importedRowsReferToRowsThatExistAndATableTriggerOfItsOwnStillFires() throws Exception {
		creditor("EDGE-8");
		String header = HEADER.strip() + ",phone_1,email\n";
		String first = header + "FK-1,FKC-1,Known,INR,100,0,0,0,,98470 12345,known@example.in\n";
		report("EDGE-8", "first.csv", first.getBytes(StandardCharsets.UTF_8));
		// Made by an administrator: the application may not put triggers on tables.
		JdbcClient admin = JdbcClient.create(Superuser.of(this.server));
		admin.sql("CREATE TABLE edge_email_log (address text)").update();
		admin.sql("GRANT SELECT, INSERT ON edge_email_log TO dues_app").update();
		admin.sql("""
				CREATE FUNCTION edge_email_logged() RETURNS trigger AS $$
				BEGIN INSERT INTO edge_email_log VALUES (NEW.address); RETURN NEW; END $$ LANGUAGE plpgsql""").update();
		admin.sql("""
				CREATE TRIGGER edge_email_logged AFTER INSERT ON customer_emails
				FOR EACH ROW EXECUTE FUNCTION edge_email_logged()""").update();
		try {
			String second = header + "FK-1,FKC-1,Known,INR,100,0,0,0,,98470 12346,again@example.in\n"
					+ "FK-2,FKC-2,New,INR,200,0,0,0,,98470 12347,new@example.in\n";
			report("EDGE-8", "second.csv", second.getBytes(StandardCharsets.UTF_8));
			assertThat(this.jdbc.sql("SELECT address FROM edge_email_log ORDER BY address").query(String.class).list())
				.containsExactly("again@example.in", "new@example.in");
		}
		finally {
			admin.sql("DROP TRIGGER edge_email_logged ON customer_emails").update();
			admin.sql("DROP FUNCTION edge_email_logged()").update();
			admin.sql("DROP TABLE edge_email_log").update();
		}
		for (String orphans : List.of(
				"SELECT count(*) FROM customer_phones p WHERE NOT EXISTS (SELECT 1 FROM customer_customers c WHERE c.id = p.customer_id)",
				"SELECT count(*) FROM customer_emails p WHERE NOT EXISTS (SELECT 1 FROM customer_customers c WHERE c.id = p.customer_id)",
				"SELECT count(*) FROM portfolio_ledger_entries e WHERE NOT EXISTS (SELECT 1 FROM portfolio_accounts a WHERE a.id = e.account_id)",
				"SELECT count(*) FROM portfolio_bucket_moves m WHERE NOT EXISTS (SELECT 1 FROM portfolio_accounts a WHERE a.id = m.account_id)")) {
			assertThat(this.jdbc.sql(orphans).query(Long.class).single()).as(orphans).isZero();
		}
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM customer_phones p JOIN customer_customers c ON c.id = p.customer_id
				WHERE c.customer_ref = 'FKC-1'""").query(Long.class).single()).isEqualTo(2);
	}

}
