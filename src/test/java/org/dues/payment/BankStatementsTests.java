package org.dues.payment;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.dues.IntegrationTest;
import org.dues.Portfolios;
import org.dues.TestAgents;
import org.dues.portfolio.Accounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A camt.053 and an MT940 statement with every case (exact reference, reference in free
 * text, an already-posted gateway settlement, a payment link, a suggestion, an unknown
 * credit, a charge, a return), a repeated and an unbalanced file, and the exceptions a
 * user decides afterwards.
 */
@IntegrationTest
class BankStatementsTests {

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
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	StatementFixture world;

	@BeforeEach
	void world() {
		this.agents.manager("recon-m", "recon-secret");
		this.agents.pooledAgent("recon-a", "agent-secret");
		this.world = new StatementFixture(this.portfolios, this.bankAccounts, this.payments, this.accounts, this.jdbc,
				"pay_R");
	}

	ResultActions upload(byte[] file, String name, String... params) throws Exception {
		var request = multipart("/api/v1/bank-statements").file(new MockMultipartFile("file", name, null, file));
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return this.mvc.perform(request.with(httpBasic("recon-m", "recon-secret")))
			.andDo(org.springframework.test.web.servlet.result.MockMvcResultHandlers.print());
	}

	@Test
	void reconcilesACamt053StatementCaseByCase() throws Exception {
		String id = JsonPath.read(upload(this.world.statement("statement.camt053.xml", "301", "61261.00"), "s.xml")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.format").value("CAMT053"))
			.andExpect(jsonPath("$.creditor").value(this.world.creditor.code()))
			.andExpect(jsonPath("$.entries").value(8))
			.andExpect(jsonPath("$.matched").value(5))
			.andExpect(jsonPath("$.posted").value(3))
			.andExpect(jsonPath("$.alreadyPosted").value(1))
			.andExpect(jsonPath("$.reversed").value(1))
			.andExpect(jsonPath("$.suggested").value(1))
			.andExpect(jsonPath("$.unmatched").value(1))
			.andExpect(jsonPath("$.ignored").value(0))
			.andExpect(jsonPath("$.debits").value(1))
			.andExpect(jsonPath("$.openingBalance.amount").value("50000.00"))
			.andExpect(jsonPath("$.closingBalance.amount").value("61261.00"))
			.andExpect(jsonPath("$.balanced").value(true))
			.andExpect(jsonPath("$.creditsTotal.amount").value("12520.00"))
			.andExpect(jsonPath("$.debitsTotal.amount").value("1259.00"))
			.andExpect(jsonPath("$.totals.POSTED.amount").value("5200.00"))
			.andExpect(jsonPath("$.totals.ALREADY_POSTED.amount").value("2000.00"))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		List<Map<String, Object>> entries = entries(id);
		assertThat(entries).extracting((e) -> e.get("outcome"))
			.containsExactly("POSTED", "POSTED", "ALREADY_POSTED", "SUGGESTED", "UNMATCHED", "POSTED", "DEBIT",
					"REVERSED");
		assertThat(entries).extracting((e) -> e.get("matchedBy"))
			.containsExactly("ACCOUNT_REFERENCE", "ACCOUNT_REFERENCE", "PAYMENT_REFERENCE", "AMOUNT_AND_NAME", null,
					"LINK_REFERENCE", null, "RETURNED_PAYMENT");
		assertThat(entries.get(0).get("accountId")).isEqualTo(this.world.first.id().toString());
		assertThat(entries.get(1).get("accountId")).isEqualTo(this.world.second.id().toString());
		assertThat(entries.get(2).get("paymentId")).isEqualTo(this.world.gateway.id().toString());
		assertThat(entries.get(3).get("suggestedAccountId")).isEqualTo(this.world.third.id().toString());
		assertThat(entries.get(3).get("accountId")).isNull();
		assertThat(entries.get(4).get("payerName")).isEqualTo("UNKNOWN TRADERS");

		// first: 10000 - 2000 (gateway) - 3000; second: 8000 - 1200 (cheque) + 1200
		// (returned) - 1500 - 700
		assertThat(this.world.owed(this.world.first.id())).isEqualByComparingTo("5000");
		assertThat(this.world.owed(this.world.second.id())).isEqualByComparingTo("5800");
		assertThat(this.world.owed(this.world.third.id())).isEqualByComparingTo("6000");
		assertThat(this.payments.get(this.world.second.id(), this.world.cheque.id()).status())
			.isEqualTo(PaymentStatus.REVERSED);
		assertThat(this.payments.ofAccount(this.world.first.id())).extracting(PaymentView::reference)
			.contains("BANK:UTR" + this.world.creditor.code() + "0001");
		UUID link = this.jdbc.sql("SELECT link_id FROM payment_payments WHERE reference = :ref")
			.param("ref", "BANK:UTR" + this.world.creditor.code() + "0006")
			.query(UUID.class)
			.single();
		assertThat(link).isNotNull();
		this.world.ledgerEqualsBalances();

		// the same file again: the first report, nothing posted again
		int paymentsBefore = paymentCount();
		upload(this.world.statement("statement.camt053.xml", "301", "61261.00"), "again.xml").andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(id))
			.andExpect(jsonPath("$.posted").value(3));
		assertThat(paymentCount()).isEqualTo(paymentsBefore);

		// the statement's page names the account suggested and fills it in to accept; the
		// unknown credit suggests none
		org.jsoup.nodes.Document page = org.jsoup.Jsoup
			.parse(this.mvc.perform(get("/reconciliation/statements/{id}", id).with(user("recon-m").roles("MANAGER")))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString());
		assertThat(page.select("[data-suggested-account]").eachText())
			.containsExactly("Suggested account: " + this.world.third.accountRef());
		assertThat(page.select("input[name=accountRef]").eachAttr("value"))
			.containsExactly(this.world.third.accountRef(), "");

		// the exceptions: accept the suggestion, send the unknown credit to suspense
		String suggested = (String) entries.get(3).get("id");
		decide(id, suggested, "match", """
				{"accountId": "%s", "reason": "name and amount fit"}""".formatted(this.world.third.id()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("POSTED"))
			.andExpect(jsonPath("$.matchedBy").value("USER"));
		assertThat(this.world.owed(this.world.third.id())).isEqualByComparingTo("1679");
		String unknown = (String) entries.get(4).get("id");
		decide(id, unknown, "suspense", """
				{"reason": "no account named"}""").andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("SUSPENSE"));
		this.mvc
			.perform(get("/api/v1/unapplied-payments").param("status", "OPEN")
				.param("creditor", this.world.creditor.code())
				.with(httpBasic("recon-m", "recon-secret")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].amount.amount").value("999.00"))
			.andExpect(jsonPath("$[0].payerName").value("UNKNOWN TRADERS"))
			.andExpect(jsonPath("$[0].remittance").value("INVOICE 4471"))
			.andExpect(jsonPath("$[0].bankReference").value("UTR" + this.world.creditor.code() + "0005"))
			.andExpect(jsonPath("$[0].statementEntryId").value(unknown));
		// a debit cannot be matched
		decide(id, (String) entries.get(6).get("id"), "match", """
				{"accountId": "%s", "reason": "x"}""".formatted(this.world.first.id()))
			.andExpect(status().isConflict());
		this.mvc.perform(get("/api/v1/bank-statements/{id}", id).with(httpBasic("recon-m", "recon-secret")))
			.andExpect(jsonPath("$.posted").value(4))
			.andExpect(jsonPath("$.suggested").value(0))
			.andExpect(jsonPath("$.unmatched").value(0))
			.andExpect(jsonPath("$.suspense").value(1));
		this.world.ledgerEqualsBalances();
	}

	@Test
	void reconcilesAnMt940Statement() throws Exception {
		String id = JsonPath.read(upload(this.world.statement("statement.mt940", "77", "56240,00"), "s.sta")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.format").value("MT940"))
			.andExpect(jsonPath("$.entries").value(6))
			.andExpect(jsonPath("$.posted").value(2))
			.andExpect(jsonPath("$.alreadyPosted").value(1))
			.andExpect(jsonPath("$.reversed").value(1))
			.andExpect(jsonPath("$.unmatched").value(1))
			.andExpect(jsonPath("$.debits").value(1))
			.andExpect(jsonPath("$.openingBalance.amount").value("50000.00"))
			.andExpect(jsonPath("$.closingBalance.amount").value("56240.00"))
			.andExpect(jsonPath("$.balanced").value(true))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		List<Map<String, Object>> entries = entries(id);
		assertThat(entries).extracting((e) -> e.get("line")).containsExactly(5, 7, 9, 11, 13, 15);
		assertThat(entries).extracting((e) -> e.get("kind"))
			.containsExactly("TRANSFER", "TRANSFER", "TRANSFER", "TRANSFER", "CHARGE", "RETURN");
		assertThat(entries.get(3).get("payerName")).isEqualTo("UNKNOWN TRADERS");
		assertThat(this.world.owed(this.world.first.id())).isEqualByComparingTo("5000");
		assertThat(this.world.owed(this.world.second.id())).isEqualByComparingTo("6500");
		this.world.ledgerEqualsBalances();

		int before = paymentCount();
		upload(this.world.statement("statement.mt940", "77", "56240,00"), "s.sta").andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(id));
		assertThat(paymentCount()).isEqualTo(before);
		// ignoring the unknown credit, with a reason
		decide(id, (String) entries.get(3).get("id"), "ignore", """
				{"reason": "our own transfer"}""").andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("IGNORED"));
		decide(id, (String) entries.get(3).get("id"), "ignore", """
				{"reason": ""}""").andExpect(status().isBadRequest());
	}

