package org.dues.benchmark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Every account handed to a virtual agent, from when the agent had the answer to when it
 * asked for the next one (which lets the account go). That interval lies inside the
 * server's lease, so two agents' intervals on one account that overlap mean the account
 * was really handed to both at once; the check has no false alarms.
 */
final class Handovers {

	/** One account in one agent's hands, in {@link System#nanoTime()}. */
	record Held(String agent, UUID account, long from, long until) {
	}

	private record Open(UUID account, long from) {
	}

	private final Map<String, Open> open = new ConcurrentHashMap<>();

	private final List<Held> held = new ArrayList<>();

	/** The agent got the account (called when its answer has arrived). */
	void handed(String agent, UUID account) {
		Open previous = this.open.put(agent, new Open(account, System.nanoTime()));
		if (previous != null) {
			throw new IllegalStateException(agent + " was handed an account without asking");
		}
	}

	/** The agent asks for its next account (called before the request leaves). */
	void asking(String agent) {
		Open had = this.open.remove(agent);
		if (had != null) {
			add(new Held(agent, had.account(), had.from(), System.nanoTime()));
		}
	}

	/** Closes what agents still hold when the run ends: they hold it to the end. */
	void finish() {
		this.open.forEach((agent, had) -> add(new Held(agent, had.account(), had.from(), Long.MAX_VALUE)));
		this.open.clear();
	}

	synchronized List<Held> all() {
		return List.copyOf(this.held);
	}

	Set<UUID> accounts() {
		return all().stream().map(Held::account).collect(Collectors.toSet());
	}

	/** Pairs of different agents that held one account at the same time. */
	List<String> overlaps() {
		List<String> found = new ArrayList<>();
		Map<UUID, List<Held>> byAccount = all().stream().collect(Collectors.groupingBy(Held::account));
		byAccount.forEach((account, list) -> {
			List<Held> sorted = new ArrayList<>(list);
			sorted.sort(Comparator.comparingLong(Held::from));
			Held latest = sorted.get(0);
			for (Held next : sorted.subList(1, sorted.size())) {
				if (next.from() < latest.until() && !next.agent().equals(latest.agent())) {
					found.add("%s held by %s and %s at once".formatted(account, latest.agent(), next.agent()));
				}
				if (next.until() > latest.until()) {
					latest = next;
				}
			}
		});
		return found;
	}

	private synchronized void add(Held one) {
		this.held.add(one);
	}

}
