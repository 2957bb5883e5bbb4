package org.dues.payment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dues.Portfolios;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.Amounts;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.LedgerEntryView;
import org.dues.shared.Money;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A creditor with a collection account at the bank, three accounts, a gateway payment
 * already posted, a cheque posted (that the bank will return), and a payment link: the
 * world the test statements describe. Fills the statements' placeholders.
 */
final class StatementFixture {

	final CreditorView creditor;

	final String iban;

	final AccountView first;

	final AccountView second;

	final AccountView third;

	final PaymentView gateway;

	final PaymentView cheque;

	final String link;

	private final Accounts accounts;

	StatementFixture(Portfolios portfolios, CreditorBankAccounts bankAccounts, PaymentManagement payments,
			Accounts accounts, JdbcClient jdbc, String gatewayPrefix) {
		this.accounts = accounts;
		this.creditor = portfolios.indianNbfc();
		this.iban = "IN00DUES" + this.creditor.code();
		bankAccounts.add(this.creditor.id(), this.iban, "collections", "tester");
		LocalDate due = LocalDate.of(2026, 10, 1);
		this.first = portfolios.placed(this.creditor, "10000", "0", "0", "3000", due);
		this.second = portfolios.placed(this.creditor, "8000", "0", "0", "2500", due);
		Map<String, String> row = Portfolios.row(this.creditor, "6000");
		row.put("customer_name", "Devika " + this.creditor.code());
		row.put("overdue_amount", "4321");
		row.put("oldest_due_date", due.toString());
		this.third = portfolios.place(this.creditor, row);
		LocalDate day = LocalDate.of(2026, 11, 24);
		this.gateway = payments
			.post(this.first.id(),
					new NewPayment(Money.of("2000.00", "INR"), PaymentChannel.UPI, gatewayPrefix + this.creditor.code(),
							day),
					"gateway")
			.payment();
		this.cheque = payments
			.post(this.second.id(),
					new NewPayment(Money.of("1200.00", "INR"), PaymentChannel.CHEQUE, "CHQ" + this.creditor.code(),
							day),
					"field1")
			.payment();
		// a reference of the shape links are given, as the matcher asks only for those
		StringBuilder link = new StringBuilder("PL");
		long bits = this.creditor.id().value().getLeastSignificantBits();
		for (int i = 0; i < PaymentLinks.REFERENCE_LENGTH - 2; i++, bits >>>= 5) {
			link.append(PaymentLinks.ALPHABET.charAt((int) (bits & 31)));
		}
		this.link = link.toString();
		jdbc.sql("""
				INSERT INTO payment_links (id, token, reference, creditor_id, account_id, purpose, amount, currency,
				    single_use, expires_at, status, created_at, created_by)
				VALUES (gen_random_uuid(), :token, :ref, :creditor, :account, 'CUSTOM', 700, 'INR', true,
				    now() + interval '7 days', 'ACTIVE', now(), 'tester')""")
			.param("token", "tok" + this.creditor.code())
			.param("ref", this.link)
			.param("creditor", this.creditor.id().value())
			.param("account", this.second.id().value())
			.update();
	}

	/** The statement in the file, its placeholders filled. */
	byte[] statement(String file, String number, String closing) {
		Map<String, String> values = new HashMap<>();
		values.put("NUMBER", number);
		values.put("N", this.creditor.code());
		values.put("IBAN", this.iban);
		values.put("CLOSING", closing);
		values.put("ACCOUNT1", this.first.accountRef());
		values.put("ACCOUNT2", this.second.accountRef());
		values.put("GATEWAY", this.gateway.reference());
		values.put("PAYER", "DEVIKA " + this.creditor.code());
		values.put("LINK", this.link);
		values.put("CHEQUE", this.cheque.reference());
		try {
			String text = new ClassPathResource("payment/" + file).getContentAsString(StandardCharsets.UTF_8);
			for (var e : values.entrySet()) {
				text = text.replace("${" + e.getKey() + "}", e.getValue());
			}
			return text.getBytes(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every account's cached balances equal the sum of its ledger entries. */
	void ledgerEqualsBalances() {
		for (AccountView a : List.of(this.first, this.second, this.third)) {
			AccountView now = this.accounts.get(a.id());
			Amounts sum = Amounts.zero(now.currency());
			for (LedgerEntryView e : this.accounts.ledger(a.id())) {
				sum = sum.plus(e.amounts());
			}
			assertThat(sum.principal()).as("principal of %s", a.accountRef()).isEqualTo(now.balances().principal());
			assertThat(sum.interest()).isEqualTo(now.balances().interest());
			assertThat(sum.fees()).isEqualTo(now.balances().fees());
			assertThat(sum.credit()).isEqualTo(now.balances().credit());
			assertThat(sum.overdue()).isEqualTo(now.overdueAmount());
		}
	}

	BigDecimal owed(AccountId id) {
		return this.accounts.get(id).balances().owed().amount();
	}

}
