package org.dues.messaging.provider;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The bounce mailbox and its reading, a db-scheduler task run on one node at a time
 * ({@code messaging-bounces}, every {@code DUES_BOUNCE_IMAP_EVERY}), made only when
 * {@code DUES_BOUNCE_IMAP_HOST} is set.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSet("dues.bounce.imap.host")
@EnableConfigurationProperties(BounceProperties.class)
class BounceConfiguration {

	@Bean
	BounceMailbox bounceMailbox(BounceProperties properties, ProviderReports reports) {
		return new BounceMailbox(properties, reports);
	}

	@Bean
	RecurringTask<Void> messagingBounces(BounceMailbox mailbox, BounceProperties properties) {
		return Tasks.recurring("messaging-bounces", Schedules.fixedDelay(properties.every()))
			.execute((instance, context) -> {
				try {
					mailbox.poll();
				}
				catch (jakarta.mail.MessagingException ex) {
					throw new IllegalStateException("the bounce mailbox cannot be read: " + ex.getMessage(), ex);
				}
			});
	}

}
