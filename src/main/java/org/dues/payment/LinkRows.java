package org.dues.payment;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Currency;
import java.util.UUID;

import org.dues.portfolio.AccountId;
import org.dues.portfolio.CreditorId;
import org.dues.shared.Money;

import org.springframework.jdbc.core.RowMapper;

/** A row of {@code payment_links} as read, its status as of the clock. */
final class LinkRows {

	static final String SELECT = "SELECT * FROM payment_links";

	private LinkRows() {
	}

	static RowMapper<PaymentLinkView> mapper(Clock clock) {
		return (rs, n) -> {
			Currency currency = Currency.getInstance(rs.getString("currency"));
			BigDecimal min = rs.getBigDecimal("min_amount");
			java.time.Instant expires = rs.getObject("expires_at", java.time.OffsetDateTime.class).toInstant();
			LinkStatus status = LinkStatus.valueOf(rs.getString("status"));
			if (status == LinkStatus.ACTIVE && !clock.instant().isBefore(expires)) {
				status = LinkStatus.EXPIRED;
			}
			return new PaymentLinkView(new PaymentLinkId(rs.getObject("id", UUID.class)), rs.getString("token"),
					rs.getString("reference"), new CreditorId(rs.getObject("creditor_id", UUID.class)),
					new AccountId(rs.getObject("account_id", UUID.class)), LinkPurpose.valueOf(rs.getString("purpose")),
					new Money(rs.getBigDecimal("amount"), currency), min == null ? null : new Money(min, currency),
					rs.getBoolean("single_use"), expires, status, new Money(rs.getBigDecimal("paid_amount"), currency),
					rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant(), rs.getString("created_by"));
		};
	}

}
