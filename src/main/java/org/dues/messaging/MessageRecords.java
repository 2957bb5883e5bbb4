package org.dues.messaging;

import java.util.UUID;

import org.dues.system.RecordLocator;
import org.dues.system.RecordReach;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Where a message and a bulk send lie, for the one authorization check. */
@Configuration(proxyBeanMethods = false)
class MessageRecords {

	@Bean
	RecordLocator messageLocator(JdbcClient jdbc) {
		return RecordLocator.of("message",
				(key, context) -> RecordLocator.uuid(key)
					.flatMap((id) -> jdbc.sql("SELECT account_id FROM messaging_messages WHERE id = :id")
						.param("id", id)
						.query(UUID.class)
						.optional())
					.map(RecordReach::account));
	}

	/**
	 * Where a bulk send lies: with the teams of the one who started it and those they
	 * lead, so its starter, their leads and the roles that see everything reach it.
	 */
	@Bean
	RecordLocator bulkSendLocator(JdbcClient jdbc) {
		return RecordLocator.of("bulk-send",
				(key, context) -> RecordLocator.uuid(key)
					.flatMap((id) -> jdbc.sql("SELECT team_ids FROM messaging_bulk_sends WHERE id = :id")
						.param("id", id)
						.query((rs, n) -> new RecordReach(java.util.Set.of(),
								java.util.Set.of((UUID[]) rs.getArray(1).getArray())))
						.optional()));
	}

}
