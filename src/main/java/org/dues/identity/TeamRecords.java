package org.dues.identity;

import org.dues.system.RecordLocator;
import org.dues.system.RecordReach;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A team, for the scope check: its lead and members reach it. */
@Configuration(proxyBeanMethods = false)
class TeamRecords {

	@Bean
	RecordLocator teamLocator(JdbcClient jdbc) {
		return RecordLocator.byId("team", jdbc, "SELECT id FROM identity_teams WHERE id = :id", RecordReach::team);
	}

}
