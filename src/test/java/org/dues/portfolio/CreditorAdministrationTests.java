package org.dues.portfolio;

import java.time.LocalDate;
import java.util.List;

import org.dues.IntegrationTest;
import org.dues.Portfolios;
import org.dues.payment.NewPayment;
import org.dues.payment.PaymentChannel;
import org.dues.payment.PaymentManagement;
import org.dues.payment.PaymentView;
import org.dues.shared.Money;
import org.dues.system.Actor;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The administrator's creditor page: the waterfall, time zone, buckets and currency, each
 * change versioned and audited, and a waterfall that rules only payments posted after it.
 */
@IntegrationTest
class CreditorAdministrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Portfolios portfolios;

	@Autowired
	PaymentManagement payments;

	@Autowired
	CreditorChanges changes;

	@Autowired
	Creditors creditors;

	@Autowired
	JdbcClient jdbc;

	ResultActions save(String code, int version, String zone, String currency, String scheme, String... waterfall)
			throws Exception {
		var request = post("/admin/creditors/{code}", code).with(user("admin").roles("ADMIN"))
			.with(csrf())
			.param("name", "Renamed NBFC")
			.param("timeZone", zone)
			.param("bucketScheme", scheme)
			.param("version", Integer.toString(version))
			.param("waterfall", waterfall);
		if (currency != null) {
			request.param("currency", currency);
		}
		return this.mvc.perform(request);
	}

	@Test
	void aNewWaterfallAppliesToPaymentsPostedAfterItAndLeavesEarlierOnesAsTheyWereApplied() throws Exception {
		CreditorView creditor = this.portfolios.indianNbfc();
		AccountView account = this.portfolios.placed(creditor, "10000.00", "1200.00", "500.00", "3000.00",
				LocalDate.of(2026, 10, 1));
		PaymentView before = pay(account, "600.00", "UTR-BEFORE");
		assertThat(before.allocation().fees()).isEqualTo(Money.of("-500.00", "INR"));
		assertThat(before.allocation().interest()).isEqualTo(Money.of("-100.00", "INR"));
		assertThat(before.allocation().principal()).isEqualTo(Money.of("0.00", "INR"));

		this.mvc.perform(get("/admin/creditors/{code}", creditor.code()).with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("A change applies only to payments posted after it")))
			.andExpect(content().string(containsString("name=\"version\" value=\"1\"")));
		save(creditor.code(), 1, "Asia/Kolkata", null, "RBI_SMA", "PRINCIPAL", "INTEREST", "FEES")
			.andExpect(redirectedUrl("/admin/creditors/" + creditor.code()));
		assertThat(this.creditors.get(creditor.id()).waterfall().order()).containsExactly(BalanceComponent.PRINCIPAL,
				BalanceComponent.INTEREST, BalanceComponent.FEES);

		PaymentView after = pay(account, "600.00", "UTR-AFTER");
		assertThat(after.allocation().principal()).isEqualTo(Money.of("-600.00", "INR"));
		assertThat(after.allocation().fees()).isEqualTo(Money.of("0.00", "INR"));
		// the earlier payment keeps how it was applied, and its reversal undoes exactly
		// that
		assertThat(this.payments.get(account.id(), before.id()).allocation()).isEqualTo(before.allocation());
		this.payments.reverse(account.id(), before.id(), "cheque bounced", Actor.of("admin", "ROLE_ADMIN"));
		assertThat(this.jdbc.sql("""
				SELECT round(principal, 2)::text || '/' || round(interest, 2)::text || '/' || round(fees, 2)::text
				FROM portfolio_ledger_entries WHERE account_id = :a AND entry_type = 'REVERSAL'""")
			.param("a", account.id().value())
			.query(String.class)
			.single()).isEqualTo("0.00/100.00/500.00");

		// audited, with the waterfall before and after
		assertThat(this.jdbc.sql("""
				SELECT actor || ' ' || payload FROM compliance_audit
				WHERE action = 'CREDITOR_CHANGED' AND subject = :s""")
			.param("s", "creditor:" + creditor.code())
			.query(String.class)
			.single()).startsWith("admin ")
			.contains("\"waterfall\":{")
			.contains("\"before\":[\"FEES\",\"INTEREST\",\"PRINCIPAL\"]")
			.contains("\"after\":[\"PRINCIPAL\",\"INTEREST\",\"FEES\"]");
	}

	@Test
	void aFormFilledOnAnOlderVersionIsRefusedAndChangesNothing() throws Exception {
		CreditorView creditor = this.portfolios.indianNbfc();
		// someone else saves first, on version 1
		this.changes.change(creditor.code(), new CreditorChange("Changed meanwhile", "Asia/Kolkata", null, "RBI_SMA",
				List.of("INTEREST", "FEES", "PRINCIPAL")), 1, "other-admin");

		save(creditor.code(), 1, "Asia/Kolkata", null, "RBI_SMA", "PRINCIPAL", "INTEREST", "FEES")
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("id=\"stale\"")))
			.andExpect(content().string(containsString("Someone changed this creditor after you opened the form")))
			// the form shows the creditor as it is now, at its new version
			.andExpect(content().string(containsString("value=\"Changed meanwhile\"")))
			.andExpect(content().string(containsString("name=\"version\" value=\"2\"")));
		CreditorView now = this.creditors.get(creditor.id());
		assertThat(now.name()).isEqualTo("Changed meanwhile");
		assertThat(now.waterfall().order()).containsExactly(BalanceComponent.INTEREST, BalanceComponent.FEES,
				BalanceComponent.PRINCIPAL);
		assertThat(this.changes.current(creditor.code()).version()).isEqualTo(2);
		// a form without its version is a stale page's too
		this.mvc
			.perform(post("/admin/creditors/{code}", creditor.code()).with(user("admin").roles("ADMIN"))
				.with(csrf())
				.param("name", "No version"))
			.andExpect(status().isConflict());
		assertThat(this.creditors.get(creditor.id()).name()).isEqualTo("Changed meanwhile");
	}

	@Test
	void badFieldsAreNamedAndTheCurrencyIsFixedOnceAccountsArePlaced() throws Exception {
		CreditorView creditor = this.portfolios.indianNbfc();
		save(creditor.code(), 1, "UTC+05:30", "INR", "SMA-9", "FEES", "FEES", "PRINCIPAL")
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"c-zone-error\"")))
			.andExpect(content().string(containsString("id=\"c-waterfall-error\"")))
			.andExpect(content().string(containsString("not an offset")))
			// what was typed stays in the form
			.andExpect(content().string(containsString("value=\"UTC+05:30\"")));
		save(creditor.code(), 1, "Asia/Kolkata", "INR", "NO_SUCH_SCHEME", "FEES", "INTEREST", "PRINCIPAL")
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"c-scheme-error\"")));

		// no account yet: the currency may change
		save(creditor.code(), 1, "Asia/Kolkata", "USD", "RBI_SMA", "FEES", "INTEREST", "PRINCIPAL")
			.andExpect(status().is3xxRedirection());
		assertThat(this.creditors.get(creditor.id()).currency().getCurrencyCode()).isEqualTo("USD");
		save(creditor.code(), 2, "Asia/Kolkata", "INR", "RBI_SMA", "FEES", "INTEREST", "PRINCIPAL")
			.andExpect(status().is3xxRedirection());
		this.portfolios.overdue(this.creditors.get(creditor.id()), 30, "5000.00");

		// with accounts: the field is shown fixed, and a changed currency is refused
		this.mvc.perform(get("/admin/creditors/{code}", creditor.code()).with(user("admin").roles("ADMIN")))
			.andExpect(content().string(containsString("Fixed: the creditor&#39;s accounts")));
		save(creditor.code(), 3, "Asia/Kolkata", "USD", "RBI_SMA", "FEES", "INTEREST", "PRINCIPAL")
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"c-currency-error\"")));
		assertThat(this.creditors.get(creditor.id()).currency().getCurrencyCode()).isEqualTo("INR");
		assertThat(this.changes.current(creditor.code()).version()).isEqualTo(3);
	}

	@Test
	void aNewBucketSchemeReagesTheCreditorsAccountsAtOnce() throws Exception {
		CreditorView creditor = this.portfolios.indianNbfc();
		AccountView account = this.portfolios.overdue(creditor, 45, "5000.00");
		assertThat(bucket(account)).isEqualTo("SMA-1");
		save(creditor.code(), 1, "Asia/Kolkata", null, "DPD_30", "FEES", "INTEREST", "PRINCIPAL")
			.andExpect(status().is3xxRedirection());
		assertThat(bucket(account)).isEqualTo("31-60");
	}

	@Test
	void onlyAdministratorsEditCreditors() throws Exception {
		CreditorView creditor = this.portfolios.indianNbfc();
		this.mvc.perform(get("/admin/creditors").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-creditor=\"" + creditor.code() + "\"")));
		this.mvc.perform(get("/admin/creditors/{code}", creditor.code()).with(user("boss").roles("MANAGER")))
			.andExpect(status().isForbidden());
		// the menu offers it to administrators only
		this.mvc.perform(get("/accounts").with(user("admin").roles("ADMIN")))
			.andExpect(content().string(containsString("href=\"/admin/creditors\"")));
		this.mvc.perform(get("/accounts").with(user("boss").roles("MANAGER")))
			.andExpect(content().string(not(containsString("href=\"/admin/creditors\""))))
			.andExpect(content().string(containsString("href=\"/admin/authority\"")));
	}

	private String bucket(AccountView account) {
		return this.jdbc.sql("SELECT bucket FROM portfolio_accounts WHERE id = :id")
			.param("id", account.id().value())
			.query(String.class)
			.single();
	}

	private PaymentView pay(AccountView account, String amount, String reference) {
		return this.payments
			.post(account.id(), new NewPayment(Money.of(amount, "INR"), PaymentChannel.UPI, reference, null), "admin")
			.payment();
	}

}
