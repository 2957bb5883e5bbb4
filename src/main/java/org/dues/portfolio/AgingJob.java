package org.dues.portfolio;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The aging job, run by db-scheduler once per cluster: hourly by default, because each
 * creditor's day starts at its own midnight and aging counts days in that time zone.
 */
@Configuration(proxyBeanMethods = false)
class AgingJob {

	private static final Logger log = LoggerFactory.getLogger(AgingJob.class);

	@Bean
	RecurringTask<Void> portfolioAging(Aging aging, TransactionTemplate transactions,
			@Value("${dues.aging.cron:0 5 * * * *}") String cron) {
		return Tasks.recurring("portfolio-aging", Schedules.cron(cron)).execute((instance, context) -> {
			Integer moved = transactions.execute((status) -> aging.ageAll());
			log.info("Aging run: {} accounts changed bucket", moved);
		});
	}

}
