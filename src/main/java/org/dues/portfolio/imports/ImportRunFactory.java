package org.dues.portfolio.imports;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.dues.customer.CustomerIntake;
import org.dues.portfolio.CreditorView;
import org.dues.system.JobProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires import runs, the thread they run on, and the recovery of imports a crash cut
 * short (their transaction never committed, so they are marked failed, not half-applied).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ImportSettings.class)
class ImportRunFactory {

	private static final Logger log = LoggerFactory.getLogger(ImportRunFactory.class);

	private final ImportRun.Deps deps;

	private final JobProgress progress;

	/** The imports, for their files' purge; they use this factory, so they come later. */
	private final ObjectProvider<AllocationImports> imports;

	ImportRunFactory(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions,
			CustomerIntake customers, ImportedAccounts aging, Clock clock, org.dues.customer.NationalIds nationalIds,
			ObjectProvider<AllocationImports> imports, ImportSettings settings, JobProgress progress,
			ApplicationEventPublisher events) {
		this.imports = imports;
		this.progress = progress;
		TransactionTemplate separate = new TransactionTemplate(transactions);
		separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.deps = new ImportRun.Deps(jdbc, dataSource, new TransactionTemplate(transactions), separate, customers,
				aging, clock, nationalIds, settings.twoSessions() != ImportSettings.TwoSessions.OFF,
				settings.chunkRows(), events);
	}

	/** A run of an import just recorded, its progress started (kind {@code import}). */
	ImportRun create(UUID id, CreditorView creditor, MappingProfile profile, Path file, AllocationFile.Format format,
			String fileName, String who) {
		return new ImportRun(id, creditor, profile, file, format, fileName, who, this.deps,
				this.progress.start(id, "import", "reading"));
	}

	/**
	 * Settles, every minute, what a stop between an import's two commits left prepared
	 * ({@link PreparedImports}), so that it waits neither for a restart nor for the
	 * creditor's next import.
	 */
	@Bean
	RecurringTask<Void> importSettlement(DataSource dataSource) {
		return Tasks.recurring("import-settlement", Schedules.fixedDelay(Duration.ofMinutes(1)))
			.execute((instance, context) -> PreparedImports.settle(dataSource, null));
	}

	@Bean(destroyMethod = "shutdownNow")
	ExecutorService importExecutor() {
		return Executors.newSingleThreadExecutor(Thread.ofPlatform().name("dues-import").daemon(true).factory());
	}

	/**
	 * Imports still RUNNING when this node starts, whose creditor no node is importing
	 * for, died with a process: their work was rolled back; say so. Settles what such a
	 * stop left prepared ({@link PreparedImports}) first.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void failInterruptedImports() {
		// First what a stop left prepared: an import whose own transaction committed is
		// completed by it. The handover tables of the imports marked failed below go
		// here too: both take a RUNNING import whose creditor's lock is free for dead.
		PreparedImports.settle(this.deps.dataSource(), null);
		List<UUID> failed = this.deps.separateTransactions().execute((tx) -> this.deps.jdbc().sql("""
				UPDATE portfolio_imports i SET status = 'FAILED', finished_at = now(),
				    message = 'interrupted (the server stopped) before it finished; nothing of it was applied'
				WHERE status = 'RUNNING'
				  AND pg_try_advisory_xact_lock(hashtextextended('import/' || i.creditor_id::text, 0))
				RETURNING i.id""").query(UUID.class).list());
		if (failed != null && !failed.isEmpty()) {
			log.warn("Marked {} interrupted import(s) as failed", failed.size());
			this.progress.failed(failed);
		}
		// a failed import's file goes at once, not at the next hourly purge: it holds
		// national ids in clear
		this.imports.getObject().purgeFiles();
	}

}
