package org.dues.messaging;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.dues.arrangement.Events;
import org.dues.compliance.Channel;
import org.dues.compliance.HoldPlaced;
import org.dues.payment.PaymentManagement;
import org.dues.payment.PaymentPosted;
import org.dues.payment.PaymentsPosted;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.shared.InvalidInputException;
import org.dues.shared.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Messages that go by themselves, configured per creditor: a reminder by SMS the set
 * number of days before a promise's or instalment's date (two by default), a notice when
 * a promise breaks; and what stops them: a payment that clears the overdue cancels the
 * account's queued collection messages, as does a hold. Each is queued once (a dedup key)
 * and decided by the gate when it leaves, in the customer's language.
 */
@Component
class Reminders {

	static final int DEFAULT_DAYS_BEFORE = 2;

	private static final Logger log = LoggerFactory.getLogger(Reminders.class);

	private final JdbcClient jdbc;

	private final Messages messages;

	private final Accounts accounts;

	private final Creditors creditors;

	private final Clock clock;

	private final PaymentManagement payments;

	Reminders(JdbcClient jdbc, Messages messages, Accounts accounts, Creditors creditors, Clock clock,
			PaymentManagement payments) {
		this.payments = payments;
		this.jdbc = jdbc;
		this.messages = messages;
		this.accounts = accounts;
		this.creditors = creditors;
		this.clock = clock;
	}

	/**
	 * Queues the reminders of instalments and promises falling due in each creditor's set
	 * number of days.
	 * @return how many were queued now (not counting those queued before)
	 */
	int queueDue() {
		int queued = 0;
		for (CreditorView creditor : this.creditors.list()) {
			Optional<Integer> days = daysBefore(creditor);
			if (days.isEmpty()) {
				continue;
			}
			LocalDate day = LocalDate.now(this.clock.withZone(creditor.timeZone())).plusDays(days.get());
			List<Due> due = this.jdbc
				.sql("""
						SELECT f.account_id, i.arrangement_id, i.seq, i.due_on, i.amount - i.paid AS left_to_pay,
						       (SELECT count(*) FROM arrangement_instalment_facts x WHERE x.arrangement_id = i.arrangement_id)
						           AS instalments
						FROM arrangement_instalment_facts i
						JOIN arrangement_facts f ON f.id = i.arrangement_id AND f.in_force
						JOIN portfolio_account_facts p ON p.id = f.account_id
						WHERE i.due AND i.due_on = :day AND p.creditor_id = :creditor""")
				.param("day", day)
				.param("creditor", creditor.id().value())
				.query((rs, n) -> new Due(new AccountId(rs.getObject("account_id", UUID.class)),
						rs.getObject("arrangement_id", UUID.class), rs.getInt("seq"),
						rs.getObject("due_on", LocalDate.class), rs.getBigDecimal("left_to_pay"),
						rs.getInt("instalments")))
				.list();
			for (Due d : due) {
				AccountView account = this.accounts.get(d.account());
				String instalment = (d.instalments() > 1) ? d.seq() + "/" + d.instalments() : null;
				if (queue(NewMessageOf.reminder(d, account, instalment))) {
					queued++;
				}
			}
		}
		if (queued > 0) {
			log.info("Queued {} reminders", queued);
		}
		return queued;
	}

	/** A broken promise: the notice, where the creditor sends it. */
	@ApplicationModuleListener
	void on(Events.PromiseBroken broken) {
		AccountView account = this.accounts.get(broken.account());
		boolean notice = this.jdbc
			.sql("SELECT broken_promise_notice FROM messaging_creditor_settings WHERE creditor_id = :c")
			.param("c", account.creditorId().value())
			.query(Boolean.class)
			.optional()
			.orElse(true);
		if (notice) {
			queue(new NewMessage(broken.account(), Channel.SMS, "broken-promise", null, null, null,
					new NewMessage.Facts(broken.amount().minus(broken.paid()), broken.dueOn(), null), null,
					"broken-promise:" + broken.arrangement().value()));
		}
	}

	/** A payment that leaves nothing overdue stops the account's collection messages. */
	@ApplicationModuleListener
	void on(PaymentPosted posted) {
		AccountView account = this.accounts.get(posted.account());
		if (account.overdueAmount().amount().signum() <= 0) {
			int cancelled = this.messages.cancelCollection(posted.account(), "paid: nothing is overdue");
			if (cancelled > 0) {
				log.info("A payment cancelled {} queued messages of account {}", cancelled, posted.account());
			}
		}
	}

	/**
	 * As {@link #on(PaymentPosted)}, for each account of a part of a batch once: one read
	 * finds the accounts with collection messages queued (only they have any to cancel),
	 * and only theirs are read.
	 */
	@ApplicationModuleListener
	void on(PaymentsPosted posted) {
		List<AccountId> accounts = this.payments.posted(posted)
			.stream()
			.map(PaymentPosted::account)
			.distinct()
			.toList();
		List<AccountId> queued = this.messages.withCollectionQueued(accounts);
		if (queued.isEmpty()) {
			return;
		}
		this.accounts.getAll(queued).values().forEach((account) -> {
			if (account.overdueAmount().amount().signum() <= 0) {
				int cancelled = this.messages.cancelCollection(account.id(), "paid: nothing is overdue");
				if (cancelled > 0) {
					log.info("A payment cancelled {} queued messages of account {}", cancelled, account.id());
				}
			}
		});
	}

	/**
	 * A hold (a cease request, an attorney, a bankruptcy, a dispute…) cancels the queued
	 * collection messages of the debts it holds at once; the notices the law requires
	 * still go, and the gate decides them as they leave.
	 */
	@ApplicationModuleListener
	void on(HoldPlaced hold) {
		List<AccountId> held = hold.accountIds().isEmpty()
				? this.accounts.ofCustomer(hold.customerId()).stream().map(AccountView::id).toList()
				: hold.accountIds().stream().map(AccountId::new).toList();
		int cancelled = 0;
		for (AccountId account : held) {
			cancelled += this.messages.cancelCollection(account, "held: " + hold.type());
		}
		if (cancelled > 0) {
			log.info("A {} hold cancelled {} queued messages", hold.type(), cancelled);
		}
	}

	private boolean queue(NewMessage message) {
		try {
			MessageView queued = this.messages.queue(message, "dues");
			return queued.history().size() == 1;
		}
		catch (InvalidInputException ex) {
			// no address or no template: nothing to send
			log.debug("No {} for account {}: {}", message.template(), message.account(), ex.getMessage());
			return false;
		}
	}

	private Optional<Integer> daysBefore(CreditorView creditor) {
		List<Integer> set = this.jdbc.sql("""
				SELECT reminder_days_before FROM messaging_creditor_settings WHERE creditor_id = :c""")
			.param("c", creditor.id().value())
			.query((rs, n) -> (Integer) rs.getObject(1))
			.list();
		if (set.isEmpty()) {
			return Optional.of(DEFAULT_DAYS_BEFORE);
		}
		return Optional.ofNullable(set.get(0));
	}

	record Due(AccountId account, UUID arrangement, int seq, LocalDate dueOn, BigDecimal left, int instalments) {
	}

	private static final class NewMessageOf {

		static NewMessage reminder(Due due, AccountView account, String instalment) {
			return new NewMessage(due.account(), Channel.SMS, "reminder", null, null, null,
					new NewMessage.Facts(Money.of(due.left(), account.currency()), due.dueOn(), instalment), null,
					"reminder:" + due.arrangement() + ":" + due.seq() + ":" + due.dueOn());
		}

	}

}
