package org.dues.system;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One job's progress as the job moves it ({@link JobProgress#start}): the job sets its
 * phase, its work done and total, and its counts as often as it likes, in memory, and
 * calls {@link #report()} where it may be written; a batch is written at most once per
 * interval, at each change of phase and at the end. Writing never fails the job: a batch
 * that cannot be written is logged and the next one tries again. Used by the one thread
 * that runs the job.
 */
public final class ProgressTracker {

	private static final Logger log = LoggerFactory.getLogger(ProgressTracker.class);

	private final JobProgress store;

	private final UUID id;

	private final Duration interval;

	private final Map<String, Long> counts = new LinkedHashMap<>();

	private String phase;

	private long done;

	private @Nullable Long total;

	private Instant written;

	private boolean warned;

	ProgressTracker(JobProgress store, UUID id, String phase, Instant started, Duration interval) {
		this.store = store;
		this.id = id;
		this.phase = phase;
		this.written = started;
		this.interval = interval;
	}

	/** The job's id. */
	public UUID id() {
		return this.id;
	}

	/** Enters a phase and writes the progress at once. */
	public ProgressTracker phase(String phase) {
		this.phase = phase;
		write(ProgressView.Status.RUNNING);
		return this;
	}

	/** Sets the work done and the total (an estimate, or null when none can be made). */
	public ProgressTracker work(long done, @Nullable Long total) {
		this.done = Math.max(0, done);
		this.total = total;
		return this;
	}

	/**
	 * Sets a count shown beside the bar; counts keep the order they were first set in.
	 */
	public ProgressTracker count(String name, long value) {
		this.counts.put(name, value);
		return this;
	}

	/** Writes the progress if the interval has passed since it was last written. */
	public void report() {
		if (!this.store.now().isBefore(this.written.plus(this.interval))) {
			write(ProgressView.Status.RUNNING);
		}
	}

	/**
	 * Ends the progress: completed (all the work done) or failed (as far as it came),
	 * with the last phase's name.
	 */
	public void finish(boolean completed, String phase) {
		this.phase = phase;
		if (completed) {
			this.done = (this.total == null) ? this.done : Math.max(this.done, this.total);
			this.total = this.done;
		}
		write(completed ? ProgressView.Status.COMPLETED : ProgressView.Status.FAILED);
	}

	private void write(ProgressView.Status status) {
		Instant now = this.store.now();
		try {
			this.store.write(this.id, this.phase, status, this.done, this.total, this.counts, now);
			this.written = now;
		}
		catch (RuntimeException ex) {
			if (!this.warned) {
				log.warn("The progress of job {} could not be written; the job goes on", this.id, ex);
				this.warned = true;
			}
		}
	}

}
