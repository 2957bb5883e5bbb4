package org.dues.work;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The queues' sizes kept in {@code work_queue_counts}, so that the floor reads a row per
 * queue instead of counting the pooled accounts. A full count ({@link #recount}) writes a
 * queue's row; every change work makes to which accounts are pooled, or to what a queue
 * holds by hand, goes through {@link #adjusting}, which counts the accounts it touches
 * before and after and adds the difference in the same transaction; an import of new
 * accounts is followed by a full count ({@link QueueNewcomers}). These take one
 * transaction-scoped advisory lock, so a change and a count never cross: the count
 * (statements in READ COMMITTED each see what committed before them) sees every change
 * that took the lock before it, and a change waiting for it adds to the count's row.
 * <p>
 * Exact for work's own changes and after imports; what other modules change (an account
 * placed by itself through the API, the nightly aging moving days past due and buckets, a
 * payment moving a balance across a queue's bound, an account closed) is caught up by the
 * next full count. The oldest debt rises at once when an older account comes in; one that
 * leaves leaves the oldest as counted until the next count.
 */
@Component
class QueueCounts {

	private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext('work_queue_counts'))";

	private final JdbcClient jdbc;

	private final Clock clock;

	QueueCounts(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Counts the queues' pooled accounts in one pass over the accounts for all of them,
	 * and writes each queue's row; an inactive queue's row is removed. Call inside a
	 * transaction.
	 */
	void recount(List<Queues.QueueView> queues) {
		lock();
		List<Queues.QueueView> active = queues.stream().filter(Queues.QueueView::active).toList();
		List<UUID> inactive = queues.stream().filter((q) -> !q.active()).map(Queues.QueueView::id).toList();
		if (!inactive.isEmpty()) {
			this.jdbc.sql("DELETE FROM work_queue_counts WHERE queue_id IN (:ids)").param("ids", inactive).update();
		}
		if (active.isEmpty()) {
			return;
		}
		Map<UUID, Queues.Size> sizes = count(active, null);
		Timestamp now = Timestamp.from(this.clock.instant());
		for (Queues.QueueView queue : active) {
			Queues.Size size = sizes.get(queue.id());
			this.jdbc.sql("""
					INSERT INTO work_queue_counts (queue_id, accounts, oldest_days_past_due, counted_at, changed_at)
					VALUES (:queue, :accounts, :oldest, :now, :now)
					ON CONFLICT (queue_id) DO UPDATE SET accounts = EXCLUDED.accounts,
					    oldest_days_past_due = EXCLUDED.oldest_days_past_due, counted_at = EXCLUDED.counted_at,
					    changed_at = EXCLUDED.changed_at""")
				.param("queue", queue.id())
				.param("accounts", size.accounts())
				.param("oldest", size.oldestDaysPastDue())
				.param("now", now)
				.update();
		}
	}

	/**
	 * Runs a change to the accounts named (who owns them, which queue holds them by hand,
	 * whether they are worked outside the house) and adds to each active queue's count
	 * the difference it made among them. Call inside the change's transaction.
	 */
	<T> T adjusting(UUID[] accounts, List<Queues.QueueView> queues, Supplier<T> change) {
		List<Queues.QueueView> active = queues.stream().filter(Queues.QueueView::active).toList();
		if (accounts.length == 0 || active.isEmpty()) {
			return change.get();
		}
		lock();
		Map<UUID, Queues.Size> before = count(active, accounts);
		T result = change.get();
		Map<UUID, Queues.Size> after = count(active, accounts);
		Timestamp now = Timestamp.from(this.clock.instant());
		for (Queues.QueueView queue : active) {
			long delta = after.get(queue.id()).accounts() - before.get(queue.id()).accounts();
			Integer oldest = after.get(queue.id()).oldestDaysPastDue();
			if (delta == 0 && oldest == null) {
				continue;
			}
			// a queue never counted yet is counted in full by the next read
			this.jdbc.sql("""
					UPDATE work_queue_counts SET accounts = greatest(accounts + :delta, 0),
					    oldest_days_past_due = CASE WHEN accounts + :delta <= 0 THEN NULL
					        ELSE greatest(oldest_days_past_due, CAST(:oldest AS integer)) END,
					    changed_at = :now
					WHERE queue_id = :queue""")
				.param("delta", delta)
				.param("oldest", oldest)
				.param("now", now)
				.param("queue", queue.id())
				.update();
		}
		return result;
	}

	/**
	 * The queues' rows as kept: size, oldest debt and when last counted in full; queues
	 * never counted are missing.
	 */
	Map<UUID, Kept> kept(List<UUID> queues) {
		Map<UUID, Kept> kept = new LinkedHashMap<>();
		if (queues.isEmpty()) {
			return kept;
		}
		this.jdbc.sql("""
				SELECT queue_id, accounts, oldest_days_past_due, counted_at FROM work_queue_counts
				WHERE queue_id IN (:ids)""").param("ids", queues).query((rs) -> {
			kept.put(rs.getObject(1, UUID.class), new Kept(
					new Queues.Size(rs.getLong(2), rs.getObject(3, Integer.class)), rs.getTimestamp(4).toInstant()));
		});
		return kept;
	}

	/**
	 * The pooled accounts each queue holds, and its oldest debt, counted live in one pass
	 * (over the accounts named, or all); each agrees with {@link Queues#size(UUID)}.
	 */
	Map<UUID, Queues.Size> count(List<Queues.QueueView> queues, UUID @Nullable [] only) {
		Map<String, Object> params = new LinkedHashMap<>();
		List<String> wheres = new ArrayList<>();
		List<String> columns = new ArrayList<>();
		for (int i = 0; i < queues.size(); i++) {
			String where = queues.get(i).selection("q" + i + "_", params);
			wheres.add(where);
			columns.add("count(*) FILTER (WHERE %1$s), max(a.days_past_due) FILTER (WHERE %1$s)".formatted(where));
		}
		String accounts = "";
		if (only != null) {
			accounts = " AND a.id = ANY(:only)";
			params.put("only", only);
		}
		Map<UUID, Queues.Size> sizes = new LinkedHashMap<>();
		// the same accounts, joins and aliases as Queues.size and QueueFilters.sql
		this.jdbc
			.sql("""
					SELECT %s
					FROM portfolio_account_facts a JOIN customer_routing_facts cu ON cu.customer_id = a.customer_id
					LEFT JOIN work_assignments w ON w.account_id = a.id
					WHERE w.agent IS NULL%s AND (%s)""".formatted(String.join(", ", columns), accounts,
					String.join(" OR ", wheres)))
			.params(params)
			.query((rs) -> {
				for (int i = 0; i < queues.size(); i++) {
					sizes.put(queues.get(i).id(),
							new Queues.Size(rs.getLong(2 * i + 1), rs.getObject(2 * i + 2, Integer.class)));
				}
			});
		return sizes;
	}

	private void lock() {
		this.jdbc.sql(LOCK).query((rs) -> {
		});
	}

	/** A queue's kept size and when it was last counted in full. */
	record Kept(Queues.Size size, java.time.Instant countedAt) {
	}

}
