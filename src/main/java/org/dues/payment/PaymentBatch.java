package org.dues.payment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountLedger;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Source;
import org.dues.shared.BulkIds;
import org.dues.shared.CopyText;
import org.dues.shared.Money;
import org.dues.system.PostgresCopy;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Posts many payments of one creditor at once (a bank statement's matched credits), with
 * {@link PaymentManagement#post}'s rules: a reference already posted is not posted again,
 * a payment in another currency, dated in the future or before its account could have
 * been paid is refused (that payment only), every other one goes to the ledger by
 * {@link AccountLedger#postPayments} and is recorded with {@code COPY} under the batch's
 * id and its place in it, and the batch is announced by {@link PaymentsPosted} events
 * that name parts of it.
 */
@Component
class PaymentBatch {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PaymentBatch.class);

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final AccountLedger ledger;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Receipts receipts;

	private final LinkPayments links;

	PaymentBatch(JdbcClient jdbc, DataSource dataSource, AccountLedger ledger, ApplicationEventPublisher events,
			Clock clock, Receipts receipts, LinkPayments links) {
		this.receipts = receipts;
		this.links = links;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.ledger = ledger;
		this.events = events;
		this.clock = clock;
	}

	/** The outcome of each payment, in order. */
	List<Outcome> post(CreditorView creditor, List<Item> items, String who) {
		long t0 = System.nanoTime();
		List<Outcome> outcomes = new ArrayList<>(items.size());
		List<AccountLedger.PaymentToPost> toPost = new ArrayList<>();
		List<Integer> positions = new ArrayList<>();
		// the accounts are locked, and what posting checks read, in one statement
		AccountLedger.Locked locked = this.ledger.lockForPayments(items.stream().map(Item::account).toList());
		decide(creditor, items, who, locked, outcomes, toPost, positions);
		long t1 = System.nanoTime();
		List<AccountLedger.Posted> entries = this.ledger.postPayments(locked, toPost);
		long t2 = System.nanoTime();
		OffsetDateTime now = OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
		UUID batch = UUID.randomUUID();
		// the payments stream to the database as they are made
		try (PostgresCopy.Rows rows = PostgresCopy.rows(this.dataSource, """
				COPY payment_payments (id, creditor_id, account_id, reference, amount, currency, channel, received_on,
				    status, ledger_entry_id, recorded_at, recorded_by, link_id, batch_id, batch_seq)
				FROM STDIN (FORMAT csv)""")) {
			for (int i = 0; i < toPost.size(); i++) {
				Item item = items.get(positions.get(i));
				PaymentId id = outcomes.get(positions.get(i)).payment();
				new CopyText(rows.buffer()).add(id.toString())
					.add(creditor.id().value().toString())
					.add(item.account().value().toString())
					.add(item.reference())
					.add(item.amount().amount().toPlainString())
					.add(item.amount().currencyCode())
					.add(PaymentChannel.BANK_TRANSFER.name())
					.add(item.receivedOn().toString())
					.add("POSTED")
					.add(entries.get(i).entry().value().toString())
					.add(now.toString())
					.add(who)
					.add(item.link() == null ? null : item.link().toString())
					.add(batch.toString())
					.add(Integer.toString(i))
					.end();
				rows.row();
			}
			rows.finish();
		}
		long t3 = System.nanoTime();
		// every payment gets its receipt number, after all the ledger's locks were taken
		// (the counter row is locked until commit)
		List<PaymentId> posted = new ArrayList<>(toPost.size());
		for (int i = 0; i < toPost.size(); i++) {
			Item item = items.get(positions.get(i));
			posted.add(outcomes.get(positions.get(i)).payment());
			if (item.link() != null) {
				this.links.counted(item.link(), item.amount().amount());
			}
		}
		long t4 = System.nanoTime();
		this.receipts.issuePosted(creditor, batch, posted);
		long t5 = System.nanoTime();
		for (int from = 0; from < posted.size(); from += PaymentsPosted.MOST) {
			this.events
				.publishEvent(new PaymentsPosted(batch, from, Math.min(posted.size(), from + PaymentsPosted.MOST)));
		}
		log.debug(
				"Batch of {}: checked in {} ms, ledger in {} ms, payments in {} ms, links in {} ms, receipts in {} ms, events in {} ms",
				items.size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000,
				(t4 - t3) / 1_000_000, (t5 - t4) / 1_000_000, (System.nanoTime() - t5) / 1_000_000);
		return outcomes;
	}

	/**
	 * Which items were posted before, which are refused and which to post, from what the
	 * ledger read of the accounts as it locked them.
	 */
	private void decide(CreditorView creditor, List<Item> items, String who, AccountLedger.Locked locked,
			List<Outcome> outcomes, List<AccountLedger.PaymentToPost> toPost, List<Integer> positions) {
		Map<String, UUID> known = new HashMap<>();
		this.jdbc.sql("SELECT reference, id FROM payment_payments WHERE creditor_id = :c AND reference = ANY(:refs)")
			.param("c", creditor.id().value())
			.param("refs", org.dues.shared.ArrayKeys.texts(items.stream().map(Item::reference).toList()))
			.query((rs) -> {
				known.put(rs.getString(1), rs.getObject(2, UUID.class));
			});
		ZoneId zone = creditor.timeZone();
		LocalDate today = LocalDate.now(this.clock.withZone(zone));
		// time-ordered ids: the payments (and their receipts) land on the last pages of
		// their primary keys' indexes
		BulkIds.Sequence ids = BulkIds.sequence(this.clock);
		for (Item item : items) {
			UUID existing = known.get(item.reference());
			Accounts.PostingFacts account = locked.facts(item.account());
			String refusal = existing != null ? null : refusal(account, item, today, zone);
			if (existing != null) {
				outcomes.add(new Outcome(new PaymentId(existing), false, null));
			}
			else if (refusal != null) {
				outcomes.add(new Outcome(null, false, refusal));
			}
			else {
				known.put(item.reference(), ids.next());
				outcomes.add(new Outcome(new PaymentId(known.get(item.reference())), true, null));
				positions.add(outcomes.size() - 1);
				toPost.add(new AccountLedger.PaymentToPost(item.account(), item.amount(), item.receivedOn(),
						new Source(PaymentChannel.BANK_TRANSFER.name(), item.reference(), who, null)));
			}
		}
	}

	private static @Nullable String refusal(Accounts.@Nullable PostingFacts account, Item item, LocalDate today,
			ZoneId zone) {
		if (account == null) {
			return "no account " + item.account();
		}
		if (!account.currency().equals(item.amount().currency())) {
			return "the account is in " + account.currency();
		}
		if (item.receivedOn().isAfter(today)) {
			return "receivedOn: %s is in the future".formatted(item.receivedOn());
		}
		LocalDate earliest = account.placedAt()
			.atZone(zone)
			.toLocalDate()
			.minusDays(PaymentManagement.LATE_REPORTING_DAYS);
		if (account.openDate() != null && account.openDate().isAfter(earliest)) {
			earliest = account.openDate();
		}
		return item.receivedOn().isBefore(earliest)
				? "receivedOn: %s is before %s, when the account could first be paid".formatted(item.receivedOn(),
						earliest)
				: null;
	}

	/** A payment to post. */
	record Item(AccountId account, Money amount, String reference, LocalDate receivedOn, @Nullable UUID link) {
	}

	/**
	 * What became of a payment.
	 *
	 * @param payment the payment posted now or before; null when refused
	 * @param created whether this batch posted it
	 * @param refusal why not, when refused
	 */
	record Outcome(@Nullable PaymentId payment, boolean created, @Nullable String refusal) {
	}

}
