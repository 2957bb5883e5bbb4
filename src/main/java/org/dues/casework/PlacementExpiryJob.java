package org.dues.casework;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Recalls the accounts of placements whose period has ended, daily, once per cluster
 * (db-scheduler). The agency's users lose such accounts on the day after the period even
 * before the job runs ({@link AgencyReach}); the job brings them back to the in-house
 * queues.
 */
@Configuration(proxyBeanMethods = false)
class PlacementExpiryJob {

	private static final Logger log = LoggerFactory.getLogger(PlacementExpiryJob.class);

	@Bean
	RecurringTask<Void> placementExpiry(AgencyPlacements placements,
			@Value("${dues.agencies.expiry-cron:0 5 0 * * *}") String cron) {
		return Tasks.recurring("casework-placement-expiry", Schedules.cron(cron)).execute((instance, context) -> {
			int recalled = placements.recallExpired();
			if (recalled > 0) {
				log.info("Recalled {} accounts from agencies at the end of their placements", recalled);
			}
		});
	}

}
