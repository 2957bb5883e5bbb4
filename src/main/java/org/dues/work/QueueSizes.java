package org.dues.work;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many pooled accounts each active queue holds, counted by the queues' own filters,
 * for the supervisor's floor and the queues page.
 */
@Service
public class QueueSizes {

	private final JdbcClient jdbc;

	private final Queues queues;

	QueueSizes(JdbcClient jdbc, Queues queues) {
		this.jdbc = jdbc;
		this.queues = queues;
	}

	/**
	 * Every active queue (of the teams named, or all) with its size and its oldest debt
	 * (the most days past due), counted live in one pass over the pooled accounts for all
	 * of them; each agrees with {@link Queues#size(UUID)}.
	 */
	@Transactional(readOnly = true)
	public Map<Queues.QueueView, Queues.Size> of(@Nullable Collection<UUID> teams) {
		List<Queues.QueueView> active = this.queues.all()
			.stream()
			.filter(Queues.QueueView::active)
			.filter((q) -> teams == null || teams.contains(q.teamId()))
			.toList();
		Map<Queues.QueueView, Queues.Size> sizes = new LinkedHashMap<>();
		if (active.isEmpty()) {
			return sizes;
		}
		Map<String, Object> params = new LinkedHashMap<>();
		List<String> wheres = new ArrayList<>();
		List<String> columns = new ArrayList<>();
		for (int i = 0; i < active.size(); i++) {
			String where = active.get(i).selection("q" + i + "_", params);
			wheres.add(where);
			columns.add("count(*) FILTER (WHERE %1$s), max(a.days_past_due) FILTER (WHERE %1$s)".formatted(where));
		}
		// the same accounts, joins and aliases as Queues.size and QueueFilters.sql
		this.jdbc.sql("""
				SELECT %s
				FROM portfolio_account_facts a JOIN customer_routing_facts cu ON cu.customer_id = a.customer_id
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
