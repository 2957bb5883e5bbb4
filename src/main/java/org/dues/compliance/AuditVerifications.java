package org.dues.compliance;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Verification of the audit trail started from a page: {@link AuditTrail#verify()}, the
 * same walk as {@code GET /api/v1/compliance/audit/verification}, run apart from the
 * request, since a long trail takes a while, and at most one at a time: a start while one
 * runs joins it instead of starting a second walk. The latest run and its result are kept
 * (on this node) for every reader of the page until the next one starts.
 */
@Service
public class AuditVerifications {

	private static final Logger log = LoggerFactory.getLogger(AuditVerifications.class);

	private final AuditTrail trail;

	private final Clock clock;

	private final AtomicReference<@Nullable Run> latest = new AtomicReference<>();

	AuditVerifications(AuditTrail trail, Clock clock) {
		this.trail = trail;
		this.clock = clock;
	}

	/**
	 * Starts a verification, or joins the one running.
	 * @param by who asked
	 * @return the run: a new one, or the one already running
	 */
	public Run start(String by) {
		while (true) {
			Run current = this.latest.get();
			if (current != null && current.running()) {
				return current;
			}
			Run fresh = new Run(UUID.randomUUID(), by, this.clock.instant(), null, null, null);
			if (this.latest.compareAndSet(current, fresh)) {
				Thread.ofVirtual().name("audit-verification").start(() -> walk(fresh));
				return fresh;
			}
		}
	}

	/** The run going on, or else the last one finished, if any. */
	public Optional<Run> latest() {
		return Optional.ofNullable(this.latest.get());
	}

	private void walk(Run run) {
		Run done;
		try {
			done = run.finished(this.clock.instant(), this.trail.verify(), null);
		}
		catch (RuntimeException ex) {
			log.error("Audit verification failed", ex);
			done = run.finished(this.clock.instant(), null, String.valueOf(ex.getMessage()));
		}
		this.latest.compareAndSet(run, done);
	}

	/**
	 * A verification, running or finished.
	 *
	 * @param startedBy who started it
	 * @param finishedAt when it finished, null while it runs
	 * @param result what it found, once finished (null if it failed)
	 * @param failure why it could not finish (the database unreachable), if so
	 */
	public record Run(UUID id, String startedBy, Instant startedAt, @Nullable Instant finishedAt,
			AuditTrail.@Nullable Verification result, @Nullable String failure) {

		/** Whether it is still walking the trail. */
		public boolean running() {
			return this.finishedAt == null;
		}

		Run finished(Instant at, AuditTrail.@Nullable Verification found, @Nullable String failed) {
			return new Run(this.id, this.startedBy, this.startedAt, at, found, failed);
		}

	}

}
