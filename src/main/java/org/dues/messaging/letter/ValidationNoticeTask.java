package org.dues.messaging.letter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountPlaced;
import org.dues.portfolio.Creditors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a US creditor places an account, a one-time db-scheduler task to produce its
 * validation notice is scheduled in the placing transaction (so a placement and its
 * notice to come commit together) and run by the scheduler's few threads on one node.
 * Rendering a PDF takes tens of milliseconds: the demo or a batch of placements queues
 * its notices there rather than opening a transaction each at once.
 */
@Configuration(proxyBeanMethods = false)
class ValidationNoticeTask {

	static final TaskDescriptor<String> TASK = TaskDescriptor.of("messaging-validation-notice", String.class);

	@Bean
	OneTimeTask<String> validationNotice(ValidationNotices notices) {
		return Tasks.oneTime(TASK).execute((instance, context) -> {
			String[] data = instance.getData().split("\\|");
			notices.produce(new AccountId(UUID.fromString(data[0])), LocalDate.parse(data[1]));
		});
	}

	/** Schedules the task for each new US account. */
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
			String id = placed.account().value().toString();
			// Due at once whatever clock the scheduler reads (its own, not the injected
			// one).
			this.scheduler.getObject()
				.scheduleIfNotExists(TASK.instance(id).data(id + "|" + placed.placedOn()).scheduledTo(Instant.EPOCH));
		}

	}

}
