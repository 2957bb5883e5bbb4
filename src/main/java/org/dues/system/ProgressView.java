package org.dues.system;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * How far a long job has come, as its last batch of progress left it
 * ({@link JobProgress}).
 *
 * @param kind what sort of job ({@code import})
 * @param phase where the job is, a word of the job's own ({@code reading},
 * {@code merging}, {@code done}); pages name it through their message keys
 * @param done units of work done
 * @param total units of work in all, an estimate while the job cannot know yet; null when
 * it cannot be estimated (the bar then shows activity without a percentage)
 * @param counts the figures the job shows beside the bar, in its order ({@code read},
 * {@code checked}, {@code merged}…)
 * @param updates how many times the job has written its progress
 * @param remaining the time left as estimated from the rate so far, when the reader
 * asked; null when it cannot be estimated yet or the job has ended
 */
public record ProgressView(UUID id, String kind, String phase, Status status, long done, @Nullable Long total,
		Map<String, Long> counts, int updates, Instant startedAt, Instant updatedAt, @Nullable Instant finishedAt,
		@Nullable Duration remaining) {

	public ProgressView {
		counts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counts));
	}

	/**
	 * The share done in whole percent, rounded down (100 only once the job completed);
	 * null when the total is not known.
	 */
	public @Nullable Integer percent() {
		if (this.status == Status.COMPLETED) {
			return 100;
		}
		if (this.total == null || this.total <= 0) {
			return null;
		}
		return (int) Math.min(99, this.done * 100 / this.total);
	}

	/** Whether the job is still running. */
	public boolean running() {
		return this.status == Status.RUNNING;
	}

	/** A count by name, zero when the job has not given it. */
	public long count(String name) {
		return this.counts.getOrDefault(name, 0L);
	}

	/**
	 * The minutes left, rounded up, and 0 for less than a minute; null when not
	 * estimated.
	 */
	public @Nullable Long minutesLeft() {
		if (this.remaining == null) {
			return null;
		}
		long seconds = this.remaining.toSeconds();
		return (seconds < 60) ? 0 : (seconds + 59) / 60;
	}

	/** Where a job stands. */
	public enum Status {

		RUNNING, COMPLETED, FAILED

	}

}
