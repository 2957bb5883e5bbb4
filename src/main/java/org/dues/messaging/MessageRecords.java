package org.dues.messaging;

import java.util.UUID;

import org.dues.system.RecordLocator;
import org.dues.system.RecordReach;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Where a message lies, for the one authorization check: on its account. */
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

}
