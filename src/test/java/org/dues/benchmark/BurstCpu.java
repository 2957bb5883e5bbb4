package org.dues.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * Where the CPU goes while the agents' simultaneous first asks of the measured phase are
 * answered: from the instant the first agent enters the measured phase to the instant the
 * server has answered as many next accounts as there are agents (the burst), the CPU time
 * of Gatling's threads (the client), of the request threads, of the JVM's other threads,
 * of the JVM itself beyond its Java threads (garbage collection, the JIT) and of
 * PostgreSQL's processes. On two cores a burst cannot drain faster than all of it over
 * two; the client's share is what a load generator on another machine would take away.
 */
final class BurstCpu {

	private static final long CLOCK_TICK_NS = 10_000_000L;

	private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	private final AtomicInteger answered = new AtomicInteger();

	private volatile int burst = Integer.MAX_VALUE;

	private volatile long postmaster;

	private volatile @Nullable Snapshot start;

	private volatile @Nullable String summary;

	private volatile boolean inBurst;

	void postmaster(long pid) {
		this.postmaster = pid;
	}

	/** The measured phase begins: the burst is as many asks as there are agents. */
	synchronized void begin(int asks) {
		this.answered.set(0);
		this.summary = null;
		this.burst = asks;
		this.start = snapshot();
		this.inBurst = true;
	}

	/** The server has answered one next account in the measured phase. */
	void answered() {
		if (this.answered.incrementAndGet() == this.burst) {
			end();
		}
	}

	private synchronized void end() {
		this.inBurst = false;
		Snapshot first = this.start;
		if (first == null) {
			return;
		}
		Snapshot last = snapshot();
		double wall = (last.wall() - first.wall()) / 1e6;
		Map<String, Long> groups = new HashMap<>();
		long javaThreads = 0;
		for (Map.Entry<String, Long> entry : last.groups().entrySet()) {
			long spent = entry.getValue() - first.groups().getOrDefault(entry.getKey(), 0L);
			groups.put(entry.getKey(), spent);
			javaThreads += spent;
		}
		long process = last.process() - first.process();
		long postgres = last.postgres() - first.postgres();
		long client = groups.getOrDefault("client", 0L);
		long server = process - client + postgres;
		int asks = this.burst;
		this.summary = ("the burst of %d simultaneous asks: answered by the server in %.0f ms; CPU in it %.0f ms"
				+ " (%.1f cores busy): client (Gatling) %.0f ms, server %.0f ms [request threads %.0f, other"
				+ " application threads %.0f, JVM beyond its threads (GC, JIT) %.0f, PostgreSQL %.0f]; per ask:"
				+ " all %.2f ms, server %.2f ms, client %.2f ms; from %s to %s (for a profile's samples)")
			.formatted(asks, wall, (process + postgres) / 1e6, (process + postgres) / 1e6 / wall, client / 1e6,
					server / 1e6, groups.getOrDefault("request", 0L) / 1e6, groups.getOrDefault("other", 0L) / 1e6,
					(process - javaThreads) / 1e6, postgres / 1e6, (process + postgres) / 1e6 / asks,
					server / 1e6 / asks, client / 1e6 / asks, java.time.Instant.ofEpochMilli(first.epochMilli()),
					java.time.Instant.ofEpochMilli(last.epochMilli()));
	}

	/**
	 * Whether the burst is being answered now (from its first ask to its last answer).
	 */
	boolean inBurst() {
		return this.inBurst;
	}

	String summary() {
		String text = this.summary;
		return (text != null) ? text : "the burst of simultaneous asks: not measured";
	}

	private Snapshot snapshot() {
		Map<String, Long> groups = new HashMap<>();
		for (ThreadInfo info : this.threads.getThreadInfo(this.threads.getAllThreadIds())) {
			if (info == null) {
				continue;
			}
			long cpu = this.threads.getThreadCpuTime(info.getThreadId());
			if (cpu > 0) {
				groups.merge(group(info.getThreadName()), cpu, Long::sum);
			}
		}
		long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
		return new Snapshot(System.nanoTime(), System.currentTimeMillis(), process, groups, postgres());
	}

	private static String group(String thread) {
		String name = thread.toLowerCase(Locale.ROOT);
		if (name.contains("gatling") || name.contains("pekko") || name.contains("akka")) {
			return "client";
		}
		if (name.startsWith("http-nio")) {
			return "request";
		}
		return "other";
	}

	/** CPU of the postmaster and every process under it, from {@code /proc}. */
	private long postgres() {
		long pid = this.postmaster;
		if (pid <= 0) {
			return 0;
		}
		try {
			long ticks = ticks(pid);
			ProcessHandle postmaster = ProcessHandle.of(pid).orElse(null);
			if (postmaster != null) {
				ticks += postmaster.descendants().mapToLong((p) -> ticks(p.pid())).sum();
			}
			return ticks * CLOCK_TICK_NS;
		}
		catch (RuntimeException ex) {
			return 0;
		}
	}

	private static long ticks(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	private record Snapshot(long wall, long epochMilli, long process, Map<String, Long> groups, long postgres) {
	}

}
