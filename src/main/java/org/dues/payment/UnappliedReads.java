package org.dues.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.dues.portfolio.AccountId;
import org.dues.portfolio.CreditorId;
import org.dues.shared.Money;
import org.dues.shared.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads unapplied items and their history. */
@Component
class UnappliedReads {

	private final JdbcClient jdbc;

	UnappliedReads(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	UnappliedView get(UUID id) {
		UnappliedView item = this.jdbc.sql("SELECT * FROM payment_unapplied WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> row(rs, List.of()))
			.optional()
			.orElseThrow(() -> new NotFoundException("unapplied payment", id));
		Currency currency = item.amount().currency();
		List<UnappliedView.Event> history = this.jdbc
			.sql("SELECT * FROM payment_unapplied_history WHERE unapplied_id = :id ORDER BY id")
			.param("id", id)
			.query((rs, n) -> {
				UUID account = rs.getObject("account_id", UUID.class);
				UUID payment = rs.getObject("payment_id", UUID.class);
				return new UnappliedView.Event(rs.getString("action"), new Money(rs.getBigDecimal("amount"), currency),
						account == null ? null : new AccountId(account),
						payment == null ? null : new PaymentId(payment), rs.getString("reason"),
						rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("by_user"));
			})
			.list();
		return new UnappliedView(item.id(), item.creditor(), item.amount(), item.valueDate(), item.payerName(),
				item.payerAccount(), item.remittance(), item.endToEndId(), item.bankReference(), item.statementEntry(),
				item.status(), item.applied(), item.returned(), item.createdAt(), item.createdBy(), history);
	}

	List<UnappliedView> list(@Nullable UnappliedStatus status, @Nullable CreditorId creditor, int limit) {
		return this.jdbc.sql("""
				SELECT * FROM payment_unapplied
				WHERE (CAST(:status AS text) IS NULL OR status = :status)
				  AND (CAST(:creditor AS uuid) IS NULL OR creditor_id = :creditor)
				ORDER BY created_at DESC, id LIMIT :limit""")
			.param("status", status == null ? null : status.name())
			.param("creditor", creditor == null ? null : creditor.value())
			.param("limit", Math.max(1, Math.min(limit, 1000)))
			.query((rs, n) -> row(rs, List.of()))
			.list();
	}

	private static UnappliedView row(ResultSet rs, List<UnappliedView.Event> history) throws SQLException {
		Currency currency = Currency.getInstance(rs.getString("currency"));
		UUID creditor = rs.getObject("creditor_id", UUID.class);
		return new UnappliedView(rs.getObject("id", UUID.class), creditor == null ? null : new CreditorId(creditor),
				new Money(rs.getBigDecimal("amount"), currency), rs.getObject("value_date", LocalDate.class),
				rs.getString("payer_name"), rs.getString("payer_account"), rs.getString("remittance"),
				rs.getString("end_to_end_id"), rs.getString("bank_reference"),
				rs.getObject("statement_entry_id", UUID.class), UnappliedStatus.valueOf(rs.getString("status")),
				new Money(rs.getBigDecimal("applied"), currency), new Money(rs.getBigDecimal("returned"), currency),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("created_by"), history);
	}

}
