package org.dues.messaging.letter;

import org.dues.system.RecordLocator;
import org.dues.system.RecordReach;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where a letter lies for the scope check: on its account.
 */
@Configuration(proxyBeanMethods = false)
class LetterRecords {

	@Bean
	RecordLocator letterLocator(JdbcClient jdbc) {
		return RecordLocator.byId("letter", jdbc, "SELECT account_id FROM messaging_letters WHERE id = :id",
				RecordReach::account);
	}

}
