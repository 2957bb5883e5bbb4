package org.dues.compliance;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Anchors the audit trail at intervals, run by db-scheduler once per cluster: every ten
 * minutes by default ({@code DUES_AUDIT_ANCHOR_CRON}); Dues anchors it on shutdown too.
 */
@Configuration(proxyBeanMethods = false)
class AuditAnchorJob {

	private static final Logger log = LoggerFactory.getLogger(AuditAnchorJob.class);

	@Bean
	RecurringTask<Void> auditAnchoring(AuditAnchor anchor,
			@Value("${dues.audit.anchor-cron:0 */10 * * * *}") String cron) {
		return Tasks.recurring("compliance-audit-anchor", Schedules.cron(cron))
			.execute((instance, context) -> anchor.write()
				.ifPresent((written) -> log.debug("Audit trail anchored at record {}", written.seq())));
	}

}
