package org.dues.arrangement;

import org.dues.system.RecordLocator;
import org.dues.system.RecordReach;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Arrangements and their approval requests, for the scope check: each lies in the account
 * the arrangement is for.
 */
@Configuration(proxyBeanMethods = false)
class ArrangementRecords {

	@Bean
	RecordLocator arrangementLocator(JdbcClient jdbc) {
		return RecordLocator.byId("arrangement", jdbc, "SELECT account_id FROM arrangement_arrangements WHERE id = :id",
				RecordReach::account);
	}

	@Bean
	RecordLocator approvalLocator(JdbcClient jdbc) {
		return RecordLocator.byId("approval", jdbc, """
				SELECT a.account_id FROM arrangement_approvals p
				JOIN arrangement_arrangements a ON a.id = p.arrangement_id WHERE p.id = :id""", RecordReach::account);
	}

}
