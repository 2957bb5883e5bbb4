package org.dues.payment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.Portfolios;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.dues.shared.InvalidInputException;
import org.dues.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Receipt numbers: gapless and unique per creditor and financial year, under concurrent
 * postings and rolled-back ones, with the year judged in the creditor's time zone.
 */
@IntegrationTest
@ExtendWith(MutableClock.BackToStart.class)
class ReceiptNumberingTests {

	@Autowired
	Portfolios portfolios;

	@Autowired
	PaymentManagement payments;

	@Autowired
	Receipts receipts;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	MutableClock clock;

	@Autowired
	org.dues.TestAgents agents;

	@Autowired
	MockMvc mvc;

	@Test
	void twoThreadsPostingForOneCreditorTakeNumbersOneToNWithNoGapOrRepeat() throws Exception {
		CreditorView nbfc = this.portfolios.indianNbfc();
		AccountView first = account(nbfc);
		AccountView second = account(nbfc);
		List<Callable<List<String>>> threads = new ArrayList<>();
		for (AccountView account : List.of(first, second)) {
			threads.add(() -> {
				List<String> numbers = new ArrayList<>();
				for (int i = 0; i < 15; i++) {
					numbers.add(pay(account, "100", account.accountRef() + "-" + i).receiptNumber());
				}
				return numbers;
			});
		}
		List<String> numbers = new ArrayList<>();
		for (List<String> some : all(threads)) {
			numbers.addAll(some);
		}
		List<String> expected = new ArrayList<>();
		for (int n = 1; n <= 30; n++) {
			expected.add("%s/2026-27/%06d".formatted(nbfc.code(), n));
		}
		assertThat(numbers).containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void aPostingThatRollsBackTakesNoNumber() {
		CreditorView nbfc = this.portfolios.indianNbfc();
		AccountView account = account(nbfc);
		assertThat(pay(account, "100", "R-1").receiptNumber()).endsWith("/000001");
		this.transactions.executeWithoutResult((tx) -> {
			pay(account, "100", "R-2");
			tx.setRollbackOnly();
		});
		assertThatThrownBy(() -> this.payments.post(account.id(),
				new NewPayment(Money.of("100", "INR"), PaymentChannel.UPI, "R-3", null, "KL-Z/1", null), "tester"))
			.isInstanceOf(InvalidInputException.class);
		assertThat(pay(account, "100", "R-4").receiptNumber()).endsWith("/000002");
	}

	@Test
	void theYearTurnsAtMidnightOfThirtyFirstMarchInTheCreditorsZone() {
		CreditorView nbfc = this.portfolios.indianNbfc();
		AccountView account = account(nbfc);
		// 23:30 in Kolkata on 31 March 2027: the last half hour of 2026-27
		this.clock.set(Instant.parse("2027-03-31T18:00:00Z"));
		assertThat(pay(account, "100", "FY-1").receiptNumber()).isEqualTo(nbfc.code() + "/2026-27/000001");
		assertThat(pay(account, "100", "FY-2").receiptNumber()).isEqualTo(nbfc.code() + "/2026-27/000002");
		// 00:00 on 1 April in Kolkata, still 31 March in UTC: 2027-28 starts again at 1
		this.clock.set(Instant.parse("2027-03-31T18:30:00Z"));
		PaymentView april = pay(account, "100", "FY-3");
		assertThat(april.receiptNumber()).isEqualTo(nbfc.code() + "/2027-28/000001");
		assertThat(this.receipts.of(april.id()).orElseThrow().issuedOn()).isEqualTo(LocalDate.of(2027, 4, 1));
	}

	@Test
	void eachCreditorCountsItsOwnAndAUsCreditorsYearIsTheCalendarYear() {
		CreditorView one = this.portfolios.indianNbfc();
		CreditorView two = this.portfolios.indianNbfc();
		CreditorView us = this.portfolios.usIssuer();
		assertThat(pay(account(one), "100", "C-1").receiptNumber()).isEqualTo(one.code() + "/2026-27/000001");
		assertThat(pay(account(two), "100", "C-1").receiptNumber()).isEqualTo(two.code() + "/2026-27/000001");
		assertThat(pay(account(one), "100", "C-2").receiptNumber()).isEqualTo(one.code() + "/2026-27/000002");
		AccountView usAccount = this.portfolios.overdue(us, 30, "900.00");
		PaymentView dollars = this.payments
			.post(usAccount.id(), new NewPayment(Money.of("50", "USD"), PaymentChannel.ACH, "US-1", null), "tester")
			.payment();
		assertThat(dollars.receiptNumber()).isEqualTo(us.code() + "/2026/000001");
	}

	@Test
	void aCreditorsOwnPrefixAndYearStart() {
		CreditorView nbfc = this.portfolios.indianNbfc();
		this.receipts.configure(nbfc, new ReceiptSettings("HDFC", MonthDay.of(1, 1)), "manager");
		assertThat(pay(account(nbfc), "100", "P-1").receiptNumber()).isEqualTo("HDFC/2026/000001");
		assertThatThrownBy(() -> this.receipts.configure(nbfc, new ReceiptSettings("HD FC", MonthDay.of(4, 1)), "m"))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void aManagerSetsTheNumberingThroughTheApi() throws Exception {
		this.agents.manager("numbering-manager", "numbering-secret");
		this.agents.pooledAgent("numbering-agent", "numbering-agent-secret");
		CreditorView nbfc = this.portfolios.indianNbfc();
		this.mvc
			.perform(get("/api/v1/creditors/{code}/receipt-settings", nbfc.code())
				.with(httpBasic("numbering-agent", "numbering-agent-secret")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.prefix").value(nbfc.code()))
			.andExpect(jsonPath("$.yearStartMonth").value(4))
			.andExpect(jsonPath("$.yearStartDay").value(1));
		String json = """
				{"prefix": "KSFE-TVM", "yearStartMonth": 7, "yearStartDay": 1}""";
		this.mvc
			.perform(put("/api/v1/creditors/{code}/receipt-settings", nbfc.code())
				.with(httpBasic("numbering-agent", "numbering-agent-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(put("/api/v1/creditors/{code}/receipt-settings", nbfc.code())
				.with(httpBasic("numbering-manager", "numbering-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.prefix").value("KSFE-TVM"));
		// 26 November 2026 lies in the year that started on 1 July 2026
		assertThat(pay(account(nbfc), "100", "S-1").receiptNumber()).isEqualTo("KSFE-TVM/2026-27/000001");
	}

	@Test
	void aBatchReservesItsNumbersInOrderAndLeavesReceiptedPaymentsAlone() {
		CreditorView nbfc = this.portfolios.indianNbfc();
		AccountView account = account(nbfc);
		PaymentView first = pay(account, "100", "B-1");
		PaymentView second = pay(account, "100", "B-2");
		List<ReceiptView> again = this.transactions
			.execute((tx) -> this.receipts.issueAll(nbfc.id(), List.of(second.id(), first.id())));
		assertThat(again).extracting(ReceiptView::number)
			.containsExactly(second.receiptNumber(), first.receiptNumber());
		assertThat(pay(account, "100", "B-3").receiptNumber()).endsWith("/000003");
		PaymentView elsewhere = pay(account(this.portfolios.indianNbfc()), "100", "B-4");
		assertThatThrownBy(() -> this.transactions
			.execute((tx) -> this.receipts.issueAll(nbfc.id(), List.of(first.id(), elsewhere.id()))))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("another creditor's");
	}

	private AccountView account(CreditorView creditor) {
		return this.portfolios.placed(creditor, "50000", "0", "0", "5000", LocalDate.of(2026, 10, 1));
	}

	private PaymentView pay(AccountView account, String amount, String reference) {
		return this.payments
			.post(account.id(), new NewPayment(Money.of(amount, "INR"), PaymentChannel.UPI, reference, null), "tester")
			.payment();
	}

	private static <T> List<T> all(List<Callable<T>> tasks) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
		try {
			List<T> results = new ArrayList<>();
			for (Future<T> future : pool.invokeAll(tasks)) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			pool.shutdown();
		}
	}

}
