package org.dues.telephony;

import org.dues.system.RecordLocator;
import org.dues.system.RecordReach;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where telephony's records lie for the scope check: a recording with its call's account
 * (one of a caller nobody matched is seen only by those who see everything); an inbound
 * call by the agent it was given to is checked by its page.
 */
@Configuration(proxyBeanMethods = false)
class TelephonyRecords {

	@Bean
	RecordLocator recordingLocator(JdbcClient jdbc) {
		return RecordLocator.of("recording",
				(key, context) -> RecordLocator.uuid(key)
					.flatMap((id) -> jdbc.sql("SELECT account_id FROM telephony_recordings WHERE id = :id")
						.param("id", id)
						.query((rs, n) -> {
							java.util.UUID account = rs.getObject(1, java.util.UUID.class);
							return account == null ? RecordReach.seenOnlyByAll() : RecordReach.account(account);
						})
						.optional()));
	}

}
