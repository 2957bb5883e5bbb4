package org.dues.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reporting's jobs, run by db-scheduler once per cluster: the snapshot job every quarter
 * of an hour by default (each creditor's snapshot falls due at its own local time, see
 * {@link AccountSnapshots}), and the counters job every ten minutes, rebuilding the days
 * around today (so late facts land on their day).
 */
@Configuration(proxyBeanMethods = false)
class ReportingJobs {

	private static final Logger log = LoggerFactory.getLogger(ReportingJobs.class);

	@Bean
	RecurringTask<Void> reportingSnapshots(AccountSnapshots snapshots,
			@Value("${dues.reporting.snapshot-cron:0 */15 * * * *}") String cron) {
		return Tasks.recurring("reporting-snapshots", Schedules.cron(cron)).execute((instance, context) -> {
			for (AccountSnapshots.Taken taken : snapshots.takeDue()) {
				log.info("Account snapshot of {}: {} accounts in {} ms", taken.day(), taken.accounts(),
						taken.took().toMillis());
			}
		});
	}

	@Bean
	RecurringTask<Void> reportingCounters(DailyCounters counters, Clock clock,
			@Value("${dues.reporting.counters-cron:0 */10 * * * *}") String cron) {
		return Tasks.recurring("reporting-counters", Schedules.cron(cron)).execute((instance, context) -> {
			LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
			counters.refresh(today.minusDays(2), today.plusDays(1));
		});
	}

}
