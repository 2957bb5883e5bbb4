package org.dues.messaging.letter;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.dues.compliance.Channel;
import org.dues.customer.CustomerId;
import org.dues.customer.CustomerManagement;
import org.dues.messaging.Dispatcher;
import org.dues.messaging.MessageView;
import org.dues.messaging.Messages;
import org.dues.messaging.NewMessage;
import org.dues.portfolio.AccountId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A notice the law requires that was to go by email and did not (the gate blocked it for
 * good, the server refused it, it bounced, an opt-out cancelled it) goes by post: a
 * {@code LETTER} message of the same notice is queued and let go, and the letter waits as
 * {@code QUEUED} for it; with no postal address it is {@code HELD}. Looked for every
 * minute on one node ({@code messaging-notice-fallback}).
 */
@Configuration(proxyBeanMethods = false)
class NoticeFallback {

	private static final Logger log = LoggerFactory.getLogger(NoticeFallback.class);

	private final JdbcClient jdbc;

	private final Messages messages;

	private final Dispatcher dispatcher;

	private final CustomerManagement customers;

	private final TransactionTemplate transactions;

	NoticeFallback(JdbcClient jdbc, Messages messages, Dispatcher dispatcher, CustomerManagement customers,
			TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.dispatcher = dispatcher;
		this.customers = customers;
		this.transactions = transactions;
	}

	@Bean
	RecurringTask<Void> noticeFallbackTask() {
		return Tasks.recurring("messaging-notice-fallback", Schedules.fixedDelay(Duration.ofMinutes(1)))
			.execute((instance, context) -> {
				int moved = toPost();
				if (moved > 0) {
					log.info("{} notices that did not go by email go by post", moved);
				}
			});
	}

	/**
	 * Sends by post the notices whose email ended without reaching the consumer.
	 * @return how many
	 */
	int toPost() {
		List<UUID> failed = this.jdbc.sql("""
				SELECT l.id FROM messaging_letters l JOIN messaging_messages m ON m.id = l.message_id
				WHERE l.status = 'EMAIL' AND m.status IN ('BLOCKED', 'FAILED', 'BOUNCED', 'CANCELLED')
				ORDER BY l.created_at LIMIT 500""").query(UUID.class).list();
		int moved = 0;
		for (UUID letter : failed) {
			UUID message = this.transactions.execute((tx) -> byPost(letter));
			if (message != null) {
				this.dispatcher.dispatch(message);
				moved++;
			}
		}
		return moved;
	}

	/** The letter's notice queued by post, or held; the message to let go, if any. */
	private @Nullable UUID byPost(UUID letter) {
		record Notice(UUID account, UUID customer, String template, String language) {
		}
		Notice notice = this.jdbc.sql("""
				SELECT account_id, customer_id, template, language FROM messaging_letters
				WHERE id = :id AND status = 'EMAIL' FOR UPDATE SKIP LOCKED""")
			.param("id", letter)
			.query((rs, n) -> new Notice(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
					rs.getString(4)))
			.optional()
			.orElse(null);
		if (notice == null) {
			return null;
		}
		boolean postal = this.customers.get(new CustomerId(notice.customer()))
			.addresses()
			.stream()
			.anyMatch((a) -> a.status().usable());
		if (!postal) {
			this.jdbc.sql("UPDATE messaging_letters SET status = 'HELD' WHERE id = :id").param("id", letter).update();
			return null;
		}
		MessageView queued = this.messages
			.queue(new NewMessage(new AccountId(notice.account()), Channel.LETTER, notice.template(), notice.language(),
					null, null, null, null, notice.template() + ":post:" + notice.account()), NoticeDelivery.BY);
		this.jdbc.sql("UPDATE messaging_letters SET status = 'QUEUED', message_id = :m WHERE id = :id")
			.param("m", queued.id())
			.param("id", letter)
			.update();
		return queued.id();
	}

}
