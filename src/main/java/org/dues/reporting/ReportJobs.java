package org.dues.reporting;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reporting's scheduled work, run by db-scheduler once per cluster: the scheduled packs
 * ({@link ReportSubscriptions#deliverDue()}), looked at every hour by default
 * ({@code dues.reporting.delivery-cron}).
 */
@Configuration(proxyBeanMethods = false)
class ReportJobs {

	private static final Logger log = LoggerFactory.getLogger(ReportJobs.class);

	@Bean
	RecurringTask<Void> reportDelivery(ReportSubscriptions subscriptions,
			@Value("${dues.reporting.delivery-cron:0 10 * * * *}") String cron) {
		return Tasks.recurring("report-delivery", Schedules.cron(cron)).execute((instance, context) -> {
			int sent = subscriptions.deliverDue();
			if (sent > 0) {
				log.info("Sent {} scheduled report pack(s)", sent);
			}
		});
	}

}
