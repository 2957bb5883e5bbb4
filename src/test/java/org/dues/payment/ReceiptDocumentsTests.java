package org.dues.payment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dues.IntegrationTest;
import org.dues.Portfolios;
import org.dues.TestAgents;
import org.dues.identity.Role;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.dues.shared.Money;
import org.dues.system.Actor;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The receipt's PDF in the customer's language, read back as text: the amount in figures
 * and in words, the split, the balance right after the payment, a reversal; and who may
 * download it.
 */
@IntegrationTest
class ReceiptDocumentsTests {

	@Autowired
	Portfolios portfolios;

	@Autowired
	PaymentManagement payments;

	@Autowired
	ReceiptDocuments documents;

	@Autowired
	TestAgents agents;

	@Autowired
	MockMvc mvc;

	@Test
	void englishReceiptStatesTheAmountInFiguresAndWordsTheSplitAndTheBalanceLeft() throws IOException {
		CreditorView nbfc = this.portfolios.indianNbfc();
		AccountView account = account(nbfc, "en");
		PaymentView payment = pay(account, "12500.50", "UPI-EN-1");
		// a later payment does not change what the first receipt says was left
		pay(account, "1000", "UPI-EN-2");
		String text = text(this.documents.of(account.id(), payment.id()), "en");
		assertThat(text).contains("Test NBFC")
			.contains("Payment receipt")
			.contains(payment.receiptNumber())
			.contains("₹12,500.50")
			.contains("Rupees twelve thousand five hundred and paise fifty only")
			.contains("Principal ₹10,800.50")
			.contains("Interest ₹1,200.00")
			.contains("Fees and charges ₹500.00")
			.contains("Balance after this payment ₹9,199.50")
			.contains("UPI-EN-1")
			.contains("XXXX" + account.accountRef().substring(account.accountRef().length() - 4))
			.doesNotContain(account.accountRef())
			.doesNotContain("REVERSED");
	}

	@Test
	void hindiAndMalayalamReceiptsSpellTheAmountInTheirLanguage() throws IOException {
		CreditorView nbfc = this.portfolios.indianNbfc();
		for (Map.Entry<String, List<String>> language : Map
			.of("hi", List.of("बारह", "पाँच सौ", "पचास पैसे", "मूलधन", "भुगतान रसीद"), "ml",
					// text extracted from shaped Malayalam loses what went into a
					// conjunct's
					// glyph (ത്ത, ഞ്ഞ): these words have none; AmountInWordsTests reads
					// the
					// whole spelling before it is set
					List.of("രൂപ", "അൻപത്", "മുതൽ", "പലിശ", "രസീത്"))
			.entrySet()) {
			AccountView account = account(nbfc, language.getKey());
			PaymentView payment = pay(account, "12500.50", "UPI-" + language.getKey());
			ReceiptDocuments.Document document = this.documents.of(account.id(), payment.id());
			assertThat(document.language()).isEqualTo(language.getKey());
			String text = text(document, language.getKey());
			assertThat(text).contains("12,500.50").contains("9,199.50");
			for (String word : language.getValue()) {
				assertThat(text).as(language.getKey()).contains(word);
			}
		}
	}

	@Test
	void aReversedPaymentKeepsItsReceiptMarkedReversedWithTheReason() throws IOException {
		CreditorView nbfc = this.portfolios.indianNbfc();
		AccountView account = account(nbfc, "en");
		PaymentView payment = pay(account, "500", "CHQ-REV");
		PaymentView reversed = this.payments.reverse(account.id(), payment.id(), "Cheque bounced",
				Actor.of("lead", "ROLE_TEAM_LEAD"));
		assertThat(reversed.receiptNumber()).isEqualTo(payment.receiptNumber());
		assertThat(text(this.documents.of(payment.id()), "en-reversed")).contains("REVERSED/CANCELLED: Cheque bounced")
			.contains(payment.receiptNumber());
	}

	@Test
	void theReceiptDownloadsWithinTheCallersScopeAndIsNotFoundOutsideIt() throws Exception {
		this.agents.pooledAgent("receipt-agent", "receipt-secret");
		this.agents.user("receipt-outsider", "outsider-secret", Role.AGENT);
		AccountView account = account(this.portfolios.indianNbfc(), "en");
		PaymentView payment = pay(account, "250", "UPI-SCOPE");
		this.mvc
			.perform(get("/api/v1/payments/{id}/receipt", payment.id().value())
				.with(httpBasic("receipt-agent", "receipt-secret")))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_PDF));
		this.mvc
			.perform(get("/api/v1/accounts/{a}/payments/{p}/receipt", account.id().value(), payment.id().value())
				.with(httpBasic("receipt-agent", "receipt-secret")))
			.andExpect(status().isOk());
		this.mvc
			.perform(get("/api/v1/accounts/{a}/payments/{p}", account.id().value(), payment.id().value())
				.with(httpBasic("receipt-agent", "receipt-secret")))
			.andExpect(jsonPath("$.receiptNumber").value(payment.receiptNumber()));
		this.mvc
			.perform(get("/api/v1/payments/{id}/receipt", payment.id().value())
				.with(httpBasic("receipt-outsider", "outsider-secret")))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(get("/api/v1/accounts/{a}/payments/{p}/receipt", account.id().value(), payment.id().value())
				.with(httpBasic("receipt-outsider", "outsider-secret")))
			.andExpect(status().isNotFound());
		// another account's payment under an account the caller reaches
		AccountView other = account(this.portfolios.indianNbfc(), "en");
		this.mvc
			.perform(get("/api/v1/accounts/{a}/payments/{p}/receipt", other.id().value(), payment.id().value())
				.with(httpBasic("receipt-agent", "receipt-secret")))
			.andExpect(status().isNotFound());
	}

	private AccountView account(CreditorView creditor, String language) {
		Map<String, String> row = Portfolios.row(creditor, "20000");
		row.put("interest_outstanding", "1200");
		row.put("fees_outstanding", "500");
		row.put("overdue_amount", "5000");
		row.put("oldest_due_date", "2026-10-01");
		row.put("language", language);
		row.put("customer_name", "Lakshmi Menon");
		return this.portfolios.place(creditor, row);
	}

	private PaymentView pay(AccountView account, String amount, String reference) {
		return this.payments
			.post(account.id(), new NewPayment(Money.of(amount, "INR"), PaymentChannel.UPI, reference, null), "tester")
			.payment();
	}

	private static String text(ReceiptDocuments.Document document, String name) throws IOException {
		Path dir = Files.createDirectories(Path.of("target", "receipts"));
		Files.write(dir.resolve("receipt-" + name + ".pdf"), document.pdf());
		try (PDDocument pdf = Loader.loadPDF(document.pdf())) {
			assertThat(pdf.getNumberOfPages()).isEqualTo(1);
			List<String> fonts = new ArrayList<>();
			for (var font : pdf.getPage(0).getResources().getFontNames()) {
				assertThat(pdf.getPage(0).getResources().getFont(font).isEmbedded()).isTrue();
				fonts.add(pdf.getPage(0).getResources().getFont(font).getName());
			}
			String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
			if (name.equals("hi")) {
				assertThat(fonts).anyMatch((f) -> f.contains("NotoSansDevanagari"));
			}
			if (name.equals("ml")) {
				assertThat(fonts).anyMatch((f) -> f.contains("NotoSansMalayalam"));
			}
			return text;
		}
	}

}
