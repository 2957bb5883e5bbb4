package org.dues.portfolio.imports;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Deletes the uploaded allocation files that are due ({@link ImportFiles}), run by
 * db-scheduler once per cluster, hourly by default.
 */
@Configuration(proxyBeanMethods = false)
class ImportFilesJob {

	private static final Logger log = LoggerFactory.getLogger(ImportFilesJob.class);

	@Bean
	RecurringTask<Void> importFilePurge(AllocationImports imports,
			@Value("${dues.imports.file-purge-cron:0 25 * * * *}") String cron) {
		return Tasks.recurring("import-file-purge", Schedules.cron(cron)).execute((instance, context) -> {
			int deleted = imports.purgeFiles();
			if (deleted > 0) {
				log.info("Deleted {} uploaded allocation file(s) past their retention", deleted);
			}
		});
	}

}
