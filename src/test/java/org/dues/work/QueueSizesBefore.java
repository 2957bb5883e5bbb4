package org.dues.work;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * For the supervisor benchmark's baseline: every active queue's size counted in one pass
 * as {@code work.Supervision} did before reporting took the floor over, on the tables of
 * portfolio and customer themselves (copied, not shared, so that the baseline stays what
 * it was).
 */
public final class QueueSizesBefore {

	private final JdbcClient jdbc;

	private final Queues queues;

	public QueueSizesBefore(JdbcClient jdbc, Queues queues) {
		this.jdbc = jdbc;
		this.queues = queues;
	}

	public Map<Queues.QueueView, Queues.Size> all() {
		List<Queues.QueueView> active = this.queues.all().stream().filter(Queues.QueueView::active).toList();
		Map<Queues.QueueView, Queues.Size> sizes = new LinkedHashMap<>();
		if (active.isEmpty()) {
			return sizes;
		}
		Map<String, Object> params = new LinkedHashMap<>();
		List<String> wheres = new ArrayList<>();
		List<String> columns = new ArrayList<>();
		for (int i = 0; i < active.size(); i++) {
			String where = active.get(i).filters().sql("q" + i + "_", params);
			wheres.add(where);
			// the oldest debt as the floor reports it now (the most days past due), so
			// the
			// baseline answers what the floor answers
			columns.add("count(*) FILTER (WHERE %1$s), max(a.days_past_due) FILTER (WHERE %1$s)".formatted(where));
		}
		this.jdbc.sql("""
				SELECT %s
				FROM portfolio_accounts a JOIN customer_customers cu ON cu.id = a.customer_id
				LEFT JOIN work_assignments w ON w.account_id = a.id
				WHERE w.agent IS NULL AND (%s)""".formatted(String.join(", ", columns), String.join(" OR ", wheres)))
			.params(params)
			.query((rs) -> {
				for (int i = 0; i < active.size(); i++) {
					sizes.put(active.get(i),
							new Queues.Size(rs.getLong(2 * i + 1), rs.getObject(2 * i + 2, Integer.class)));
				}
			});
		return sizes;
	}

}
