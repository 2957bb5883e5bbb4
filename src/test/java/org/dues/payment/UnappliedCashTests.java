package org.dues.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.dues.IntegrationTest;
import org.dues.Portfolios;
import org.dues.TestAgents;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.shared.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Unapplied cash applied, split and returned: exact sums, all or nothing, idempotent
 * retries, a reason each time, and only for leads and above.
 */
@IntegrationTest
class UnappliedCashTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAgents agents;

	@Autowired
	Portfolios portfolios;

	@Autowired
	CreditorBankAccounts bankAccounts;

	@Autowired
	PaymentManagement payments;

	@Autowired
	UnappliedCash unapplied;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	StatementFixture world;

	UUID item;

	@BeforeEach
	void money() {
		this.agents.manager("suspense-m", "suspense-secret");
		this.agents.pooledAgent("suspense-a", "agent-secret");
		this.world = new StatementFixture(this.portfolios, this.bankAccounts, this.payments, this.accounts, this.jdbc,
				"pay_U");
		this.item = this.unapplied
			.receive(
					new NewUnapplied(this.world.creditor.id(), Money.of("1000.00", "INR"), LocalDate.of(2026, 11, 25),
							"K RAMAN", "50100099887766", "FOR MY LOAN", "E2E-77", "UTR777", null, "no account named"),
					"tester")
			.id();
	}

	ResultActions apply(String json, String user, String password) throws Exception {
		return this.mvc.perform(post("/api/v1/unapplied-payments/{id}/apply", this.item).with(httpBasic(user, password))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json));
	}

	ResultActions apply(String json) throws Exception {
		return apply(json, "suspense-m", "suspense-secret");
	}

	@Test
	void appliedInPartThenSplitExactlyAndRetriesPostNothingTwice() throws Exception {
		String part = """
				{"accountId": "%s", "amount": "300.00", "reason": "customer called"}"""
			.formatted(this.world.first.id());
		apply(part).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("OPEN"))
			.andExpect(jsonPath("$.applied.amount").value("300.00"))
			.andExpect(jsonPath("$.open.amount").value("700.00"));
		int afterFirst = paymentCount();
		apply(part).andExpect(status().isOk()).andExpect(jsonPath("$.applied.amount").value("300.00"));
		assertThat(paymentCount()).isEqualTo(afterFirst);

		// parts that do not add up to what is open: refused, nothing posted
		apply("""
				{"splits": [{"accountId": "%s", "amount": "400.00"}, {"accountId": "%s", "amount": "200.00"}],
				 "reason": "two loans"}""".formatted(this.world.first.id(), this.world.second.id()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("add up to INR 600.00 but INR 700.00 is open")));
		// a part on another creditor's account: all or nothing
		AccountView stranger = this.portfolios.placed(this.portfolios.indianNbfc(), "5000", "0", "0", "500",
				LocalDate.of(2026, 10, 1));
		apply("""
				{"splits": [{"accountId": "%s", "amount": "400.00"}, {"accountId": "%s", "amount": "300.00"}],
				 "reason": "two loans"}""".formatted(this.world.first.id(), stranger.id()))
			.andExpect(status().isBadRequest());
		assertThat(paymentCount()).isEqualTo(afterFirst);
		assertThat(this.unapplied.get(this.item).applied().amount()).isEqualByComparingTo("300");

		String split = """
				{"splits": [{"accountId": "%s", "amount": "400.00"}, {"accountId": "%s", "amount": "300.00"}],
				 "reason": "two loans of one customer"}""".formatted(this.world.first.id(), this.world.second.id());
		apply(split).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SPLIT"))
			.andExpect(jsonPath("$.applied.amount").value("1000.00"))
			.andExpect(jsonPath("$.open.amount").value("0.00"))
			.andExpect(jsonPath("$.history.length()").value(4));
		int afterSplit = paymentCount();
		assertThat(afterSplit).isEqualTo(afterFirst + 2);
		apply(split).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SPLIT"));
		assertThat(paymentCount()).isEqualTo(afterSplit);
		this.mvc
			.perform(post("/api/v1/unapplied-payments/{id}/return", this.item)
				.with(httpBasic("suspense-m", "suspense-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"reason": "too late"}"""))
			.andExpect(status().isConflict());

		UnappliedView done = this.unapplied.get(this.item);
		assertThat(done.applied().plus(done.returned())).isEqualTo(done.amount());
		BigDecimal paid = this.payments.ofAccount(this.world.first.id())
			.stream()
			.filter((p) -> p.reference().startsWith("UNAPPLIED:"))
			.map((p) -> p.amount().amount())
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(paid).isEqualByComparingTo("700");
		this.world.ledgerEqualsBalances();
	}

	@Test
	void returnedWithAReasonByALeadOrAbove() throws Exception {
		this.mvc
			.perform(post("/api/v1/unapplied-payments/{id}/return", this.item)
				.with(httpBasic("suspense-m", "suspense-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isBadRequest());
		apply("""
				{"accountId": "%s", "reason": "x"}""".formatted(this.world.first.id()), "suspense-a", "agent-secret")
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/v1/unapplied-payments/{id}/return", this.item)
				.with(httpBasic("suspense-m", "suspense-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"reason": "payer asked for it back"}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("RETURNED"))
			.andExpect(jsonPath("$.returned.amount").value("1000.00"))
			.andExpect(jsonPath("$.history[1].action").value("RETURNED"))
			.andExpect(jsonPath("$.history[1].reason").value("payer asked for it back"));
		this.mvc
			.perform(get("/api/v1/unapplied-payments").param("status", "RETURNED")
				.with(httpBasic("suspense-m", "suspense-secret")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == '%s')]".formatted(this.item)).exists());
		apply("""
				{"accountId": "%s", "reason": "x"}""".formatted(this.world.first.id()))
			.andExpect(status().isConflict());
	}

	private int paymentCount() {
		return this.jdbc.sql("SELECT count(*) FROM payment_payments").query(Integer.class).single();
	}

}
