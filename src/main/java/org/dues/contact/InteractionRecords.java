package org.dues.contact;

import org.dues.system.RecordLocator;
import org.dues.system.RecordReach;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An interaction, for the scope check: it lies in the account it was about. */
@Configuration(proxyBeanMethods = false)
class InteractionRecords {

	@Bean
	RecordLocator interactionLocator(JdbcClient jdbc) {
		return RecordLocator.byId("interaction", jdbc, "SELECT account_id FROM contact_interactions WHERE id = :id",
				RecordReach::account);
	}

}
