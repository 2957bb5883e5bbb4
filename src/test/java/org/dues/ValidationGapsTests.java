package org.dues;

import org.dues.portfolio.AccountView;
import org.dues.portfolio.Creditors;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What was accepted and should not have been: a note without a body (stored as the text
 * {@code null}), a date of birth in 2100 or before 1900, a country {@code ZZ}, a plan
 * dated {@code +999999999-12-31}.
 */
@IntegrationTest
class ValidationGapsTests {

	@Autowired
	Portfolios portfolios;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Creditors creditors;

	AccountView account() {
		return this.portfolios.overdue(this.portfolios.indianNbfc(), 30, "1000.00");
	}

	int notes(AccountView account) {
		return this.jdbc.sql("SELECT count(*) FROM work_notes WHERE account_id = :id")
			.param("id", account.id().value())
			.query(Integer.class)
			.single();
	}

	@Test
	void aNoteNeedsABodyOnTheApiAndTheDesk() throws Exception {
		AccountView account = account();
		for (String body : new String[] { "{}", "{\"body\": null}", "{\"body\": \"   \"}" }) {
			this.mvc
				.perform(post("/api/v1/accounts/{id}/notes", account.id().value())
					.with(httpBasic("admin", "admin-secret"))
					.contentType(MediaType.APPLICATION_JSON)
					.content(body))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("body"));
		}
		this.mvc
			.perform(post("/accounts/{id}/desk/notes", account.id().value()).with(user("admin").roles("ADMIN"))
				.with(csrf()))
			.andExpect(status().isOk());
		assertThat(notes(account)).isZero();
		this.mvc
			.perform(post("/api/v1/accounts/{id}/notes", account.id().value()).with(httpBasic("admin", "admin-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"body\": \"Called back\\nat noon\"}"))
			.andExpect(status().isCreated());
		assertThat(notes(account)).isOne();
	}

	@Test
	void thePlacementApiRefusesAnImplausibleDateOfBirthAndACountryThatIsNone() throws Exception {
		this.portfolios.indianNbfc();
		String code = this.creditors.list()
			.stream()
			.filter((c) -> c.country().equals("IN"))
			.findFirst()
			.orElseThrow()
			.code();
		for (String[] bad : new String[][] { { "dateOfBirth", "2100-01-01" }, { "dateOfBirth", "1899-12-31" },
				{ "dateOfBirth", "2020-01-01" }, { "country", "ZZ" } }) {
			this.mvc
				.perform(post("/api/v1/creditors/{code}/accounts", code).with(httpBasic("admin", "admin-secret"))
					.contentType(MediaType.APPLICATION_JSON)
					.content("""
							{"accountRef": "DOB-%s", "customerRef": "C-DOB", "customerName": "Asha", "currency": "INR",
							 "principalOutstanding": "100", "overdueAmount": "0", "%s": "%s"}""".formatted(bad[1],
							bad[0], bad[1])))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value(bad[0]));
		}
	}

	@Test
	void aPlanDatedBeyondTheCalendarIsRefusedNamingTheField() throws Exception {
		AccountView account = account();
		this.mvc.perform(post("/api/v1/accounts/{id}/plans", account.id().value())
			.with(httpBasic("admin", "admin-secret"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"instalments": 3, "frequency": "MONTHLY", "firstDueOn": "+999999999-12-31", "amount": "300"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("1900-01-01")));
	}

}
