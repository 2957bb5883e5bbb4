package org.dues.telephony;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Telephony's jobs, run by db-scheduler once per cluster: the recordings' retention
 * purge, every night by default.
 */
@Configuration(proxyBeanMethods = false)
class TelephonyJobs {

	@Bean
	RecurringTask<Void> telephonyRecordingsPurge(Recordings recordings,
			@Value("${dues.telephony.recordings.purge-cron:0 40 2 * * *}") String cron) {
		return Tasks.recurring("telephony-recordings-purge", Schedules.cron(cron))
			.execute((instance, context) -> recordings.purgeExpired());
	}

}
