package org.dues.payment;

import java.util.List;

import org.dues.IntegrationTest;
import org.dues.Portfolios;
import org.dues.portfolio.Accounts;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.system.Actor;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A credit whose remittance text names an account's virtual account number, in any case,
 * posts to that account; a number is one account's within its creditor, and a number
 * nobody was given matches nothing.
 */
@IntegrationTest
class VirtualAccountTests {

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

	@Autowired
	BankStatements statements;

	@Autowired
	VirtualAccounts virtualAccounts;

	@Test
	void aCreditNamingAVirtualAccountPostsToItsAccount() {
		StatementFixture world = new StatementFixture(this.portfolios, this.bankAccounts, this.payments, this.accounts,
				this.jdbc, "pay_V");
		String number = "VA" + world.creditor.code() + "0001";
		this.virtualAccounts.assign(world.third.id(), " " + number.toLowerCase() + " ", "tester");
		this.virtualAccounts.assign(world.third.id(), number, "tester");
		assertThat(this.virtualAccounts.of(world.third.id())).containsExactly(number);
		assertThatThrownBy(() -> this.virtualAccounts.assign(world.first.id(), number, "tester"))
			.isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> this.virtualAccounts.assign(world.first.id(), "VA-1", "tester"))
			.isInstanceOf(InvalidInputException.class);

		Actor manager = Actor.of("va-m", "ROLE_MANAGER");
		byte[] file = CamtFiles.credits(world.iban, "V1", List.of(number.toLowerCase()), 2, 3);
		StatementReport report = this.statements.importStatement(file, null, null, null, "va.xml", manager).report();
		assertThat(report.count(EntryOutcome.POSTED)).isEqualTo(2);
		assertThat(this.statements.entries(report.id(), false)).allSatisfy((e) -> {
			assertThat(e.matchedBy()).isEqualTo("VIRTUAL_ACCOUNT");
			assertThat(e.account()).isEqualTo(world.third.id());
		});
		world.ledgerEqualsBalances();

		byte[] unknown = CamtFiles.credits(world.iban, "V2", List.of("VA" + world.creditor.code() + "0002"), 1, 4);
		StatementReport nothing = this.statements.importStatement(unknown, null, null, null, "va2.xml", manager)
			.report();
		assertThat(nothing.count(EntryOutcome.POSTED)).isZero();
		assertThat(nothing.count(EntryOutcome.UNMATCHED)).isEqualTo(1);
	}

}
