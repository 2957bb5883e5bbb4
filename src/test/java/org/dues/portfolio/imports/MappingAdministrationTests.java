package org.dues.portfolio.imports;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.dues.IntegrationTest;
import org.dues.Portfolios;
import org.dues.portfolio.CreditorView;
import org.dues.system.DuesProperties;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Mapping profiles on their page: listed, created and changed with a version, and tried
 * on a sample file, which shows the first rows mapped and each row's errors and writes
 * nothing.
 */
@IntegrationTest
class MappingAdministrationTests {

	/** A lender's file: its own headers, dates day first, one row with a bad amount. */
	static final String SAMPLE = """
			Loan No,Cust ID,Borrower,Currency,POS,Overdue,Due Since,Aadhaar
			HL/2026/001,C-1,ലക്ഷ്മി മേനോൻ,INR,"1,23,456.50",5000,01/10/2026,1234 5678 9012
			HL/2026/002,C-2,Ravi Kumar,INR,lots,100,02/10/2026,
			HL/2026/003,C-3,सीता देवी,INR,2000,0,,
			""";

	@Autowired
	MockMvc mvc;

	@Autowired
	Portfolios portfolios;

	@Autowired
	MappingProfiles profiles;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DuesProperties properties;

	/** The profile form as a lender's files need it, with some fields given otherwise. */
	MockMultipartHttpServletRequestBuilder form(String path, CreditorView creditor, String role, String... overrides) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("creditor", creditor.code());
		fields.put("name", "Lender A");
		fields.put("dateFormat", "dd/MM/yyyy");
		fields.put("grouping", "INDIAN");
		fields.put("column.account_ref", "Loan No");
		fields.put("column.customer_ref", "Cust ID");
		fields.put("column.customer_name", "Borrower");
		fields.put("column.principal_outstanding", "POS");
		fields.put("column.overdue_amount", "Overdue");
		fields.put("column.oldest_due_date", "Due Since");
		fields.put("column.national_id", "Aadhaar");
		for (int i = 0; i < overrides.length; i += 2) {
			fields.put(overrides[i], overrides[i + 1]);
		}
		MockMultipartHttpServletRequestBuilder request = multipart(path);
		request.with(user("mapping-" + role.toLowerCase()).roles(role)).with(csrf());
		fields.forEach(request::param);
		return request;
	}

	@Test
	void aTestUploadShowsTheFirstRowsMappedWithTheirErrorsAndWritesNothing() throws Exception {
		CreditorView creditor = this.portfolios.indianNbfc();
		Map<String, Long> before = counts();
		List<Path> filesBefore = uploads();

		MockMultipartHttpServletRequestBuilder request = form("/admin/mappings/test", creditor, "ADMIN");
		request
			.file(new MockMultipartFile("file", "lender-a.csv", "text/csv", SAMPLE.getBytes(StandardCharsets.UTF_8)));
		this.mvc.perform(request)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"trial\"")))
			// headers and the columns they map to
			.andExpect(content().string(containsString("data-header=\"Loan No\"")))
			.andExpect(content().string(containsString("<code>account_ref</code>")))
			// each row as read, with its own result
			.andExpect(content().string(containsString("data-line=\"2\"")))
			.andExpect(content().string(containsString("HL/2026/001")))
			.andExpect(content().string(containsString("1,23,456.50")))
			.andExpect(content().string(containsString("would be imported")))
			.andExpect(content().string(containsString("rejected: principal_outstanding")))
			// a national id is shown by its last four characters only
			.andExpect(content().string(containsString("•••• 9012")))
			.andExpect(content().string(not(containsString("1234 5678 9012"))))
			// the profile is not saved: the form still offers to create it
			.andExpect(content().string(containsString("name=\"original\" value=\"\"")));

		assertThat(counts()).isEqualTo(before);
		assertThat(uploads()).isEqualTo(filesBefore);
		assertThat(this.profiles.list(creditor)).isEmpty();

		// a profile that leaves a required column unmapped says so, and checks no row
		MockMultipartHttpServletRequestBuilder unmapped = form("/admin/mappings/test", creditor, "MANAGER",
				"column.account_ref", "");
		unmapped
			.file(new MockMultipartFile("file", "lender-a.csv", "text/csv", SAMPLE.getBytes(StandardCharsets.UTF_8)));
		this.mvc.perform(unmapped)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"trial-problems\"")))
			.andExpect(content().string(containsString("required column account_ref")))
			.andExpect(content().string(not(containsString("id=\"trial-rows\""))));
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void profilesAreCreatedAndChangedOnTheVersionTheirFormWasFilledOn() throws Exception {
		CreditorView creditor = this.portfolios.indianNbfc();
		this.mvc.perform(form("/admin/mappings", creditor, "MANAGER"))
			.andExpect(redirectedUrl("/admin/mappings?creditor=" + creditor.code() + "&profile=Lender+A"));
		MappingProfiles.SavedProfile saved = this.profiles.saved(creditor).get(0);
		assertThat(saved.version()).isEqualTo(1);
		assertThat(saved.profile().headers()).containsEntry("Loan No", "account_ref")
			.containsEntry("POS", "principal_outstanding");
		assertThat(saved.changedBy()).isEqualTo("mapping-manager");

		this.mvc
			.perform(get("/admin/mappings").param("creditor", creditor.code())
				.param("profile", "Lender A")
				.with(user("mapping-admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-profile=\"Lender A\"")))
			.andExpect(content().string(containsString("name=\"original\" value=\"Lender A\"")))
			.andExpect(content().string(containsString("value=\"Loan No\"")));

		// changed on version 1: renamed, another header for the account number
		MockMultipartHttpServletRequestBuilder change = form("/admin/mappings", creditor, "ADMIN", "original",
				"Lender A", "version", "1", "name", "Lender A v2", "column.account_ref", "Loan No | Loan Number");
		this.mvc.perform(change).andExpect(status().is3xxRedirection());
		saved = this.profiles.saved(creditor).get(0);
		assertThat(saved.profile().name()).isEqualTo("Lender A v2");
		assertThat(saved.version()).isEqualTo(2);
		assertThat(saved.profile().headers()).containsEntry("Loan Number", "account_ref");
		assertThat(this.jdbc.sql("SELECT count(*) FROM compliance_audit WHERE subject LIKE :s")
			.param("s", "mapping-profile:" + creditor.code() + "/%")
			.query(Long.class)
			.single()).isEqualTo(2);

		// a second change on version 1 is refused and changes nothing
		MockMultipartHttpServletRequestBuilder stale = form("/admin/mappings", creditor, "ADMIN", "original",
				"Lender A v2", "version", "1", "name", "Lender A v3");
		this.mvc.perform(stale)
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("id=\"stale\"")));
		assertThat(this.profiles.saved(creditor).get(0).profile().name()).isEqualTo("Lender A v2");

		// a bad date pattern is named at its field
		MockMultipartHttpServletRequestBuilder bad = form("/admin/mappings", creditor, "ADMIN", "name", "Lender B",
				"dateFormat", "bb/MM/yyyy", "column.state", "Province", "column.account_ref", "Loan No | LOAN-NO");
		this.mvc.perform(bad)
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"m-column-account_ref-error\"")))
			.andExpect(content().string(containsString("id=\"m-dateFormat-error\"")))
			.andExpect(content().string(containsString("value=\"Province\"")));
		assertThat(this.profiles.saved(creditor)).hasSize(1);
	}

	private Map<String, Long> counts() {
		return Map.of("imports", count("portfolio_imports"), "accounts", count("portfolio_accounts"), "ledger",
				count("portfolio_ledger_entries"), "customers", count("customer_customers"), "issues",
				count("portfolio_import_issues"), "profiles", count("portfolio_mapping_profiles"));
	}

	private long count(String table) {
		return this.jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

	private List<Path> uploads() throws Exception {
		Path directory = this.properties.dataDir().toAbsolutePath().resolve("imports");
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(directory)) {
			return files.sorted().toList();
		}
	}

}
