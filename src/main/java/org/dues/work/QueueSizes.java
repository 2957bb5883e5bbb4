package org.dues.work;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many pooled accounts each active queue holds, and its oldest debt, for the
 * supervisor's floor and the queues page: read from the counts work keeps
 * ({@code work_queue_counts}, see {@link QueueCounts}) instead of counted on every read.
 * They are exact for every change work makes (assigning, pooling, adding to a queue,
 * parking with an agency); what other modules change (aging, balances, statuses) is
 * caught up by the full count every few minutes, whose time {@link Counted#countedAt}
 * tells.
 */
@Service
public class QueueSizes {

	private final Queues queues;

	private final QueueCounts counts;

	QueueSizes(Queues queues, QueueCounts counts) {
		this.queues = queues;
		this.counts = counts;
	}

	/**
	 * Every active queue (of the teams named, or all) with its kept size and oldest debt;
	 * a queue never counted is counted in full first.
	 */
	@Transactional
	public Map<Queues.QueueView, Queues.Size> of(@Nullable Collection<UUID> teams) {
		return counted(teams).sizes();
	}

	/**
	 * As {@link #of}, with when the least recently counted of them was counted in full.
	 */
	@Transactional
	public Counted counted(@Nullable Collection<UUID> teams) {
		List<Queues.QueueView> active = active(teams);
		Map<UUID, QueueCounts.Kept> kept = this.counts.kept(active.stream().map(Queues.QueueView::id).toList());
		List<Queues.QueueView> missing = active.stream().filter((q) -> !kept.containsKey(q.id())).toList();
		if (!missing.isEmpty()) {
			this.counts.recount(missing);
			kept.putAll(this.counts.kept(missing.stream().map(Queues.QueueView::id).toList()));
		}
		Map<Queues.QueueView, Queues.Size> sizes = new LinkedHashMap<>();
		Instant countedAt = null;
		for (Queues.QueueView queue : active) {
			QueueCounts.Kept k = kept.get(queue.id());
			if (k == null) {
				// deleted or paused meanwhile
				continue;
			}
			sizes.put(queue, k.size());
			if (countedAt == null || k.countedAt().isBefore(countedAt)) {
				countedAt = k.countedAt();
			}
		}
		return new Counted(sizes, countedAt);
	}

	/**
	 * Every active queue (of the teams named, or all) counted live in one pass over the
	 * pooled accounts, as the floor once read them; each agrees with
	 * {@link Queues#size(UUID)}.
	 */
	@Transactional(readOnly = true)
	public Map<Queues.QueueView, Queues.Size> live(@Nullable Collection<UUID> teams) {
		List<Queues.QueueView> active = active(teams);
		Map<Queues.QueueView, Queues.Size> sizes = new LinkedHashMap<>();
		if (active.isEmpty()) {
			return sizes;
		}
		Map<UUID, Queues.Size> counted = this.counts.count(active, null);
		active.forEach((q) -> sizes.put(q, counted.get(q.id())));
		return sizes;
	}

	/** Counts every queue in full again (the pass every few minutes). */
	@Transactional
	public void recountAll() {
		this.counts.recount(this.queues.all());
	}

	private List<Queues.QueueView> active(@Nullable Collection<UUID> teams) {
		return this.queues.all()
			.stream()
			.filter(Queues.QueueView::active)
			.filter((q) -> teams == null || teams.contains(q.teamId()))
			.toList();
	}

	/**
	 * Queues' sizes and when they were counted in full.
	 *
	 * @param countedAt the oldest full count among them (null when there are no queues):
	 * work's own changes since are in the sizes, other modules' are not yet
	 */
	public record Counted(Map<Queues.QueueView, Queues.Size> sizes, @Nullable Instant countedAt) {
	}

}
