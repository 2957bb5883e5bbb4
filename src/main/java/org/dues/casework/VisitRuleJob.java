package org.dues.casework;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The visit rule once a day, once per cluster (db-scheduler), at 07:00 by default
 * ({@code dues.field-visits.rule.cron}, {@code -} for never); it does nothing while the
 * rule is off.
 */
@Configuration(proxyBeanMethods = false)
class VisitRuleJob {

	@Bean
	RecurringTask<Void> fieldVisitRule(VisitRule rule,
			@Value("${dues.field-visits.rule.cron:0 0 7 * * *}") String cron) {
		return Tasks.recurring("casework-visit-rule", Schedules.cron(cron)).execute((instance, context) -> {
			if (rule.settings().enabled()) {
				rule.run("visit-rule");
			}
		});
	}

}
