package org.dues.reporting;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

import org.dues.shared.Money;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The pack's first part: what was collected in the period, by currency: the payments
 * received in it (their count and gross), the reversals made in it, and the net.
 */
@Component
class CollectedSection implements PackSection {

	private final JdbcClient jdbc;

	private final MessageSource messages;

	CollectedSection(JdbcClient jdbc, MessageSource messages) {
		this.jdbc = jdbc;
		this.messages = messages;
	}

	@Override
	public int order() {
		return 10;
	}

	@Override
	public List<ReportTable> tables(ReportPeriod period, @Nullable String creditor, Locale reader, ZoneId zone) {
		List<List<@Nullable Object>> rows = new ArrayList<>();
		this.jdbc
			.sql("""
						SELECT currency,
						       count(*) FILTER (WHERE kind = 'PAYMENT' AND received_on BETWEEN :from AND :to) AS payments,
						       coalesce(sum(amount) FILTER (WHERE kind = 'PAYMENT' AND received_on BETWEEN :from AND :to), 0) AS gross,
						       coalesce(sum(-amount) FILTER (WHERE kind = 'REVERSAL'
						                AND (at AT TIME ZONE :zone)::date BETWEEN :from AND :to), 0) AS reversed
						FROM reporting_payment_credits
					WHERE ((kind = 'PAYMENT' AND received_on BETWEEN :from AND :to)
					       OR (kind = 'REVERSAL' AND (at AT TIME ZONE :zone)::date BETWEEN :from AND :to))
					  AND (CAST(:creditor AS text) IS NULL OR account_id IN (
					      SELECT a.id FROM portfolio_account_facts a JOIN portfolio_creditor_facts c ON c.id = a.creditor_id
					      WHERE c.code = :creditor))
					GROUP BY currency ORDER BY currency""")
			.param("from", period.from())
			.param("to", period.to())
			.param("zone", zone.getId())
			.param("creditor", creditor)
			.query((rs, n) -> {
				Currency currency = Currency.getInstance(rs.getString(1).strip());
				BigDecimal gross = rs.getBigDecimal(3);
				BigDecimal reversed = rs.getBigDecimal(4);
				rows.add(List.of(currency.getCurrencyCode(), rs.getLong(2), Money.of(gross, currency),
						Money.of(reversed, currency), Money.of(gross.subtract(reversed), currency)));
				return currency.getCurrencyCode();
			})
			.list();
		return List.of(
				new ReportTable(say("report.collected.title", reader), say("report.collected.definition", reader),
						List.of(say("report.currency", reader), say("report.payments", reader),
								say("report.gross", reader), say("report.reversed", reader), say("report.net", reader)),
						rows));
	}

	private String say(String key, Locale reader) {
		return this.messages.getMessage(key, null, reader);
	}

}
