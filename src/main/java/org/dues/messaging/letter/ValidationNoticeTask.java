package org.dues.messaging.letter;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.dues.messaging.Dispatcher;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountPlaced;
import org.dues.portfolio.AccountsImported;
import org.dues.portfolio.Creditors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When a US creditor places an account, a one-time db-scheduler task to produce its
 * validation notice is scheduled in the placing transaction (so a placement and its
 * notice to come commit together) and run by the scheduler's few threads on one node.
 * Rendering a PDF takes tens of milliseconds: the demo or a batch of placements queues
 * its notices there rather than opening a transaction each at once. The notice is queued
 * in the outbox and let go at once when the gate allows ({@link NoticeDelivery}).
 *
 * <p>
 * A bulk import publishes no {@link AccountPlaced} for each account but one
 * {@link AccountsImported}: one task for the import ({@value #IMPORT_NAME}) is scheduled
 * in its transaction, which finds the import's new accounts in one statement and
 * schedules the notice task of each in batches.
 */
@Configuration(proxyBeanMethods = false)
class ValidationNoticeTask {

	static final TaskDescriptor<String> TASK = TaskDescriptor.of("messaging-validation-notice", String.class);

	static final String IMPORT_NAME = "messaging-import-validation-notices";

	static final TaskDescriptor<String> IMPORT_TASK = TaskDescriptor.of(IMPORT_NAME, String.class);

	private static final Logger log = LoggerFactory.getLogger(ValidationNoticeTask.class);

	/** How many notice tasks an import's task schedules in one statement. */
	private static final int BATCH = 1000;

	@Bean
	OneTimeTask<String> validationNotice(ValidationNotices notices, NoticeDelivery delivery, Dispatcher dispatcher) {
		return Tasks.oneTime(TASK).execute((instance, context) -> {
			String[] data = instance.getData().split("\\|");
			notices.produce(new AccountId(UUID.fromString(data[0])), LocalDate.parse(data[1]))
				.flatMap(delivery::messageOf)
				// let go now if the gate allows; else it waits in the outbox as any
				// message
				.ifPresent(dispatcher::dispatch);
		});
	}

	/**
	 * The notices of an import's new accounts: found in one statement over portfolio's
	 * published accounts (the creditor's, placed at the import's moment, without a notice
	 * yet), each scheduled as the task above. The new accounts of an import written by
	 * two sessions appear a moment after its own commit: fewer than it created is tried
	 * again a few seconds later.
	 */
	@Bean
	OneTimeTask<String> importValidationNotices(JdbcClient jdbc, ObjectProvider<SchedulerClient> scheduler) {
		return Tasks.oneTime(IMPORT_TASK)
			.onFailure(new FailureHandler.MaxRetriesFailureHandler<>(60,
					new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(5))))
			.execute((instance, context) -> {
				String[] data = instance.getData().split("\\|");
				UUID creditor = UUID.fromString(data[0]);
				OffsetDateTime at = OffsetDateTime.parse(data[1]);
				String placedOn = data[2];
				int created = Integer.parseInt(data[3]);
				int placed = jdbc.sql("""
						SELECT count(*) FROM portfolio_account_facts WHERE creditor_id = :c AND placed_at = :at""")
					.param("c", creditor)
					.param("at", at)
					.query(Integer.class)
					.single();
				if (placed < created) {
					throw new IllegalStateException("import %s: %d of its %d new accounts are visible yet"
						.formatted(instance.getId(), placed, created));
				}
				List<UUID> accounts = jdbc.sql("""
						SELECT a.id FROM portfolio_account_facts a
						WHERE a.creditor_id = :c AND a.placed_at = :at
						  AND NOT EXISTS (SELECT 1 FROM messaging_letters l
						                  WHERE l.account_id = a.id AND l.template = :template)
						ORDER BY a.id""")
					.param("c", creditor)
					.param("at", at)
					.param("template", ValidationNoticeText.TEMPLATE)
					.query(UUID.class)
					.list();
				for (int from = 0; from < accounts.size(); from += BATCH) {
					schedule(scheduler.getObject(), accounts.subList(from, Math.min(accounts.size(), from + BATCH)),
							placedOn);
				}
				log.info("import {}: {} validation notices to make", instance.getId(), accounts.size());
			});
	}

	private static void schedule(SchedulerClient scheduler, List<UUID> accounts, String placedOn) {
		List<SchedulableInstance<?>> batch = new ArrayList<>();
		for (UUID account : accounts) {
			batch.add(instance(account.toString(), placedOn));
		}
		try {
			scheduler.scheduleBatch(batch);
		}
		catch (RuntimeException ex) {
			// a run cut short left some scheduled: schedule the rest one by one
			for (UUID account : accounts) {
				scheduler.scheduleIfNotExists(instance(account.toString(), placedOn));
			}
		}
	}

	/** Due at once whatever clock the scheduler reads (its own, not the injected one). */
	private static SchedulableInstance<String> instance(String account, Object placedOn) {
		return TASK.instance(account).data(account + "|" + placedOn).scheduledTo(Instant.EPOCH);
	}

	/** Schedules the task for each new US account, and one for each import's. */
	@Component
	static class OnPlacement {

		private final ObjectProvider<SchedulerClient> scheduler;

		private final Creditors creditors;

		OnPlacement(ObjectProvider<SchedulerClient> scheduler, Creditors creditors) {
			this.scheduler = scheduler;
			this.creditors = creditors;
		}

		@EventListener
		void on(AccountPlaced placed) {
			if (!"US".equals(this.creditors.get(placed.creditor()).country())) {
				return;
			}
			this.scheduler.getObject()
				.scheduleIfNotExists(instance(placed.account().value().toString(), placed.placedOn()));
		}

		@EventListener
		void on(AccountsImported imported) {
			if (!"US".equals(this.creditors.get(imported.creditor()).country())) {
				return;
			}
			this.scheduler.getObject()
				.scheduleIfNotExists(IMPORT_TASK.instance(imported.importId().toString())
					.data(String.join("|", imported.creditor().value().toString(), imported.placedAt().toString(),
							imported.placedOn().toString(), String.valueOf(imported.created())))
					.scheduledTo(Instant.EPOCH));
		}

	}

}
