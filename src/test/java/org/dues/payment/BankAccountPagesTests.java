package org.dues.payment;

import java.util.UUID;

import org.dues.IntegrationTest;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.portfolio.NewCreditor;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The page of creditors' bank accounts and CSV mapping profiles: a manager records and
 * removes an account and a profile; a lead sees reconciliation without the link; each
 * language.
 */
@IntegrationTest
class BankAccountPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Creditors creditors;

	@Autowired
	CreditorBankAccounts accounts;

	@Autowired
	StatementMappings mappings;

	private static final RequestPostProcessor MANAGER = user("bank-page-manager").roles("MANAGER");

	@Test
	void aManagerRecordsAndRemovesBankAccountsAndMappings() throws Exception {
		String code = "BAP" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		CreditorView creditor = this.creditors
			.create(new NewCreditor(code, "Page Bank NBFC", "IN", "INR", "IN", "Asia/Kolkata", null, null));
		CreditorView other = this.creditors
			.create(new NewCreditor(code + "X", "Other NBFC", "IN", "INR", "IN", "Asia/Kolkata", null, null));
		String iban = "IN77PAGE" + code.substring(3);
		this.mvc.perform(get("/reconciliation").with(MANAGER))
			.andExpect(content().string(containsString("id=\"bank-accounts-link\"")));
		this.mvc.perform(get("/reconciliation").with(user("bank-page-lead").roles("TEAM_LEAD")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("bank-accounts-link"))));

		this.mvc
			.perform(post("/reconciliation/bank-accounts").param("creditor", code)
				.param("identifier", iban.toLowerCase().substring(0, 4) + " " + iban.substring(4))
				.param("label", "Collections")
				.with(MANAGER)
				.with(csrf()))
			.andExpect(redirectedUrl("/reconciliation/bank-accounts"))
			.andExpect(flash().attribute("added", true));
		assertThat(this.accounts.of(creditor.id())).extracting(CreditorBankAccounts.BankAccount::identifier)
			.containsExactly(iban);
		this.mvc
			.perform(post("/reconciliation/bank-accounts").param("creditor", other.code())
				.param("identifier", iban)
				.with(MANAGER)
				.with(csrf()))
			.andExpect(flash().attribute("problem", containsString(iban)));
		assertThat(this.accounts.of(other.id())).isEmpty();
		this.mvc
			.perform(post("/reconciliation/bank-accounts").param("creditor", code)
				.param("identifier", "12-3")
				.with(MANAGER)
				.with(csrf()))
			.andExpect(flash().attribute("problem", containsString("4 to 34 letters and digits")));

		this.mvc
			.perform(post("/reconciliation/mappings").param("name", code + "-csv")
				.param("dateColumn", "Value Date")
				.param("creditColumn", "Deposit")
				.param("dateFormat", "dd/MM/yyyy")
				.with(MANAGER)
				.with(csrf()))
			.andExpect(flash().attribute("problem", containsString("credit and a debit column")));
		assertThat(this.mappings.find(code + "-csv")).isEmpty();
		this.mvc
			.perform(post("/reconciliation/mappings").param("name", code + "-csv")
				.param("dateColumn", "Value Date")
				.param("creditColumn", "Deposit")
				.param("debitColumn", "Withdrawal")
				.param("referenceColumn", "Chq./Ref.No.")
				.param("dateFormat", "dd/MM/yyyy")
				.with(MANAGER)
				.with(csrf()))
			.andExpect(flash().attribute("mappingSaved", true));
		assertThat(this.mappings.get(code + "-csv").debitColumn()).isEqualTo("Withdrawal");

		this.mvc.perform(get("/reconciliation/bank-accounts").with(MANAGER))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(iban)))
			.andExpect(content().string(containsString("Collections")))
			.andExpect(content().string(containsString(code + "-csv")))
			.andExpect(content().string(containsString("Chq./Ref.No.")));
		this.mvc.perform(get("/reconciliation/bank-accounts").param("lang", "hi").with(MANAGER))
			.andExpect(content().string(containsString("लेनदारों के बैंक खाते")));
		this.mvc.perform(get("/reconciliation/bank-accounts").param("lang", "ml").with(MANAGER))
			.andExpect(content().string(containsString("ക്രെഡിറ്റർമാരുടെ ബാങ്ക് അക്കൗണ്ടുകൾ")));

		this.mvc
			.perform(post("/reconciliation/bank-accounts/{id}/delete", iban).param("creditor", code)
				.with(MANAGER)
				.with(csrf()))
			.andExpect(flash().attribute("removed", true));
		assertThat(this.accounts.of(creditor.id())).isEmpty();
		this.mvc.perform(post("/reconciliation/mappings/{name}/delete", code + "-csv").with(MANAGER).with(csrf()))
			.andExpect(flash().attribute("mappingRemoved", true));
		assertThat(this.mappings.find(code + "-csv")).isEmpty();
	}

}