	@Test
	void anUnbalancedStatementIsRefusedWithTheFiguresAndChangesNothing() throws Exception {
		int payments = paymentCount();
		int statements = statementCount();
		upload(this.world.statement("statement.camt053.xml", "302", "61262.00"), "s.xml")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(containsString(
					"opening 50000.00 + credits 12520.00 - debits 1259.00 = 61261.00, but the closing balance is 61262.00")));
		upload(this.world.statement("statement.mt940", "78", "56240,01"), "s.sta")
			.andExpect(status().isUnprocessableContent());
		// the reconciliation page says the refusal with its figures in the reader's
		// language
		assertThat(refusal(multipart("/reconciliation/statements").file(new MockMultipartFile("file", "s.sta", null,
				this.world.statement("statement.mt940", "79", "56240,01"))), "hi"))
			.contains("विवरण का मिलान नहीं होता", "56240.01")
			.doesNotContain("does not balance");
		assertThat(paymentCount()).isEqualTo(payments);
		assertThat(statementCount()).isEqualTo(statements);
		this.world.ledgerEqualsBalances();
	}

	@Test
	void unreadableFilesNameTheLineOrElement() throws Exception {
		int statements = statementCount();
		String broken = new String(this.world.statement("statement.camt053.xml", "303", "61261.00"),
				java.nio.charset.StandardCharsets.UTF_8)
			.replace("<Amt Ccy=\"INR\">999.00</Amt>", "<Amt Ccy=\"INR\">9x9.00</Amt>");
		upload(broken.getBytes(java.nio.charset.StandardCharsets.UTF_8), "s.xml").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("element Amt '9x9.00' is no amount")))
			.andExpect(jsonPath("$.detail").value(containsString("line ")));
		upload("<Document><BkToCstmrStmt><Stmt>".getBytes(), "s.xml").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("line 1")));
		String noClosing = new String(this.world.statement("statement.mt940", "79", "56240,00"),
				java.nio.charset.StandardCharsets.UTF_8)
			.replaceAll(":62F:.*\\n", "");
		upload(noClosing.getBytes(), "s.sta").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString(":62F:")));
		upload(this.world.statement("statement.camt053.xml", "304", "61261.00"), "s.xml", "format", "PDF")
			.andExpect(status().isBadRequest());
		byte[] stranger = new String(this.world.statement("statement.camt053.xml", "305", "61261.00"),
				java.nio.charset.StandardCharsets.UTF_8)
			.replace(this.world.iban, "GB00NOBODY1234")
			.getBytes();
		upload(stranger, "s.xml").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("no creditor has bank account GB00NOBODY1234")));
		assertThat(statementCount()).isEqualTo(statements);
	}

	@Test
	void theReconciliationPagesSayEveryRefusalInTheReadersLanguage() throws Exception {
		String broken = new String(this.world.statement("statement.camt053.xml", "306", "61261.00"),
				java.nio.charset.StandardCharsets.UTF_8)
			.replace("<Amt Ccy=\"INR\">999.00</Amt>", "<Amt Ccy=\"INR\">9x9.00</Amt>");
		assertThat(refusal(multipart("/reconciliation/statements").file(
				new MockMultipartFile("file", "s.xml", null, broken.getBytes(java.nio.charset.StandardCharsets.UTF_8))),
				"hi"))
			.contains("फ़ाइल को बैंक विवरण के रूप में नहीं पढ़ा जा सका", "9x9.00");
		byte[] stranger = new String(this.world.statement("statement.camt053.xml", "307", "61261.00"),
				java.nio.charset.StandardCharsets.UTF_8)
			.replace(this.world.iban, "GB00NOBODY1234")
			.getBytes();
		assertThat(refusal(
				multipart("/reconciliation/statements").file(new MockMultipartFile("file", "s.xml", null, stranger)),
				"ml"))
			.contains("ബാങ്ക് അക്കൗണ്ട് GB00NOBODY1234 ഒരു കടദാതാവിന്റേതുമല്ല")
			.doesNotContain("no creditor has");
		assertThat(refusal(multipart("/reconciliation/statements"), "hi")).contains("विवरण की फ़ाइल चुनें")
			.doesNotContain("choose a statement file");

		String id = JsonPath.read(upload(this.world.statement("statement.camt053.xml", "308", "61261.00"), "s.xml")
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		String entry = JsonPath.read(this.mvc
			.perform(get("/api/v1/bank-statements/{id}/entries", id).with(httpBasic("recon-m", "recon-secret")))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$[0].id");
		assertThat(refusal(post("/reconciliation/statements/{id}/entries/{entry}", id, entry).param("action", "match")
			.param("accountRef", "NOPE-1")
			.param("reason", "x"), "hi")).contains("NOPE-1 संदर्भ वाला कोई खाता नहीं है").doesNotContain("no account");
		assertThat(refusal(post("/reconciliation/statements/{id}/entries/{entry}", id, java.util.UUID.randomUUID())
			.param("action", "ignore")
			.param("reason", "x"), "ml")).contains("പേജ് വീണ്ടും ലോഡ് ചെയ്യുക").doesNotContain("not found");
		assertThat(refusal(post("/reconciliation/unapplied/{id}", java.util.UUID.randomUUID()).param("action", "return")
			.param("reason", "x"), "hi")).contains("पेज फिर से लोड करें").doesNotContain("not found");
	}

	/** The page's refusal, read in the language. */
	private String refusal(
			org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> request,
			String language) throws Exception {
		String page = this.mvc
			.perform(request.cookie(new jakarta.servlet.http.Cookie("dues-lang", language))
				.with(user("recon-m").roles("MANAGER"))
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return org.jsoup.Jsoup.parse(page).select(".alert-danger").text();
	}

	@Test
	void readsACsvStatementThroughAMappingProfile() throws Exception {
		this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.put("/api/v1/bank-statement-mappings/{name}", "hdfc-csv")
			.with(httpBasic("recon-m", "recon-secret"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"dateColumn": "Value Dt", "creditColumn": "Deposit Amt", "debitColumn": "Withdrawal Amt",
					 "referenceColumn": "Chq./Ref.No.", "remittanceColumn": "Narration", "dateFormat": "dd/MM/yy"}"""))
			.andExpect(status().isOk());
		String csv = """
				Date,Narration,Chq./Ref.No.,Value Dt,Withdrawal Amt,Deposit Amt,Closing Balance
				25/11/26,NEFT CR-%s-SURESH,N3291,25/11/26,,"1,250.00",51250.00
				25/11/26,SETTLEMENT %s,N3292,25/11/26,,2000.00,53250.00
				25/11/26,SMS CHARGES,C1,25/11/26,17.70,,53232.30
				""".formatted(this.world.first.accountRef(), this.world.gateway.reference());
		upload(csv.getBytes(), "hdfc.csv", "mapping", "hdfc-csv", "creditor", this.world.creditor.code())
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.format").value("CSV"))
			.andExpect(jsonPath("$.entries").value(3))
			.andExpect(jsonPath("$.posted").value(1))
			.andExpect(jsonPath("$.alreadyPosted").value(1))
			.andExpect(jsonPath("$.debits").value(1))
			.andExpect(jsonPath("$.balanced").doesNotExist());
		assertThat(this.world.owed(this.world.first.id())).isEqualByComparingTo("6750");
		upload(csv.getBytes(), "hdfc.csv", "mapping", "hdfc-csv", "creditor", this.world.creditor.code())
			.andExpect(status().isOk());
		upload(csv.replace(",N3292,25/11/26,", ",N3292,2026-11-25,").getBytes(), "bad.csv", "mapping", "hdfc-csv",
				"creditor", this.world.creditor.code())
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("line 3")));
		this.world.ledgerEqualsBalances();
	}

	@Test
	void onlyLeadsManagersAndAdministratorsReconcile() throws Exception {
		this.mvc.perform(multipart("/api/v1/bank-statements")
			.file(new MockMultipartFile("file", "s.xml", null,
					this.world.statement("statement.camt053.xml", "306", "61261.00")))
			.with(httpBasic("recon-a", "agent-secret"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/unapplied-payments").with(httpBasic("recon-a", "agent-secret")))
			.andExpect(status().isForbidden());
	}

	private List<Map<String, Object>> entries(String id) throws Exception {
		return JsonPath.read(this.mvc
			.perform(get("/api/v1/bank-statements/{id}/entries", id).with(httpBasic("recon-m", "recon-secret")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$");
	}

	private ResultActions decide(String statement, String entry, String action, String json) throws Exception {
		return this.mvc.perform(post("/api/v1/bank-statements/{id}/entries/{entry}/{action}", statement, entry, action)
			.with(httpBasic("recon-m", "recon-secret"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json));
	}

	private int paymentCount() {
		return this.jdbc.sql("SELECT count(*) FROM payment_payments").query(Integer.class).single();
	}

	private int statementCount() {
		return this.jdbc.sql("SELECT count(*) FROM payment_statements").query(Integer.class).single();
	}

}
