package org.dues.work;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.dues.payment.PaymentManagement;
import org.dues.payment.PaymentPosted;
import org.dues.payment.PaymentsPosted;
import org.dues.payment.PaymentRefunded;
import org.dues.payment.PaymentReversed;
import org.dues.portfolio.AccountId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The order of each agent's own accounts, kept on their assignments (days past due, then
 * balance) so that next account walks one agent's list by index instead of the whole
 * portfolio's. Taken when an account is assigned, brought up to date for an account as
 * soon as a payment on it posts or is reversed, and for every account by a pass once per
 * cluster every few minutes ({@code dues.work.order-cron}, default every 5 minutes),
 * which catches the nightly aging, imports' balance updates and waivers. The same pass
 * lists each queue's accounts again ({@link Queues#refreshMembers()}). The order and a
 * queue's newcomers can lag by that much, and so can the queues' kept sizes
 * ({@link QueueSizes}) for what other modules changed; whether an account may be worked
 * (status, holds, rests, the gate, a queue's filters) is always read live.
 */
@Component
public class WorkOrder {

	private static final Logger log = LoggerFactory.getLogger(WorkOrder.class);

	/** Assignments whose order differs from their account's, brought up to date. */
	private static final String REFRESH = """
			UPDATE work_assignments w
			SET days_past_due = a.days_past_due, balance = a.principal + a.interest + a.fees
			FROM portfolio_account_facts a
			WHERE a.id = w.account_id
			  AND (w.days_past_due <> a.days_past_due OR w.balance <> a.principal + a.interest + a.fees)""";

	private final JdbcClient jdbc;

	private final PaymentManagement payments;

	private final ObjectProvider<NextAccount> next;

	WorkOrder(JdbcClient jdbc, PaymentManagement payments, ObjectProvider<NextAccount> next) {
		this.jdbc = jdbc;
		this.payments = payments;
		this.next = next;
	}

	/**
	 * Brings every assignment whose account's days past due or balance moved up to date.
	 * @return how many assignments changed
	 */
	@Transactional
	public int refresh() {
		// agents' listings of their own accounts were read in the order this changes
		this.next.ifAvailable(NextAccount::forgetListings);
		return this.jdbc.sql(REFRESH).update();
	}

	/** Brings one account's assignment up to date, if it has one. */
	@Transactional
	public void refresh(AccountId account) {
		this.next.ifAvailable(NextAccount::forgetListings);
		this.jdbc.sql(REFRESH + " AND w.account_id = :account").param("account", account.value()).update();
	}

	@ApplicationModuleListener
	void on(PaymentPosted posted) {
		refresh(posted.account());
	}

	@ApplicationModuleListener
	void on(PaymentsPosted posted) {
		this.jdbc.sql(REFRESH + " AND w.account_id = ANY(:accounts)")
			.param("accounts",
					this.payments.posted(posted)
						.stream()
						.map((p) -> p.account().value())
						.distinct()
						.toArray(java.util.UUID[]::new))
			.update();
		this.next.ifAvailable(NextAccount::forgetListings);
	}

	@ApplicationModuleListener
	void on(PaymentReversed reversed) {
		refresh(reversed.account());
	}

	@ApplicationModuleListener
	void on(PaymentRefunded refunded) {
		refresh(refunded.account());
	}

	@Configuration(proxyBeanMethods = false)
	static class Job {

		@Bean
		RecurringTask<Void> workOrderRefresh(WorkOrder order, Queues queues, QueueSizes sizes,
				@Value("${dues.work.order-cron:0 */5 * * * *}") String cron) {
			return Tasks.recurring("work-order-refresh", Schedules.cron(cron)).execute((instance, context) -> {
				long started = System.nanoTime();
				int changed = order.refresh();
				long members = queues.refreshMembers();
				long listed = System.nanoTime();
				// the queues' kept sizes catch up with what other modules changed
				sizes.recountAll();
				log.info(
						"Work order refreshed in {} ms: {} assigned accounts changed order, {} accounts in queues; queues counted in {} ms",
						(listed - started) / 1_000_000, changed, members, (System.nanoTime() - listed) / 1_000_000);
			});
		}

	}

}
