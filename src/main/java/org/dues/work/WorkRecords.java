package org.dues.work;

import org.dues.system.RecordLocator;
import org.dues.system.RecordReach;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A team queue, for the scope check: it lies in its team. */
@Configuration(proxyBeanMethods = false)
class WorkRecords {

	@Bean
	RecordLocator queueLocator(JdbcClient jdbc) {
		return RecordLocator.byId("queue", jdbc, "SELECT team_id FROM work_queues WHERE id = :id", RecordReach::team);
	}

}
