package org.dues.arrangement;

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
 * The date-driven pass over active arrangements (missed instalments, broken promises,
 * lapsed offers), run by db-scheduler once per cluster: hourly by default, because each
 * creditor's day turns at its own midnight; each arrangement in its own transaction.
 */
@Configuration(proxyBeanMethods = false)
class EvaluationJob {

	private static final Logger log = LoggerFactory.getLogger(EvaluationJob.class);

	@Bean
	RecurringTask<Void> arrangementEvaluation(Evaluation evaluation, TransactionTemplate transactions,
			@Value("${dues.arrangements.cron:0 10 * * * *}") String cron) {
		return Tasks.recurring("arrangement-evaluation", Schedules.cron(cron)).execute((instance, context) -> {
			int count = evaluation.evaluateAll((work) -> transactions.executeWithoutResult((tx) -> work.run()));
			log.info("Evaluated {} active arrangements", count);
		});
	}

}
