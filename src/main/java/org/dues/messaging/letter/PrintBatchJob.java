package org.dues.messaging.letter;

import java.time.Clock;
import java.time.LocalDate;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the day's print batch once a day on one node of the cluster
 * ({@code DUES_LETTERS_PRINT_CRON}, by default 17:00 in the server's zone; {@code -}
 * turns it off).
 */
@Configuration(proxyBeanMethods = false)
class PrintBatchJob {

	private static final Logger log = LoggerFactory.getLogger(PrintBatchJob.class);

	@Bean
	RecurringTask<Void> lettersPrintBatch(PrintBatches batches, Clock clock,
			@Value("${dues.letters.print-cron:0 0 17 * * *}") String cron) {
		return Tasks.recurring("messaging-print-batch", Schedules.cron(cron))
			.execute((instance, context) -> batches.run(LocalDate.now(clock))
				.ifPresent((batch) -> log.info("Print batch {}: {} letters, {} pages", batch.id(), batch.letters(),
						batch.pages())));
	}

}
