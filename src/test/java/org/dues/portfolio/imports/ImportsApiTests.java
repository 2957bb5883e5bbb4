package org.dues.portfolio.imports;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dues.IntegrationTest;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.portfolio.EntryType;
import org.dues.portfolio.LedgerEntryView;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Allocation files through the API, as a lender sends them.
 */
@IntegrationTest
class ImportsApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	Creditors creditors;

	String creditor(String code) throws Exception {
		return new ImportClient(this.mvc).creditor(code);
	}

	ResultActions upload(String creditor, String name, byte[] content, String mapping) throws Exception {
		return new ImportClient(this.mvc).upload(creditor, name, content, mapping, null);
	}

	String importFile(String creditor, String name, byte[] content, String mapping) throws Exception {
		return new ImportClient(this.mvc).importFile(creditor, name, content, mapping);
	}

	static byte[] messyFile() throws Exception {
		return Files.readAllBytes(Path.of("src/test/resources/imports/messy-lender.csv"));
	}

	@Test
	void importsAMessyLenderFileWithExactlyTheRightRowsAcceptedRejectedAndWarned() throws Exception {
		creditor("IMP-1");
		String report = importFile("IMP-1", "allocation-2026-11-26.csv", messyFile(), null);
		assertThat((String) JsonPath.read(report, "$.status")).isEqualTo("COMPLETED");
		assertThat((Integer) JsonPath.read(report, "$.rowsTotal")).isEqualTo(13);
		assertThat((Integer) JsonPath.read(report, "$.rowsAccepted")).isEqualTo(3);
		assertThat((Integer) JsonPath.read(report, "$.rowsCreated")).isEqualTo(3);
		assertThat((Integer) JsonPath.read(report, "$.rowsRejected")).isEqualTo(10);
		Map<Integer, String> errors = Map.ofEntries(Map.entry(5, "customer_ref"), Map.entry(6, "principal_outstanding"),
				Map.entry(7, "principal_outstanding"), Map.entry(8, "total_outstanding"),
				Map.entry(9, "overdue_amount"), Map.entry(10, "currency"), Map.entry(11, "currency"),
				Map.entry(12, "oldest_due_date"), Map.entry(13, "oldest_due_date"), Map.entry(14, "account_ref"));
		List<Integer> rows = JsonPath.read(report, "$.errors[*].row");
		assertThat(rows).containsExactlyInAnyOrderElementsOf(errors.keySet());
		errors.forEach((row,
				field) -> assertThat((List<String>) JsonPath.read(report, "$.errors[?(@.row == " + row + ")].field"))
					.as("row %d", row)
					.containsExactly(field));
		assertThat((List<String>) JsonPath.read(report, "$.errors[?(@.row == 14)].message")).singleElement()
			.asString()
			.contains("line 2");
		assertThat((List<Integer>) JsonPath.read(report, "$.warnings[*].row")).containsExactly(4, 4);
		assertThat((List<String>) JsonPath.read(report, "$.warnings[*].field")).containsExactlyInAnyOrder("email",
				"phone_2");

		CreditorView nbfc = this.creditors.getByCode("IMP-1");
		AccountView kl1 = this.accounts.findByRef(nbfc.id(), "KL-1").orElseThrow();
		assertThat(kl1.balances().total()).isEqualTo(org.dues.shared.Money.of("124956.50", "INR"));
		assertThat(kl1.bucket()).isEqualTo("SMA-2");
		assertThat(this.accounts.ledger(kl1.id())).singleElement()
			.satisfies((e) -> assertThat(e.type()).isEqualTo(EntryType.PLACEMENT));
		assertThat(this.jdbc.sql("SELECT name FROM customer_customers WHERE customer_ref = 'C-2' AND creditor_id = :c")
			.param("c", nbfc.id().value())
			.query(String.class)
			.single()).isEqualTo("ശ്രീജ നായർ");
		assertThat(this.jdbc.sql("""
				SELECT array_agg(p.e164 ORDER BY p.position) FROM customer_phones p JOIN customer_customers c
				ON c.id = p.customer_id WHERE c.customer_ref = 'C-1' AND c.creditor_id = :c""")
			.param("c", nbfc.id().value())
			.query((rs, n) -> List.of((String[]) rs.getArray(1).getArray()))
			.single()).containsExactly("+919847012345", "+919447022222", "+914742751234");

		String id = JsonPath.read(report, "$.id");
		String rejects = this.mvc
			.perform(get("/api/v1/imports/" + id + "/rejects.csv").with(httpBasic("admin", "admin-secret")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		List<String> lines = rejects.lines().toList();
		assertThat(lines).hasSize(11);
		assertThat(lines.get(0)).startsWith("Account Ref,customer_ref").endsWith(",reason");
		assertThat(lines.get(1)).startsWith("KL-3,,Missing Customer Ref").contains("customer_ref: is required");
		assertThat(rejects).contains("KL-1,C-1,Repeated Account");
	}

	@Test
	void importingTheSameFileAgainChangesNothingAndAChangedBalanceIsAnAdjustment() throws Exception {
		creditor("IMP-2");
		importFile("IMP-2", "day1.csv", messyFile(), null);
		CreditorView nbfc = this.creditors.getByCode("IMP-2");
		int entries = this.jdbc.sql("SELECT count(*) FROM portfolio_ledger_entries").query(Integer.class).single();
		int phones = this.jdbc.sql("SELECT count(*) FROM customer_phones").query(Integer.class).single();

		String again = importFile("IMP-2", "day1.csv", messyFile(), null);
		assertThat((Integer) JsonPath.read(again, "$.rowsUnchanged")).isEqualTo(3);
		assertThat((Integer) JsonPath.read(again, "$.rowsCreated")).isZero();
		assertThat((Integer) JsonPath.read(again, "$.rowsUpdated")).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM portfolio_ledger_entries").query(Integer.class).single())
			.isEqualTo(entries);
		assertThat(this.jdbc.sql("SELECT count(*) FROM customer_phones").query(Integer.class).single())
			.isEqualTo(phones);

		String changed = new String(messyFile(), StandardCharsets.UTF_8)
			.replace("KL-2,C-2,ശ്രീജ നായർ,INR,50000,0,0,,0,,", "KL-2,C-2,ശ്രീജ നായർ,INR,48000,750,0,,2750,2026-10-27,");
		String report = importFile("IMP-2", "day2.csv", changed.getBytes(StandardCharsets.UTF_8), null);
		assertThat((Integer) JsonPath.read(report, "$.rowsUpdated")).isEqualTo(1);
		assertThat((Integer) JsonPath.read(report, "$.rowsUnchanged")).isEqualTo(2);
		AccountView kl2 = this.accounts.findByRef(nbfc.id(), "KL-2").orElseThrow();
		assertThat(this.accounts.ledger(kl2.id())).extracting(LedgerEntryView::type)
			.containsExactly(EntryType.PLACEMENT, EntryType.ADJUSTMENT, EntryType.ADJUSTMENT, EntryType.ADJUSTMENT);
		assertThat(kl2.balances().principal()).isEqualTo(org.dues.shared.Money.of("48000", "INR"));
		assertThat(kl2.balances().interest()).isEqualTo(org.dues.shared.Money.of("750", "INR"));
		assertThat(kl2.daysPastDue()).isEqualTo(30);
		assertThat(kl2.bucket()).isEqualTo("SMA-0");

		// A new number for a known customer is appended after the known ones; the row
		// counts as updated.
		String third = importFile("IMP-2", "day3.csv",
				changed.replace("0474 2751234", "0484 2345678").getBytes(StandardCharsets.UTF_8), null);
		assertThat((Integer) JsonPath.read(third, "$.rowsUpdated")).isEqualTo(1);
		assertThat((Integer) JsonPath.read(third, "$.rowsUnchanged")).isEqualTo(2);
		assertThat(this.jdbc.sql("""
				SELECT array_agg(p.e164 ORDER BY p.position) FROM customer_phones p JOIN customer_customers c
				ON c.id = p.customer_id WHERE c.customer_ref = 'C-1' AND c.creditor_id = :c""")
			.param("c", nbfc.id().value())
			.query((rs, n) -> List.of((String[]) rs.getArray(1).getArray()))
			.single()).containsExactly("+919847012345", "+919447022222", "+914742751234", "+914842345678");
		assertThat(this.jdbc
			.sql("""
					SELECT count(*) FROM portfolio_accounts a
					JOIN (SELECT account_id, sum(principal) p, sum(interest) i, sum(fees) f, sum(overdue) o
					      FROM portfolio_ledger_entries GROUP BY account_id) e ON e.account_id = a.id
					WHERE a.creditor_id = :c AND (a.principal, a.interest, a.fees, a.overdue_amount) <> (e.p, e.i, e.f, e.o)""")
			.param("c", nbfc.id().value())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aMappingProfileReadsTheLendersOwnHeadersDatesAndGrouping() throws Exception {
		creditor("IMP-3");
		this.mvc.perform(post("/api/v1/creditors/IMP-3/mappings").with(httpBasic("admin", "admin-secret"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name": "Daily allocation", "dateFormat": "dd/MM/yyyy", "grouping": "INDIAN",
					 "headers": {"Loan No": "account_ref", "Cust ID": "customer_ref", "Borrower Name": "customer_name",
					             "CCY": "currency", "POS": "principal_outstanding", "Overdue Amt": "overdue_amount",
					             "Due Date": "oldest_due_date", "Mobile": "phone_1"}}"""))
			.andExpect(status().isCreated());
		String file = """
				LOAN_NO,cust-id,Borrower name,CCY,POS,Overdue Amt,Due Date,Mobile
				HL/2024/0001,CU-1,Anil Kumar,INR,"1,23,456.50","12,000",01/09/2026,98470 12345
				HL/2024/0002,CU-2,Biju George,INR,"123,456.50",0,,98470 54321
				""";
		String report = importFile("IMP-3", "lender.csv", file.getBytes(StandardCharsets.UTF_8), "Daily allocation");
		assertThat((Integer) JsonPath.read(report, "$.rowsCreated")).isEqualTo(1);
		assertThat((List<String>) JsonPath.read(report, "$.errors[*].message")).singleElement()
			.asString()
			.contains("indian digit grouping");
		AccountView account = this.accounts.findByRef(this.creditors.getByCode("IMP-3").id(), "HL/2024/0001")
			.orElseThrow();
		assertThat(account.oldestDueDate()).isEqualTo(LocalDate.of(2026, 9, 1));

		upload("IMP-3", "lender.csv", file.getBytes(StandardCharsets.UTF_8), null).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("account_ref", "customer_ref", "customer_name",
					"currency", "principal_outstanding", "overdue_amount")));
		upload("IMP-3", "lender.csv", file.getBytes(StandardCharsets.UTF_8), "No such mapping")
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/creditors/IMP-3/mappings").with(httpBasic("admin", "admin-secret")))
			.andExpect(jsonPath("$[0].name").value("Daily allocation"));
	}

	@Test
	void importsTheFirstSheetOfAnXlsxWorkbook() throws Exception {
		creditor("IMP-4");
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (Workbook workbook = new Workbook(bytes, "Dues", "1.0")) {
			Worksheet sheet = workbook.newWorksheet("Allocation");
			String[] headers = { "account_ref", "customer_ref", "customer_name", "currency", "principal_outstanding",
					"overdue_amount", "oldest_due_date", "phone_1" };
			for (int i = 0; i < headers.length; i++) {
				sheet.value(0, i, headers[i]);
			}
			sheet.value(1, 0, "XL-1");
			sheet.value(1, 1, "XC-1");
			sheet.value(1, 2, "राहुल शर्मा");
			sheet.value(1, 3, "INR");
			sheet.value(1, 4, 75000.25);
			sheet.value(1, 5, 5000);
			sheet.value(1, 6, LocalDate.of(2026, 10, 15));
			sheet.style(1, 6).format("yyyy-mm-dd").set();
			sheet.value(1, 7, 9810012345L);
			sheet.value(2, 0, "XL-2");
			sheet.value(2, 1, "XC-2");
			sheet.value(2, 2, "Bad Amount");
			sheet.value(2, 3, "INR");
			sheet.value(2, 4, "lots");
			sheet.value(2, 5, 0);
		}
		String report = importFile("IMP-4", "allocation.xlsx", bytes.toByteArray(), null);
		assertThat((Integer) JsonPath.read(report, "$.rowsCreated")).isEqualTo(1);
		assertThat((List<Integer>) JsonPath.read(report, "$.errors[*].row")).containsExactly(3);
		AccountView account = this.accounts.findByRef(this.creditors.getByCode("IMP-4").id(), "XL-1").orElseThrow();
		assertThat(account.balances().principal()).isEqualTo(org.dues.shared.Money.of("75000.25", "INR"));
		assertThat(account.daysPastDue()).isEqualTo(42);
	}

	@Test
	void onlyAdministratorsAndManagersImport() throws Exception {
		this.mvc
			.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", "a.csv", "text/csv", new byte[1]))
				.param("creditor", "X"))
			.andExpect(status().isUnauthorized());
		upload("NOPE", "a.csv", messyFile(), null).andExpect(status().isNotFound());
		this.mvc.perform(multipart("/api/v1/imports").param("creditor", "X").with(httpBasic("admin", "admin-secret")))
			.andExpect(status().isBadRequest());
	}

}
