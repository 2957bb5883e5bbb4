package org.dues;

import java.time.Clock;

import org.dues.portfolio.AccountView;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Requests checked by Bean Validation answer as the hand-written checks did: a problem
 * detail naming each bad field, class-level rules included, and nothing changed.
 */
@IntegrationTest
class RequestValidationTests {

	@Autowired
	Portfolios portfolios;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	AccountView account() {
		return this.portfolios.overdue(this.portfolios.indianNbfc(), 30, "1000.00");
	}

	ResultActions send(String path, AccountView account, String json) throws Exception {
		return this.mvc.perform(
				post("/api/v1/accounts/{id}/" + path, account.id().value()).with(httpBasic("admin", "admin-secret"))
					.contentType(MediaType.APPLICATION_JSON)
					.content(json));
	}

	int holds(AccountView account) {
		return this.jdbc.sql("SELECT count(*) FROM compliance_holds WHERE customer_id = :customer")
			.param("customer", account.customerId().value())
			.query(Integer.class)
			.single();
	}

	@Test
	void aHoldThatEndsBeforeItWasReceivedIsRefusedNamingItsEnd() throws Exception {
		AccountView account = account();
		send("holds", account, """
				{"type": "DISPUTE", "receivedAt": "2026-11-20T10:00:00Z", "endsAt": "2026-11-19T10:00:00Z",
				 "reason": "Letter of 20 November"}""").andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("endsAt")))
			.andExpect(jsonPath("$.errors[0].message").value("must come after 2026-11-20T10:00:00Z"));
		// without receivedAt the start is now, by the application's clock
		send("holds", account,
				"""
						{"type": "DISPUTE", "endsAt": "%s", "reason": "Call"}"""
					.formatted(IntegrationTest.START.minusSeconds(60)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("endsAt"))
			.andExpect(jsonPath("$.errors[0].message").value("must come after " + this.clock.instant()));
		assertThat(holds(account)).isZero();
		send("holds", account, """
				{"type": "DISPUTE", "receivedAt": "2026-11-20T10:00:00Z", "endsAt": "2026-11-21T10:00:00Z",
				 "reason": "Letter of 20 November"}""").andExpect(status().isCreated());
		assertThat(holds(account)).isOne();
	}

	@Test
	void aHoldReceivedInTheFutureOfTheApplicationsClockIsRefused() throws Exception {
		AccountView account = account();
		String tomorrow = this.clock.instant().plusSeconds(86_400).toString();
		send("holds", account, """
				{"type": "CEASE", "receivedAt": "%s", "reason": "Letter"}""".formatted(tomorrow))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("receivedAt"))
			.andExpect(jsonPath("$.errors[0].message").value(tomorrow + " lies in the future"));
		send("holds", account, "{}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("reason", "type")));
		assertThat(holds(account)).isZero();
	}

	@Test
	void aPaymentAmountHasNoMorePlacesThanTheAccountsCurrency() throws Exception {
		AccountView account = account();
		send("payments", account, """
				{"amount": "10.555", "channel": "UPI", "reference": "R-3DP"}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("amount"))
			.andExpect(jsonPath("$.errors[0].message").value("'10.555' has more decimal places than INR allows"));
		send("payments", account, """
				{"amount": "10.50", "channel": "upi", "reference": "R-2DP"}""").andExpect(status().isCreated());
	}

	@Test
	void everyBadFieldOfAPaymentIsNamedAtOnce() throws Exception {
		send("payments", account(), """
				{"amount": "0", "channel": "PIGEON", "receivedOn": "2026-13-01"}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field")
				.value(containsInAnyOrder("amount", "channel", "reference", "receivedOn")))
			.andExpect(jsonPath("$.detail").value("amount: must be greater than zero; "
					+ "channel: 'PIGEON' is not one of [UPI, CARD, BANK_TRANSFER, NETBANKING, ACH, CASH, CHEQUE, PAYMENT_LINK, WALLET, OTHER]; "
					+ "receivedOn: '2026-13-01' is not a date yyyy-MM-dd; reference: is required"));
	}

	@Test
	void aPromiseNeedsItsAmountAndDateUnlessItGivesASchedule() throws Exception {
		AccountView account = account();
		send("promises", account, "{}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("amount", "dueOn")))
			.andExpect(jsonPath("$.errors[*].message").value(hasItem("is required")));
		send("promises", account, """
				{"schedule": [{"dueOn": "2026-12-01", "amount": "100"}, {"dueOn": "2026-12-15"}]}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("schedule[1].amount")));
		send("promises", account, """
				{"schedule": [{"dueOn": "2026-12-01", "amount": "100"}, {"dueOn": "2026-12-15", "amount": "100"}]}""")
			.andExpect(status().isCreated());
	}

	@Test
	void anOutcomeNamesEveryFieldItNeedsAtOnce() throws Exception {
		send("dispositions", account(), """
				{"result": "NO_ANSWER", "outcome": "PLAN_AGREED"}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field")
				.value(containsInAnyOrder("dueOn", "frequency", "instalments", "outcome")));
	}

	@Test
	void onlyAnInboundContactTakesAStartTime() throws Exception {
		AccountView account = account();
		send("contacts", account, """
				{"channel": "CALL", "startedAt": "2026-11-26T09:00:00Z"}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("startedAt")));
		send("contacts", account, """
				{"channel": "CALL", "direction": "inbound", "result": "CONVERSATION",
				 "startedAt": "2026-11-26T09:00:00Z"}""").andExpect(status().isCreated());
	}

}
