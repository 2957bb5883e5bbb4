package org.dues.casework;

import org.dues.system.RecordLocator;
import org.dues.system.RecordReach;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Where a visit lies for the scope check: with its account. */
@Configuration(proxyBeanMethods = false)
class VisitRecords {

	@Bean
	RecordLocator visitLocator(JdbcClient jdbc) {
		return RecordLocator.byId("visit", jdbc, "SELECT account_id FROM casework_visits WHERE id = :id",
				RecordReach::account);
	}

}
