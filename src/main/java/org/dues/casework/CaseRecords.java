package org.dues.casework;

import org.dues.system.RecordLocator;
import org.dues.system.RecordReach;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Where a case lies for the scope check: on its account. */
@Configuration(proxyBeanMethods = false)
class CaseRecords {

	@Bean
	RecordLocator caseLocator(JdbcClient jdbc) {
		return RecordLocator.byId("case", jdbc, "SELECT account_id FROM casework_cases WHERE id = :id",
				RecordReach::account);
	}

}
