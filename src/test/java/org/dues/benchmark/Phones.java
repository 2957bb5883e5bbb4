package org.dues.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.UUID;

import javax.sql.DataSource;

/**
 * The number an agent dials for each account (the customer's first number that is not
 * known to be wrong, as the account page shows it), held in three sorted arrays (24 MB
 * for a million accounts) so the load generator looks it up without a query.
 */
final class Phones {

	private final long[] high;

	private final long[] low;

	private final long[] digits;

	private Phones(long[] high, long[] low, long[] digits) {
		this.high = high;
		this.low = low;
		this.digits = digits;
	}

	static Phones load(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			int count;
			try (ResultSet rs = connection.createStatement().executeQuery("SELECT count(*) FROM portfolio_accounts")) {
				rs.next();
				count = rs.getInt(1);
			}
			long[] high = new long[count];
			long[] low = new long[count];
			long[] digits = new long[count];
			int n = 0;
			// uuid sorts bytewise in PostgreSQL: the unsigned order of its two halves
			try (PreparedStatement statement = connection.prepareStatement("""
					SELECT a.id, (SELECT p.e164 FROM customer_phones p
					              WHERE p.customer_id = a.customer_id AND NOT p.wrong_number
					              ORDER BY p.position LIMIT 1) AS e164
					FROM portfolio_accounts a ORDER BY a.id""")) {
				statement.setFetchSize(10_000);
				try (ResultSet rs = statement.executeQuery()) {
					while (rs.next() && n < count) {
						UUID id = rs.getObject(1, UUID.class);
						String e164 = rs.getString(2);
						high[n] = id.getMostSignificantBits();
						low[n] = id.getLeastSignificantBits();
						digits[n] = (e164 == null) ? 0 : Long.parseLong(e164.substring(1));
						n++;
					}
				}
			}
			connection.commit();
			return new Phones(Arrays.copyOf(high, n), Arrays.copyOf(low, n), Arrays.copyOf(digits, n));
		}
	}

	/** The account's number in E.164, or null when it has none. */
	String of(UUID account) {
		int from = 0;
		int to = this.high.length - 1;
		while (from <= to) {
			int middle = (from + to) >>> 1;
			int order = Long.compareUnsigned(this.high[middle], account.getMostSignificantBits());
			if (order == 0) {
				order = Long.compareUnsigned(this.low[middle], account.getLeastSignificantBits());
			}
			if (order < 0) {
				from = middle + 1;
			}
			else if (order > 0) {
				to = middle - 1;
			}
			else {
				return (this.digits[middle] == 0) ? null : "+" + this.digits[middle];
			}
		}
		throw new IllegalArgumentException("no account " + account);
	}

	int size() {
		return this.high.length;
	}

}
