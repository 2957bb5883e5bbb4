package org.dues.system;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Registers the Idempotency-Key filter after Spring Security (it needs the user) and a
 * daily job that forgets keys older than a day.
 */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

	@Bean
	FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(JdbcClient jdbc, Clock clock,
			@org.springframework.beans.factory.annotation.Value("${dues.idempotency.wait:PT10S}") Duration wait) {
		FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(
				new IdempotencyFilter(jdbc, clock, wait));
		registration.addUrlPatterns("/api/*");
		registration.setOrder(0);
		return registration;
	}

	@Bean
	RecurringTask<Void> idempotencyKeyPurge(JdbcClient jdbc, Clock clock) {
		return Tasks.recurring("idempotency-key-purge", Schedules.fixedDelay(Duration.ofHours(1)))
			.execute((instance, context) -> jdbc.sql("DELETE FROM system_idempotency_keys WHERE created_at < :cutoff")
				.param("cutoff", OffsetDateTime.now(clock).minusDays(1))
				.update());
	}

}
