package org.dues.work;

import org.dues.system.RecordLocator;
import org.dues.system.RecordReach;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A team queue and a follow-up, for the scope check: a queue lies in its team, a
 * follow-up in its account.
 */
@Configuration(proxyBeanMethods = false)
class WorkRecords {

	@Bean
	RecordLocator queueLocator(JdbcClient jdbc) {
		return RecordLocator.byId("queue", jdbc, "SELECT team_id FROM work_queues WHERE id = :id", RecordReach::team);
	}

	@Bean
	RecordLocator followUpLocator(JdbcClient jdbc) {
		return RecordLocator.byId("followup", jdbc, "SELECT account_id FROM work_followups WHERE id = :id",
				RecordReach::account);
	}

}
