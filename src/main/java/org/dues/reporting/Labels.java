package org.dues.reporting;

import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a person reads for a group's key: a creditor's name for its code, a team's name
 * for its id; other keys read as they are.
 */
@Component
class Labels {

	private final JdbcClient jdbc;

	Labels(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Map<String, String> of(GroupBy by) {
		Map<String, String> names = new HashMap<>();
		if (by == GroupBy.CREDITOR) {
			this.jdbc.sql("SELECT code, name FROM portfolio_creditor_report_facts").query((rs) -> {
				names.put(rs.getString(1), rs.getString(2));
			});
		}
		else if (by == GroupBy.TEAM) {
			this.jdbc.sql("SELECT CAST(id AS text), name FROM identity_team_facts").query((rs) -> {
				names.put(rs.getString(1), rs.getString(2));
			});
		}
		return names;
	}

}
