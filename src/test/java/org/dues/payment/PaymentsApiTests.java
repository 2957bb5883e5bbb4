package org.dues.payment;

import java.time.LocalDate;

import org.dues.IntegrationTest;
import org.dues.Portfolios;
import org.dues.TestAgents;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.CreditorView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class PaymentsApiTests {

	@Autowired
	TestAgents agents;

	@Autowired
	Portfolios portfolios;

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	AccountView account;

	@BeforeEach
	void placeAnAccount() {
		this.agents.pooledAgent("agent-t", "agent-secret");
		this.agents.officer("compliance-t", "compliance-secret");
		CreditorView nbfc = this.portfolios.indianNbfc();
		this.account = this.portfolios.placed(nbfc, "10000", "1200", "500", "3000", LocalDate.of(2026, 10, 1));
	}

	ResultActions pay(String json) throws Exception {
		return this.mvc.perform(post("/api/v1/accounts/{id}/payments", this.account.id().value())
			.with(httpBasic("agent-t", "agent-secret"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json));
	}

	@Test
	void postsByTheWaterfallAndIsIdempotentOnTheReference() throws Exception {
		String json = """
				{"amount": "2600.00", "channel": "UPI", "reference": "UPI-778899", "receivedOn": "2026-11-25"}""";
		String id = com.jayway.jsonpath.JsonPath.read(pay(json).andExpect(status().isCreated())
			.andExpect(header().exists("Location"))
			.andExpect(jsonPath("$.amount.amount").value("2600.00"))
			.andExpect(jsonPath("$.amount.currency").value("INR"))
			.andExpect(jsonPath("$.allocation.fees.amount").value("500.00"))
			.andExpect(jsonPath("$.allocation.interest.amount").value("1200.00"))
			.andExpect(jsonPath("$.allocation.principal.amount").value("900.00"))
			.andExpect(jsonPath("$.status").value("POSTED"))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");

		pay(json).andExpect(status().isOk()).andExpect(jsonPath("$.id").value(id));

		AccountView after = this.accounts.get(this.account.id());
		assertThat(after.balances().principal().amount()).isEqualByComparingTo("9100.00");
		assertThat(after.balances().fees().isZero()).isTrue();
		assertThat(after.overdueAmount().amount()).isEqualByComparingTo("400.00");
		assertThat(after.lastPaymentDate()).isEqualTo(LocalDate.of(2026, 11, 25));
		assertThat(this.accounts.ledger(this.account.id())).hasSize(2);
	}

	@Test
	void aReferenceUsedForAnotherPaymentIsAConflict() throws Exception {
		pay("""
				{"amount": "100.00", "channel": "CASH", "reference": "RCPT-1"}""").andExpect(status().isCreated());
		pay("""
				{"amount": "150.00", "channel": "CASH", "reference": "RCPT-1"}""").andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("RCPT-1")));
		assertThat(this.accounts.ledger(this.account.id())).hasSize(2);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = { "{\"amount\": \"-5\", \"channel\": \"UPI\", \"reference\": \"R1\"}|amount",
			"{\"amount\": \"0\", \"channel\": \"UPI\", \"reference\": \"R1\"}|amount",
			"{\"amount\": \"abc\", \"channel\": \"UPI\", \"reference\": \"R1\"}|amount",
			"{\"amount\": \"10.555\", \"channel\": \"UPI\", \"reference\": \"R1\"}|amount",
			"{\"channel\": \"UPI\", \"reference\": \"R1\"}|amount",
			"{\"amount\": \"10\", \"channel\": \"PIGEON\", \"reference\": \"R1\"}|channel",
			"{\"amount\": \"10\", \"channel\": \"UPI\"}|reference",
			"{\"amount\": \"10\", \"currency\": \"USD\", \"channel\": \"UPI\", \"reference\": \"R1\"}|currency",
			"{\"amount\": \"10\", \"channel\": \"UPI\", \"reference\": \"R1\", \"receivedOn\": \"2026-13-01\"}|receivedOn",
			"{\"amount\": \"10\", \"channel\": \"UPI\", \"reference\": \"R1\", \"receivedOn\": \"2026-12-25\"}|receivedOn",
			"{\"amount\": \"10\", \"channel\": \"UPI\", \"reference\": \"R1\", \"receivedOn\": \"0001-01-01\"}|receivedOn",
			"{\"amount\": \"10\", \"channel\": \"UPI\", \"reference\": \"R1\", \"receivedOn\": \"2026-01-01\"}|receivedOn",
			"{\"amount\": {\"value\": 10}, \"channel\": \"UPI\", \"reference\": \"R1\"}|amount",
			"{\"amount\": \"10\", \"channel\": [\"UPI\"], \"reference\": \"R1\"}|channel" })
	void badInputIsRefusedNamingTheFieldAndChangesNothing(String json, String field) throws Exception {
		pay(json).andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem(field)))
			.andExpect(jsonPath("$.trace").doesNotExist());
		assertThat(this.accounts.ledger(this.account.id())).hasSize(1);
		assertThat(this.accounts.get(this.account.id()).balances()).isEqualTo(this.account.balances());
	}

	@Test
	void aLateReportedOlderPaymentDoesNotReplaceTheLastPayment() throws Exception {
		pay("""
				{"amount": "100.00", "channel": "UPI", "reference": "UPI-NEW", "receivedOn": "2026-11-26"}""")
			.andExpect(status().isCreated());
		pay("""
				{"amount": "70.00", "channel": "CASH", "reference": "RCPT-OLD", "receivedOn": "2026-11-20"}""")
			.andExpect(status().isCreated());
		AccountView after = this.accounts.get(this.account.id());
		assertThat(after.lastPaymentDate()).isEqualTo(LocalDate.of(2026, 11, 26));
		assertThat(after.lastPaymentAmount().amount()).isEqualByComparingTo("100.00");
	}

	@Test
	void aBodyThatIsNotJsonIsAProblem() throws Exception {
		pay("amount=10").andExpect(status().isBadRequest()).andExpect(jsonPath("$.title").value("Unreadable request"));
	}

	@Test
	void anUnknownAccountIsNotFound() throws Exception {
		this.mvc
			.perform(post("/api/v1/accounts/{id}/payments", java.util.UUID.randomUUID())
				.with(httpBasic("agent-t", "agent-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"amount\": \"10\", \"channel\": \"UPI\", \"reference\": \"R1\"}"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("account")));
	}

	@Test
	void anOverpaymentBecomesCreditAndTheAccountIsPaid() throws Exception {
		pay("""
				{"amount": "12000.00", "channel": "BANK_TRANSFER", "reference": "NEFT-1"}""")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.allocation.credit.amount").value("300.00"));
		AccountView after = this.accounts.get(this.account.id());
		assertThat(after.balances().credit().amount()).isEqualByComparingTo("300.00");
		assertThat(after.balances().total().amount()).isEqualByComparingTo("-300.00");
		assertThat(after.status()).isEqualTo(org.dues.portfolio.AccountStatus.PAID);
		assertThat(after.bucket()).isEqualTo("CURRENT");
	}

	@Test
	void aBouncedPaymentRestoresWhatItReduced() throws Exception {
		String paymentId = com.jayway.jsonpath.JsonPath.read(pay("""
				{"amount": "12000.00", "channel": "CHEQUE", "reference": "CHQ-000123"}""").andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		String reversal = "/api/v1/accounts/{id}/payments/{payment}/reversal";
		this.mvc
			.perform(post(reversal, this.account.id().value(), paymentId).with(httpBasic("agent-t", "agent-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"Cheque returned: insufficient funds\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REVERSED"));
		this.mvc
			.perform(post(reversal, this.account.id().value(), paymentId).with(httpBasic("agent-t", "agent-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"again\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.reversalReason").value("Cheque returned: insufficient funds"));
		AccountView after = this.accounts.get(this.account.id());
		assertThat(after.balances()).isEqualTo(this.account.balances());
		assertThat(after.overdueAmount()).isEqualTo(this.account.overdueAmount());
		assertThat(after.status()).isEqualTo(org.dues.portfolio.AccountStatus.ACTIVE);
		assertThat(after.bucket()).isEqualTo(this.account.bucket());
		assertThat(this.accounts.ledger(this.account.id())).hasSize(3);
	}

	@Test
	void onlyAuthenticatedCollectorsPostPayments() throws Exception {
		this.mvc
			.perform(post("/api/v1/accounts/{id}/payments", this.account.id().value())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Basic")));
		this.mvc
			.perform(post("/api/v1/accounts/{id}/payments", this.account.id().value())
				.with(httpBasic("agent-t", "wrong"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isUnauthorized());
		this.mvc
			.perform(post("/api/v1/accounts/{id}/payments", this.account.id().value())
				.with(httpBasic("compliance-t", "compliance-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"amount\": \"10\", \"channel\": \"UPI\", \"reference\": \"R9\"}"))
			.andExpect(status().isForbidden());
	}

}
