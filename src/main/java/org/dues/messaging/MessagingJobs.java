package org.dues.messaging;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The outbox's dispatcher, run by db-scheduler on one node at a time (claims are
 * {@code SKIP LOCKED} besides), and the daily reminders.
 */
@Configuration(proxyBeanMethods = false)
class MessagingJobs {

	@Bean
	@ConditionalOnProperty(name = "dues.messaging.dispatch-enabled", havingValue = "true", matchIfMissing = true)
	RecurringTask<Void> messagingDispatch(Dispatcher dispatcher,
			@Value("${dues.messaging.dispatch-every:1s}") Duration every,
			@Value("${dues.messaging.dispatch-batch:2000}") int batch) {
		return Tasks.recurring("messaging-dispatch", Schedules.fixedDelay(every)).execute((instance, context) -> {
			while (dispatcher.dispatchDue(batch) == batch) {
				// a full batch: more may be due
			}
		});
	}

	@Bean
	RecurringTask<Void> messagingReminders(Reminders reminders,
			@Value("${dues.messaging.reminders-cron:0 15 * * * *}") String cron) {
		return Tasks.recurring("messaging-reminders", Schedules.cron(cron))
			.execute((instance, context) -> reminders.queueDue());
	}

}
