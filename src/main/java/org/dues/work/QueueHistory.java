package org.dues.work;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes and reads {@code work_queue_history}: each definition, change, pause, resumption
 * and deletion of a queue, who made it and when, and the queue before and after.
 */
@Component
class QueueHistory {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final Clock clock;

	QueueHistory(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records a change from {@code before} (null: defined) to {@code after} (null:
	 * deleted).
	 */
	void record(Queues.@Nullable QueueView before, Queues.@Nullable QueueView after, String by) {
		Queues.QueueView queue = Objects.requireNonNull((after != null) ? after : before);
		List<String> changed = changed(before, after);
		String action = (before == null) ? "DEFINED" : (after == null) ? "DELETED"
				: changed.equals(List.of("active")) ? (after.active() ? "RESUMED" : "PAUSED") : "CHANGED";
		this.jdbc
			.sql("""
					INSERT INTO work_queue_history (queue_id, team_id, action, changed, before, after, changed_by, changed_at)
					VALUES (:queue, :team, :action, :changed, CAST(:before AS jsonb), CAST(:after AS jsonb), :by, :at)""")
			.param("queue", queue.id())
			.param("team", queue.teamId())
			.param("action", action)
			.param("changed", changed.toArray(String[]::new))
			.param("before", json(before))
			.param("after", json(after))
			.param("by", by)
			.param("at", Timestamp.from(this.clock.instant()))
			.update();
	}

	List<Queues.QueueChange> of(UUID queue) {
		return this.jdbc.sql("""
				SELECT action, changed, before::text, after::text, changed_by, changed_at
				FROM work_queue_history WHERE queue_id = :queue ORDER BY id DESC""")
			.param("queue", queue)
			.query((rs, n) -> new Queues.QueueChange(rs.getString(1), List.of((String[]) rs.getArray(2).getArray()),
					state(rs.getString(3)), state(rs.getString(4)), rs.getString(5), rs.getTimestamp(6).toInstant()))
			.list();
	}

	/** The names of the settings and filters that differ. */
	static List<String> changed(Queues.@Nullable QueueView before, Queues.@Nullable QueueView after) {
		List<String> changed = new ArrayList<>();
		if (before == null || after == null) {
			return changed;
		}
		QueueFilters a = before.filters();
		QueueFilters b = after.filters();
		add(changed, "name", before.name(), after.name());
		add(changed, "creditors", a.creditors(), b.creditors());
		add(changed, "buckets", a.buckets(), b.buckets());
		add(changed, "dpdMin", a.dpdMin(), b.dpdMin());
		add(changed, "dpdMax", a.dpdMax(), b.dpdMax());
		add(changed, "balanceMin", amount(a.balanceMin()), amount(b.balanceMin()));
		add(changed, "balanceMax", amount(a.balanceMax()), amount(b.balanceMax()));
		add(changed, "languages", a.languages(), b.languages());
		add(changed, "regions", a.regions(), b.regions());
		add(changed, "statuses", a.statuses(), b.statuses());
		add(changed, "arrangements", a.arrangements(), b.arrangements());
		add(changed, "sort", before.sort(), after.sort());
		add(changed, "priority", before.priority(), after.priority());
		add(changed, "active", before.active(), after.active());
		return changed;
	}

	private static void add(List<String> changed, String field, @Nullable Object before, @Nullable Object after) {
		if (!Objects.equals(before, after)) {
			changed.add(field);
		}
	}

	private static @Nullable BigDecimal amount(@Nullable BigDecimal amount) {
		return (amount == null) ? null : amount.stripTrailingZeros();
	}

	private static @Nullable String json(Queues.@Nullable QueueView queue) {
		return (queue == null) ? null : JSON.writeValueAsString(
				new Queues.QueueState(queue.name(), queue.filters(), queue.sort(), queue.priority(), queue.active()));
	}

	private static Queues.@Nullable QueueState state(@Nullable String json) {
		return (json == null) ? null : JSON.readValue(json, Queues.QueueState.class);
	}

}
