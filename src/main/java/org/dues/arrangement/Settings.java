package org.dues.arrangement;

import org.dues.portfolio.CreditorId;
import org.dues.shared.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A creditor's evaluation settings: how much short of a promise still counts as kept
 * (default 0), the grace days after a due date before it counts as missed (default 2),
 * and how many missed instalments break a plan (default 1).
 */
@Component
class Settings {

	private final JdbcClient jdbc;

	Settings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Values of(CreditorId creditor, java.util.Currency currency) {
		return this.jdbc.sql("SELECT * FROM arrangement_settings WHERE creditor_id = :c")
			.param("c", creditor.value())
			.query((rs, n) -> new Values(new Money(rs.getBigDecimal("tolerance"), currency), rs.getInt("grace_days"),
					rs.getInt("missed_to_break")))
			.optional()
			.orElse(new Values(Money.zero(currency), 2, 1));
	}

	record Values(Money tolerance, int graceDays, int missedToBreak) {
	}

}
