package org.dues.portfolio.imports;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.dues.IntegrationTest;
import org.dues.TestAgents;
import org.dues.customer.CustomerManagement;
import org.dues.portfolio.AccountId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A customer's national id: taken from a placement or an allocation file, stored
 * encrypted (the database holds no id in clear), shown whole only to compliance, by its
 * last four characters to leads and not at all to agents, and good for right-party
 * verification; an id that is not one is dropped with a warning.
 */
@IntegrationTest
class NationalIdTests {

	@Autowired
	TestAgents agents;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CustomerManagement customers;

	@Autowired
	org.dues.identity.UserManagement users;

	@Autowired
	org.dues.work.NextAccount work;

	private String creditor() throws Exception {
		return new ImportClient(this.mvc)
			.creditor("NID" + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 100_000));
	}

	private String place(String creditor, String ref, String nationalId) throws Exception {
		return this.mvc
			.perform(post("/api/v1/creditors/{code}/accounts", creditor).with(httpBasic("admin", "admin-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"accountRef": "%s", "customerRef": "C-%s", "customerName": "Anil Kumar", "currency": "INR",
						 "principalOutstanding": "50000.00", "overdueAmount": "5000.00", "oldestDueDate": "2026-10-01",
						 "nationalId": "%s", "phone1": "98470 12345"}""".formatted(ref, ref, nationalId)))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void aPlacedIdIsStoredEncryptedShownByRoleAndVerifiesTheCustomer() throws Exception {
		String creditor = creditor();
		String placed = place(creditor, "NID-1", "abcpk 1234 f");
		assertThat((String) JsonPath.read(placed, "$.outcome")).isEqualTo("CREATED");
		String accountId = JsonPath.read(placed, "$.id");
		String customerId = JsonPath.read(placed, "$.customer.id");
		assertThat(placed).doesNotContain("ABCPK1234F").doesNotContain("abcpk");

		byte[] stored = this.jdbc.sql("SELECT national_id_enc FROM customer_customers WHERE id = :id")
			.param("id", UUID.fromString(customerId))
			.query((rs, n) -> rs.getBytes(1))
			.single();
		assertThat(stored).isNotNull();
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("ABCPK1234F").doesNotContain("1234");
		assertThat(this.customers.nationalId(new org.dues.customer.CustomerId(UUID.fromString(customerId))))
			.isEqualTo("ABCPK1234F");
		// the same placement again changes nothing; the id is compared encrypted
		assertThat((String) JsonPath.read(place(creditor, "NID-1", "ABCPK-1234-F"), "$.outcome"))
			.isEqualTo("UNCHANGED");

		this.mvc.perform(get("/accounts/{id}", accountId).with(user("nid-compliance").roles("COMPLIANCE")))
			.andExpect(content().string(containsString("ABCPK1234F")));
		this.agents.lead("nid-lead");
		this.mvc.perform(get("/accounts/{id}", accountId).with(user("nid-lead").roles("TEAM_LEAD")))
			.andExpect(content().string(containsString("•••• 234F")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("ABCPK1234F"))));

		// an agent sees neither, and verifies the customer by the id's last four
		this.users.createIfAbsent(new org.dues.identity.NewUser("nid-agent", "Agent", "nid-secret-1",
				java.util.Set.of(org.dues.identity.Role.AGENT), java.util.List.of("en")));
		this.work.assign(new AccountId(UUID.fromString(accountId)), "nid-agent", "lead");
		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(get("/accounts/{id}", accountId).session(session).with(user("nid-agent").roles("AGENT")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("•••• ••••")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("234F"))));
		this.mvc
			.perform(post("/accounts/{id}/desk/verify", accountId).param("answer", "234f")
				.session(session)
				.with(user("nid-agent").roles("AGENT"))
				.with(csrf()))
			.andExpect(status().isOk());
		this.mvc.perform(get("/accounts/{id}", accountId).session(session).with(user("nid-agent").roles("AGENT")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"verify-first\""))));
	}

	@Test
	void fiveWrongAnswersStopAnAgentTryingTheRestOfTheDayWhateverTheSession() throws Exception {
		String creditor = creditor();
		String accountId = JsonPath.read(place(creditor, "NID-3", "ABCPK7777Q"), "$.id");
		this.users.createIfAbsent(new org.dues.identity.NewUser("nid-guesser", "Agent", "nid-secret-1",
				java.util.Set.of(org.dues.identity.Role.AGENT), java.util.List.of("en")));
		this.work.assign(new AccountId(UUID.fromString(accountId)), "nid-guesser", "lead");
		for (int guess = 0; guess < 5; guess++) {
			this.mvc
				.perform(post("/accounts/{id}/desk/verify", accountId).param("answer", "%04d".formatted(guess))
					.session(new MockHttpSession())
					.with(user("nid-guesser").roles("AGENT"))
					.with(csrf()))
				.andExpect(content().string(containsString("That does not match")));
		}
		this.mvc
			.perform(post("/accounts/{id}/desk/verify", accountId).param("answer", "777Q")
				.session(new MockHttpSession())
				.with(user("nid-guesser").roles("AGENT"))
				.with(csrf()))
			.andExpect(content().string(containsString("Too many wrong answers")));
	}

	@Test
	void anIdThatIsNotOneIsDroppedWithAWarningAndTheRowKept() throws Exception {
		String creditor = creditor();
		String placed = place(creditor, "NID-2", "12#");
		assertThat((String) JsonPath.read(placed, "$.outcome")).isEqualTo("CREATED");
		assertThat((String) JsonPath.read(placed, "$.warnings[0].field")).isEqualTo("nationalId");
		assertThat(placed).doesNotContain("12#");
	}

	@Test
	void anAllocationFileCarriesIdsEncryptedAndTheSameFileAgainChangesNothing() throws Exception {
		String creditor = creditor();
		String file = """
				account_ref,customer_ref,customer_name,currency,principal_outstanding,overdue_amount,oldest_due_date,national_id
				F-1,FC-1,Lakshmi Menon,INR,10000.00,1000.00,2026-10-01,ABCPK1234F
				F-2,FC-2,Sunita Devi,INR,20000.00,0,,9999 8888 7777
				F-3,FC-3,Ravi Kumar,INR,30000.00,0,,??
				F-4,FC-4,Meera Nair,INR,-5,0,,ABCPK9999Z
				""";
		ImportClient client = new ImportClient(this.mvc);
		String report = client.importFile(creditor, "ids.csv", file.getBytes(StandardCharsets.UTF_8), null);
		assertThat((Integer) JsonPath.read(report, "$.rowsAccepted")).isEqualTo(3);
		assertThat((Integer) JsonPath.read(report, "$.rowsRejected")).isEqualTo(1);
		// the rejected row goes back as it came, but for its national id
		String rejects = this.mvc
			.perform(get("/api/v1/imports/{id}/rejects.csv", (String) JsonPath.read(report, "$.id"))
				.with(httpBasic("admin", "admin-secret")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(rejects).contains("F-4", "••••999Z").doesNotContain("ABCPK9999Z");
		assertThat((String) JsonPath.read(report, "$.warnings[0].field")).isEqualTo("national_id");
		assertThat((Integer) JsonPath.read(report, "$.warnings[0].row")).isEqualTo(4);
		var rows = this.jdbc.sql("""
				SELECT c.customer_ref, c.national_id_enc, c.national_id_last4 FROM customer_customers c
				JOIN portfolio_creditors k ON k.id = c.creditor_id WHERE k.code = :code ORDER BY c.customer_ref""")
			.param("code", creditor)
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getBytes(2), rs.getString(3) })
			.list();
		assertThat(rows).hasSize(3);
		assertThat(rows.get(0)[2]).isEqualTo("234F");
		assertThat(rows.get(1)[2]).isEqualTo("7777");
		assertThat(rows.get(2)[1]).isNull();
		assertThat(Arrays.equals((byte[]) rows.get(0)[1], "ABCPK1234F".getBytes(StandardCharsets.UTF_8))).isFalse();
		UUID first = this.jdbc.sql("""
				SELECT c.id FROM customer_customers c JOIN portfolio_creditors k ON k.id = c.creditor_id
				WHERE k.code = :code AND c.customer_ref = 'FC-2'""").param("code", creditor).query(UUID.class).single();
		assertThat(this.customers.nationalId(new org.dues.customer.CustomerId(first))).isEqualTo("999988887777");

		String again = client.importFile(creditor, "ids-again.csv", file.getBytes(StandardCharsets.UTF_8), null);
		assertThat((Integer) JsonPath.read(again, "$.rowsUnchanged")).isEqualTo(3);
		this.mvc
			.perform(get("/api/v1/imports/{id}", (String) JsonPath.read(again, "$.id"))
				.with(httpBasic("admin", "admin-secret")))
			.andExpect(jsonPath("$.status").value("COMPLETED"));
	}

}
