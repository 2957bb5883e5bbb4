package org.dues.contact;

import java.util.UUID;

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
		return RecordLocator.of("interaction",
				(key, context) -> RecordLocator.uuid(key)
					.flatMap((id) -> jdbc.sql("SELECT account_id FROM contact_interactions WHERE id = :id")
						.param("id", id)
						.query(UUID.class)
						.optional())
					.map(RecordReach::account));
	}

}
