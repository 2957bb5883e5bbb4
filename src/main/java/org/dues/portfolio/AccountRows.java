package org.dues.portfolio;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.UUID;

import org.dues.customer.CustomerId;
import org.dues.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * Maps rows of {@code portfolio_accounts} and {@code portfolio_ledger_entries}.
 */
final class AccountRows {

	static final String SELECT_ACCOUNT = """
			SELECT a.*, c.code AS creditor_code FROM portfolio_accounts a
			JOIN portfolio_creditors c ON c.id = a.creditor_id""";

	private AccountRows() {
	}

	static AccountView account(ResultSet rs, int row) throws SQLException {
		Currency currency = Currency.getInstance(rs.getString("currency"));
		return new AccountView(new AccountId(rs.getObject("id", UUID.class)),
				new CreditorId(rs.getObject("creditor_id", UUID.class)), rs.getString("creditor_code"),
				rs.getString("account_ref"), new CustomerId(rs.getObject("customer_id", UUID.class)),
				rs.getString("product"), AccountStatus.valueOf(rs.getString("status")), currency,
				new Balances(money(rs, "principal", currency), money(rs, "interest", currency),
						money(rs, "fees", currency), money(rs, "credit", currency)),
				money(rs, "overdue_amount", currency), rs.getObject("oldest_due_date", LocalDate.class),
				rs.getInt("days_past_due"), rs.getString("bucket"), nullableMoney(rs, "original_amount", currency),
				nullableMoney(rs, "installment_amount", currency), rs.getObject("open_date", LocalDate.class),
				rs.getObject("charge_off_date", LocalDate.class), rs.getObject("last_payment_date", LocalDate.class),
				nullableMoney(rs, "last_payment_amount", currency),
				rs.getObject("placed_at", OffsetDateTime.class).toInstant());
	}

	static LedgerEntryView entry(ResultSet rs, int row) throws SQLException {
		Currency currency = Currency.getInstance(rs.getString("currency"));
		UUID reverses = rs.getObject("reverses", UUID.class);
		return new LedgerEntryView(new LedgerEntryId(rs.getObject("id", UUID.class)), rs.getLong("seq"),
				new AccountId(rs.getObject("account_id", UUID.class)), EntryType.valueOf(rs.getString("entry_type")),
				new Amounts(money(rs, "principal", currency), money(rs, "interest", currency),
						money(rs, "fees", currency), money(rs, "credit", currency), money(rs, "overdue", currency)),
				rs.getObject("effective_date", LocalDate.class),
				rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getString("source"),
				rs.getString("source_ref"), rs.getString("recorded_by"), rs.getString("memo"),
				reverses == null ? null : new LedgerEntryId(reverses));
	}

	static Money money(ResultSet rs, String column, Currency currency) throws SQLException {
		return new Money(rs.getBigDecimal(column), currency);
	}

	static @Nullable Money nullableMoney(ResultSet rs, String column, Currency currency) throws SQLException {
		BigDecimal value = rs.getBigDecimal(column);
		return value == null ? null : new Money(value, currency);
	}

}
