package org.dues.portfolio;

import java.util.UUID;

import org.dues.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class CreditorsAndPlacementsApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	ResultActions postJson(String path, String json) throws Exception {
		return this.mvc.perform(post(path).with(httpBasic("admin", "admin-secret"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json));
	}

	ResultActions getJson(String path, Object... vars) throws Exception {
		return this.mvc.perform(get(path, vars).with(httpBasic("admin", "admin-secret")));
	}

	String creditor(String code, String country, String currency, String jurisdiction, String zone) throws Exception {
		postJson("/api/v1/creditors", """
				{"code": "%s", "name": "Creditor %s", "country": "%s", "currency": "%s", "jurisdiction": "%s",
				 "timeZone": "%s"}""".formatted(code, code, country, currency, jurisdiction, zone))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/v1/creditors/" + code));
		return code;
	}

	@Test
	void createsListsAndReadsCreditorsWithTheirDefaults() throws Exception {
		creditor("KL-NBFC", "IN", "INR", "IN", "Asia/Kolkata");
		creditor("MA-CARD", "US", "USD", "US-MA", "America/New_York");
		getJson("/api/v1/creditors/KL-NBFC").andExpect(status().isOk())
			.andExpect(jsonPath("$.bucketScheme").value("RBI_SMA"))
			.andExpect(jsonPath("$.waterfall").value(org.hamcrest.Matchers.contains("FEES", "INTEREST", "PRINCIPAL")));
		getJson("/api/v1/creditors/MA-CARD").andExpect(jsonPath("$.bucketScheme").value("DPD_30"))
			.andExpect(jsonPath("$.jurisdiction").value("US-MA"));
		getJson("/api/v1/creditors").andExpect(jsonPath("$[*].code", hasItem("KL-NBFC")));
		getJson("/api/v1/creditors/NOPE").andExpect(status().isNotFound());
		postJson("/api/v1/creditors", """
				{"code": "KL-NBFC", "name": "Again", "country": "IN", "currency": "INR", "jurisdiction": "IN",
				 "timeZone": "Asia/Kolkata"}""").andExpect(status().isConflict());
	}

	@Test
	void refusesABadCreditorNamingEveryField() throws Exception {
		postJson("/api/v1/creditors", """
				{"code": "bad code!", "country": "India", "currency": "RUPEE", "jurisdiction": "G-B",
				 "timeZone": "+05:30", "waterfall": ["FEES"]}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("code", "name", "country", "currency",
					"jurisdiction", "timeZone", "waterfall")));
		postJson("/api/v1/creditors", """
				{"code": "X1", "name": "X", "country": "US", "currency": "USD", "jurisdiction": "IN",
				 "timeZone": "America/Chicago"}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("jurisdiction"));
		postJson("/api/v1/creditors", "{\"code\": 12, \"name\": [1]}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("name"));
	}

	@Test
	void placesAnAccountOnceAndReportsRepeatsAsUnchanged() throws Exception {
		creditor("PL-NBFC", "IN", "INR", "IN", "Asia/Kolkata");
		String placement = """
				{"accountRef": "LN-9001", "customerRef": "CU-9001", "customerName": "सुनीता देवी", "currency": "INR",
				 "principalOutstanding": "1,23,456.50", "interestOutstanding": "₹1,000", "feesOutstanding": "500",
				 "overdueAmount": "10000", "oldestDueDate": "2026-09-27", "phone1": "98100 12345",
				 "phone2": "011 2345 6789", "email": "sunita@example.in", "city": "Lucknow", "state": "UP",
				 "language": "hi", "product": "Gold loan"}""";
		String id = com.jayway.jsonpath.JsonPath
			.read(postJson("/api/v1/creditors/PL-NBFC/accounts", placement).andExpect(status().isCreated())
				.andExpect(jsonPath("$.outcome").value("CREATED"))
				.andExpect(jsonPath("$.balances.total.amount").value("124956.50"))
				.andExpect(jsonPath("$.daysPastDue").value(60))
				.andExpect(jsonPath("$.bucket").value("SMA-1"))
				.andExpect(jsonPath("$.customer.name").value("सुनीता देवी"))
				.andExpect(jsonPath("$.customer.phones", hasSize(2)))
				.andExpect(jsonPath("$.customer.timeZones").value(org.hamcrest.Matchers.contains("Asia/Kolkata")))
				.andReturn()
				.getResponse()
				.getContentAsString(), "$.id");

		postJson("/api/v1/creditors/PL-NBFC/accounts", placement).andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(id))
			.andExpect(jsonPath("$.outcome").value("UNCHANGED"));

		getJson("/api/v1/creditors/PL-NBFC/accounts/LN-9001").andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(id))
			.andExpect(jsonPath("$.overdueAmount.amount").value("10000.00"))
			.andExpect(jsonPath("$.oldestDueDate").value("2026-09-27"));
		getJson("/api/v1/accounts/{id}/ledger", id).andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].type").value("PLACEMENT"))
			.andExpect(jsonPath("$[0].principal.amount").value("123456.50"));
		getJson("/api/v1/creditors/PL-NBFC/accounts/LN-0000").andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("account-ref 'LN-0000' not found"));
		getJson("/api/v1/accounts/{id}", UUID.randomUUID()).andExpect(status().isNotFound());
		getJson("/api/v1/accounts/not-a-uuid/ledger").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("id"));
	}

	@Test
	void aChangedBalanceIsPostedAsOneAdjustmentPerComponent() throws Exception {
		creditor("AD-NBFC", "IN", "INR", "IN", "Asia/Kolkata");
		String first = """
				{"accountRef": "LN-1", "customerRef": "CU-1", "customerName": "Anil Kumar", "currency": "INR",
				 "principalOutstanding": "10000", "interestOutstanding": "500", "feesOutstanding": "100",
				 "overdueAmount": "2000", "oldestDueDate": "2026-10-20", "phone1": "98470 12345"}""";
		String id = com.jayway.jsonpath.JsonPath.read(
				postJson("/api/v1/creditors/AD-NBFC/accounts", first).andReturn().getResponse().getContentAsString(),
				"$.id");
		String second = first.replace("\"10000\"", "\"9000\"")
			.replace("\"500\"", "\"650\"")
			.replace("\"98470 12345\"", "\"+91 98470 12345\", \"phone2\": \"94470 22222\"");
		postJson("/api/v1/creditors/AD-NBFC/accounts", second).andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("UPDATED"))
			.andExpect(jsonPath("$.balances.principal.amount").value("9000.00"))
			.andExpect(jsonPath("$.balances.interest.amount").value("650.00"))
			.andExpect(jsonPath("$.customer.phones", hasSize(2)));
		getJson("/api/v1/accounts/{id}/ledger", id)
			.andExpect(jsonPath("$[*].type")
				.value(org.hamcrest.Matchers.contains("PLACEMENT", "ADJUSTMENT", "ADJUSTMENT")))
			.andExpect(jsonPath("$[1].principal.amount").value("-1000.00"))
			.andExpect(jsonPath("$[2].interest.amount").value("150.00"));
	}

	@Test
	void placingTheSameFileAgainAfterPaymentsChangesNothing() throws Exception {
		creditor("RP-NBFC", "IN", "INR", "IN", "Asia/Kolkata");
		String placement = """
				{"accountRef": "HL-77", "customerRef": "CU-77", "customerName": "Biju George", "currency": "INR",
				 "principalOutstanding": "10000", "interestOutstanding": "500", "feesOutstanding": "0",
				 "overdueAmount": "2000", "oldestDueDate": "2026-10-20"}""";
		String id = com.jayway.jsonpath.JsonPath
			.read(postJson("/api/v1/creditors/RP-NBFC/accounts", placement).andReturn()
				.getResponse()
				.getContentAsString(), "$.id");
		postJson("/api/v1/accounts/" + id + "/payments", """
				{"amount": "1500", "channel": "UPI", "reference": "UPI-RP-1"}""").andExpect(status().isCreated());

		postJson("/api/v1/creditors/RP-NBFC/accounts", placement).andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("UNCHANGED"))
			.andExpect(jsonPath("$.balances.total.amount").value("9000.00"));

		// The creditor charges 150 more interest: only that movement is posted; the
		// payment stays.
		postJson("/api/v1/creditors/RP-NBFC/accounts", placement.replace("\"500\"", "\"650\""))
			.andExpect(jsonPath("$.outcome").value("UPDATED"))
			.andExpect(jsonPath("$.balances.interest.amount").value("150.00"))
			.andExpect(jsonPath("$.balances.total.amount").value("9150.00"));
		getJson("/api/v1/accounts/{id}/ledger", id).andExpect(
				jsonPath("$[*].type").value(org.hamcrest.Matchers.contains("PLACEMENT", "PAYMENT", "ADJUSTMENT")));
	}

	@Test
	void refusesTimeZonesGivenAsOffsetsAndTestCurrencies() throws Exception {
		for (String zone : new String[] { "UTC+05:30", "GMT-5", "+05:30", "Etc/GMT+5", "Asia/Atlantis" }) {
			postJson("/api/v1/creditors", """
					{"code": "TZ-1", "name": "X", "country": "IN", "currency": "INR", "jurisdiction": "IN",
					 "timeZone": "%s"}""".formatted(zone)).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("timeZone"));
		}
		postJson("/api/v1/creditors", """
				{"code": "TZ-1", "name": "X", "country": "IN", "currency": "XXX", "jurisdiction": "IN",
				 "timeZone": "Asia/Kolkata", "waterfall": [null, "FEES", "PRINCIPAL"]}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("currency", "waterfall")));
		creditor("CaseCo", "IN", "INR", "IN", "Asia/Kolkata");
		postJson("/api/v1/creditors", """
				{"code": "CASECO", "name": "X", "country": "IN", "currency": "INR", "jurisdiction": "IN",
				 "timeZone": "Asia/Kolkata"}""").andExpect(status().isConflict());
	}

	@Test
	void aBadPlacementIsRefusedWholeAndWritesNothing() throws Exception {
		creditor("BD-NBFC", "IN", "INR", "IN", "Asia/Kolkata");
		int customersBefore = count("customer_customers");
		postJson("/api/v1/creditors/BD-NBFC/accounts", """
				{"accountRef": "LN-X", "customerRef": "CU-X", "customerName": "X", "currency": "USD",
				 "principalOutstanding": "-1", "overdueAmount": "5"}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field",
					org.hamcrest.Matchers.hasItems("currency", "principalOutstanding", "oldestDueDate")));
		postJson("/api/v1/creditors/BD-NBFC/accounts", "{\"accountRef\": {}}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("accountRef"));
		postJson("/api/v1/creditors/NOPE/accounts", "{}").andExpect(status().isNotFound());
		String valid = """
				{"accountRef": "LN-Y", "customerRef": "CU-Y", "customerName": "Y", "currency": "INR",
				 "principalOutstanding": "100", "overdueAmount": "0"}""";
		postJson("/api/v1/creditors/BD-NBFC/accounts",
				valid.replace("\"overdueAmount\"", "\"interestOutstandng\": \"5\", \"overdueAmount\""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("interestOutstandng"))
			.andExpect(jsonPath("$.errors[0].message").value("is not a field of this request"));
		postJson("/api/v1/creditors/BD-NBFC/accounts", valid.replace("\"100\"", "\"1000000000000000\""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("principalOutstanding"));
		postJson("/api/v1/creditors/BD-NBFC/accounts", valid.replace("LN-Y", "L".repeat(4000)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("accountRef"));
		postJson("/api/v1/creditors/BD-NBFC/accounts", valid.replace("\"Y\"", "\"Y\\u0000Z\""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("customerName"));
		postJson("/api/v1/creditors/BD-NBFC/accounts",
				valid.replace("\"0\"}", "\"5\", \"oldestDueDate\": \"-10000-01-01\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("oldestDueDate"));
		assertThat(count("customer_customers")).isEqualTo(customersBefore);
		assertThat(this.jdbc.sql("SELECT count(*) FROM portfolio_accounts WHERE account_ref = 'LN-X'")
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void onlyAdministratorsAndManagersCreateCreditorsAndPlaceAccounts() throws Exception {
		this.mvc.perform(get("/api/v1/creditors")).andExpect(status().isUnauthorized());
		this.mvc
			.perform(post("/api/v1/creditors").with(httpBasic("admin", "wrong"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void aRetriedCreateWithTheSameIdempotencyKeyGetsTheFirstAnswer() throws Exception {
		String body = """
				{"code": "IK-1", "name": "Retried", "country": "GB", "currency": "GBP", "jurisdiction": "GB",
				 "timeZone": "Europe/London"}""";
		String first = this.mvc
			.perform(post("/api/v1/creditors").with(httpBasic("admin", "admin-secret"))
				.header("Idempotency-Key", "key-42")
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated())
			.andExpect(header().doesNotExist("Idempotent-Replayed"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String again = this.mvc
			.perform(post("/api/v1/creditors").with(httpBasic("admin", "admin-secret"))
				.header("Idempotency-Key", "key-42")
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated())
			.andExpect(header().string("Idempotent-Replayed", "true"))
			.andExpect(header().string("Location", "/api/v1/creditors/IK-1"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(again).isEqualTo(first);
		this.mvc
			.perform(post("/api/v1/creditors").with(httpBasic("admin", "admin-secret"))
				.header("Idempotency-Key", "key-42")
				.contentType(MediaType.APPLICATION_JSON)
				.content(body.replace("IK-1", "IK-2")))
			.andExpect(status().isUnprocessableContent());
		assertThat(this.jdbc.sql("SELECT count(*) FROM portfolio_creditors WHERE code IN ('IK-1', 'IK-2')")
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aKeyLeftInProgressByACrashedRequestIsTakenOverAfterFiveMinutes() throws Exception {
		this.jdbc.sql("""
				INSERT INTO system_idempotency_keys (username, key, request_hash, status, created_at)
				VALUES ('admin', 'key-crashed', 'whatever', 0, :at)""")
			.param("at", java.time.OffsetDateTime.parse("2026-11-26T09:50:00Z"))
			.update();
		this.mvc
			.perform(post("/api/v1/creditors").with(httpBasic("admin", "admin-secret"))
				.header("Idempotency-Key", "key-crashed")
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"code": "IK-9", "name": "After crash", "country": "IN", "currency": "INR",
						 "jurisdiction": "IN", "timeZone": "Asia/Kolkata"}"""))
			.andExpect(status().isCreated());
	}

	@Test
	void aFailedRequestDoesNotUseUpItsIdempotencyKey() throws Exception {
		String bad = "{\"code\": \"IK-3\"}";
		String good = """
				{"code": "IK-3", "name": "Fixed", "country": "IN", "currency": "INR", "jurisdiction": "IN",
				 "timeZone": "Asia/Kolkata"}""";
		this.mvc
			.perform(post("/api/v1/creditors").with(httpBasic("admin", "admin-secret"))
				.header("Idempotency-Key", "key-43")
				.contentType(MediaType.APPLICATION_JSON)
				.content(bad))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(post("/api/v1/creditors").with(httpBasic("admin", "admin-secret"))
				.header("Idempotency-Key", "key-43")
				.contentType(MediaType.APPLICATION_JSON)
				.content(bad))
			.andExpect(status().isBadRequest())
			.andExpect(header().string("Idempotent-Replayed", "true"));
		this.mvc
			.perform(post("/api/v1/creditors").with(httpBasic("admin", "admin-secret"))
				.header("Idempotency-Key", "key-44")
				.contentType(MediaType.APPLICATION_JSON)
				.content(good))
			.andExpect(status().isCreated());
	}

	@Test
	void readsBackAnAccountWhoseReferenceHasSlashes() throws Exception {
		creditor("SL-NBFC", "IN", "INR", "IN", "Asia/Kolkata");
		postJson("/api/v1/creditors/SL-NBFC/accounts", """
				{"accountRef": "HL/2024/0001", "customerRef": "CU/1", "customerName": "Shaji Pillai", "currency": "INR",
				 "principalOutstanding": "100", "overdueAmount": "0"}""").andExpect(status().isCreated());
		getJson("/api/v1/creditors/SL-NBFC/accounts/HL/2024/0001").andExpect(status().isOk())
			.andExpect(jsonPath("$.accountRef").value("HL/2024/0001"));
	}

	@Test
	void unknownPathsAndWrongMethodsAreProblemsToo() throws Exception {
		getJson("/api/v1/nope").andExpect(status().isNotFound())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/creditors/X")
				.with(httpBasic("admin", "admin-secret")))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void publishesAnOpenApiDocument() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/accounts/{accountId}/payments']").exists())
			.andExpect(jsonPath("$.paths['/api/v1/creditors/{code}/accounts']").exists());
	}

	private int count(String table) {
		return this.jdbc.sql("SELECT count(*) FROM " + table).query(Integer.class).single();
	}

}
