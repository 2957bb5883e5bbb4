package org.dues.portfolio;

import java.util.UUID;

import org.dues.system.RecordLocator;
import org.dues.system.RecordReach;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Portfolio's records for the scope check: an account by id ({@code account}), an account
 * by its creditor's code and reference ({@code account-ref}, so a reference reaches no
 * more than an id does), and an allocation import ({@code import}, reached by the roles
 * that see everything).
 */
@Configuration(proxyBeanMethods = false)
class PortfolioRecords {

	@Bean
	RecordLocator accountLocator(JdbcClient jdbc) {
		return RecordLocator.byId("account", jdbc, "SELECT id FROM portfolio_accounts WHERE id = :id",
				RecordReach::account);
	}

	@Bean
	RecordLocator accountRefLocator(JdbcClient jdbc) {
		return RecordLocator.of("account-ref", (key, context) -> {
			String ref = key.startsWith("/") ? key.substring(1) : key;
			return jdbc.sql("""
					SELECT a.id FROM portfolio_accounts a JOIN portfolio_creditors c ON c.id = a.creditor_id
					WHERE c.code = :code AND a.account_ref = :ref""")
				.param("code", context.getOrDefault("code", ""))
				.param("ref", ref)
				.query(UUID.class)
				.optional()
				.map(RecordReach::account);
		});
	}

	@Bean
	RecordLocator importLocator(JdbcClient jdbc) {
		return RecordLocator.byId("import", jdbc, "SELECT id FROM portfolio_imports WHERE id = :id",
				(id) -> RecordReach.seenOnlyByAll());
	}

}
