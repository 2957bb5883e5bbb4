package org.dues.payment;

import java.time.LocalDate;

import org.dues.IntegrationTest;
import org.dues.Portfolios;
import org.dues.TestAgents;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.Money;
import org.dues.shared.NotPermittedException;
import org.dues.system.Actor;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Receipt books: each leaf used once, a leaf outside the collector's books refused, a
 * cancelled leaf never used, and what the book shows.
 */
@IntegrationTest
class ReceiptBooksTests {

	static final Actor MANAGER = Actor.of("book-manager", "ROLE_MANAGER");

	@Autowired
	Portfolios portfolios;

	@Autowired
	PaymentManagement payments;

	@Autowired
	ReceiptBooks books;

	@Autowired
	Receipts receipts;

	@Autowired
	TestAgents agents;

	@Autowired
	MockMvc mvc;

	@Test
	void cashFromTheFieldIsReceiptedOnTheAgentsBookLeafOnceAndTheSystemNumbersItToo() {
		CreditorView nbfc = this.portfolios.indianNbfc();
		AccountView account = account(nbfc);
		ReceiptBookView book = this.books.issue("KLA", 101, 105, "field-a", MANAGER);
		assertThat(book.unused()).isEqualTo(5);

		PaymentView cash = cash(account, "C-1", "KLA/102", null, "field-a");
		assertThat(cash.receiptNumber()).isEqualTo("KLA/102");
		ReceiptView receipt = this.receipts.of(cash.id()).orElseThrow();
		assertThat(receipt.bookNumber()).isEqualTo("KLA/102");
		assertThat(receipt.systemNumber()).isEqualTo(nbfc.code() + "/2026-27/000001");

		assertThatThrownBy(() -> cash(account, "C-2", "kla/0102", null, "field-a"))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("KLA/102 was used for another payment");
		assertThatThrownBy(() -> cash(account, "C-3", "KLA/106", null, "field-a"))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(ex) -> assertThat(ex.errors().get(0).field()).isEqualTo("receiptBookNumber"))
			.hasMessageContaining("KLA/106 is in no receipt book issued to field-a");
		assertThatThrownBy(() -> cash(account, "C-4", "KLA/103", null, "field-b"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("issued to field-b");
		assertThatThrownBy(() -> cash(account, "C-5", null, null, "field-a")).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("field-a holds a receipt book");
		// nothing of the refused postings remains, not even a system number
		PaymentView onBehalf = cash(account, "C-6", "KLA/103", "field-a", "clerk");
		assertThat(onBehalf.receiptNumber()).isEqualTo("KLA/103");
		assertThat(this.receipts.of(onBehalf.id()).orElseThrow().systemNumber()).endsWith("/000002");
		// someone holding no book takes cash at a counter without one
		assertThat(cash(account, "C-7", null, null, "counter").receiptNumber()).endsWith("/000003");
	}

	@Test
	void aCancelledLeafStaysRecordedWithItsReasonAndIsNeverUsed() {
		AccountView account = account(this.portfolios.indianNbfc());
		this.books.issue("KLB", 1, 4, "field-c", MANAGER);
		ReceiptBookView book = this.books.cancel("KLB/3", "Spoilt while writing", Actor.of("field-c", "ROLE_AGENT"));
		assertThat(book.leaves()).singleElement().satisfies((leaf) -> {
			assertThat(leaf.number()).isEqualTo("KLB/3");
			assertThat(leaf.status()).isEqualTo(ReceiptBookView.LeafStatus.CANCELLED);
			assertThat(leaf.reason()).isEqualTo("Spoilt while writing");
		});
		assertThatThrownBy(() -> cash(account, "X-1", "KLB/3", null, "field-c")).isInstanceOf(ConflictException.class)
			.hasMessageContaining("was cancelled");
		assertThatThrownBy(() -> this.books.cancel("KLB/3", "again", MANAGER)).isInstanceOf(ConflictException.class);
		cash(account, "X-2", "KLB/1", null, "field-c");
		ReceiptBookView after = this.books.list("field-c", MANAGER).get(0);
		assertThat(after.used()).isEqualTo(1);
		assertThat(after.cancelled()).isEqualTo(1);
		assertThat(after.unused()).isEqualTo(2);
	}

	@Test
	void onlyLeadsAndManagersIssueBooksAndNoLeafIsInTwoBooks() {
		this.books.issue("KLC", 1, 50, "field-d", MANAGER);
		assertThatThrownBy(() -> this.books.issue("KLC", 40, 60, "field-e", MANAGER))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("1-50");
		assertThatThrownBy(() -> this.books.issue("KLD", 1, 10, "field-d", Actor.of("field-d", "ROLE_AGENT")))
			.isInstanceOf(NotPermittedException.class);
		assertThatThrownBy(() -> this.books.issue("KLD", 10, 5, "field-d", MANAGER))
			.isInstanceOf(InvalidInputException.class);
		// an agent sees their own books only
		this.books.issue("KLE", 1, 5, "field-e", MANAGER);
		assertThat(this.books.list(null, Actor.of("field-e", "ROLE_AGENT"))).extracting(ReceiptBookView::series)
			.containsExactly("KLE");
	}

	@Test
	void theApiIssuesListsAndCancelsAndAPaymentNamesItsLeaf() throws Exception {
		this.agents.manager("books-manager", "books-secret");
		this.agents.pooledAgent("books-agent", "agent-secret");
		AccountView account = account(this.portfolios.indianNbfc());
		this.mvc
			.perform(post("/api/v1/receipt-books").with(httpBasic("books-manager", "books-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"series": "KLF", "first": 1, "last": 10, "agent": "books-agent"}"""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.unused").value(10));
		this.mvc
			.perform(post("/api/v1/receipt-books").with(httpBasic("books-agent", "agent-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"series": "KLG", "first": 1, "last": 10, "agent": "books-agent"}"""))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/api/v1/accounts/{id}/payments", account.id().value())
			.with(httpBasic("books-agent", "agent-secret"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"amount": "300.00", "channel": "CASH", "reference": "FIELD-1", "receiptBookNumber": "KLF/7"}"""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.receiptNumber").value("KLF/7"));
		this.mvc.perform(post("/api/v1/accounts/{id}/payments", account.id().value())
			.with(httpBasic("books-agent", "agent-secret"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"amount": "300.00", "channel": "CASH", "reference": "FIELD-2", "receiptBookNumber": "KLF/11"}"""))
			.andExpect(status().is4xxClientError())
			.andExpect(jsonPath("$.errors[0].field").value("receiptBookNumber"));
		this.mvc
			.perform(post("/api/v1/receipt-books/leaves/cancellation").with(httpBasic("books-agent", "agent-secret"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"leaf": "KLF/8", "reason": "Torn"}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.cancelled").value(1));
		this.mvc.perform(get("/api/v1/receipt-books").with(httpBasic("books-agent", "agent-secret")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].used").value(1))
			.andExpect(jsonPath("$[0].leaves[1].reason").value("Torn"));
	}

	private AccountView account(CreditorView creditor) {
		return this.portfolios.placed(creditor, "50000", "0", "0", "5000", LocalDate.of(2026, 10, 1));
	}

	private PaymentView cash(AccountView account, String reference, String leaf, String collectedBy, String who) {
		return this.payments.post(account.id(),
				new NewPayment(Money.of("100", "INR"), PaymentChannel.CASH, reference, null, leaf, collectedBy), who)
			.payment();
	}

}
