package org.dues.system;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The progress of long jobs (imports now; bulk sends, statements and exports later), kept
 * in the database so that a page on any node shows a job running on another. A job
 * {@link #start starts} a record and gets a {@link ProgressTracker}, moves it as it works
 * and writes it in batches: at most one small {@code UPDATE} per
 * {@code dues.progress.interval} (a second by default) and at each change of phase, each
 * in a transaction of its own, so a job's own long transaction neither holds it back nor
 * takes it along when it rolls back. Pages read it with {@link #find}; the bar is the
 * {@code fragments/progress :: bar} fragment. The job's own record stays the truth about
 * its outcome: a job cut short by a stop leaves its progress where it was.
 */
@Service
public class JobProgress {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<LinkedHashMap<String, Long>> COUNTS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final TransactionTemplate own;

	private final Clock clock;

	private final Duration interval;

	JobProgress(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
			@Value("${dues.progress.interval:1s}") Duration interval) {
		this.jdbc = jdbc;
		this.own = new TransactionTemplate(transactions);
		this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		this.interval = interval;
	}

	/**
	 * Records a job as started, at once and whatever transaction the caller is in, and
	 * gives the tracker that moves it.
	 * @param id the job's own id (an import's id), by which pages find its progress
	 * @param kind what sort of job, {@code import}
	 * @param phase the first phase
	 */
	public ProgressTracker start(UUID id, String kind, String phase) {
		Instant now = now();
		this.own.executeWithoutResult((tx) -> this.jdbc.sql("""
				INSERT INTO system_job_progress (id, kind, phase, status, started_at, updated_at)
				VALUES (:id, :kind, :phase, 'RUNNING', :now, :now)""")
			.param("id", id)
			.param("kind", kind)
			.param("phase", phase)
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.update());
		return new ProgressTracker(this, id, phase, now, this.interval);
	}

	/** A job's progress with the time left estimated now; empty if it never started. */
	public Optional<ProgressView> find(UUID id) {
		return find(List.of(id)).values().stream().findFirst();
	}

	/** The progress of each of these jobs that has any. */
	public Map<UUID, ProgressView> find(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Instant now = now();
		return this.jdbc.sql("SELECT * FROM system_job_progress WHERE id IN (:ids)")
			.param("ids", ids)
			.query((rs, n) -> view(rs, now))
			.list()
			.stream()
			.collect(Collectors.toMap(ProgressView::id, Function.identity()));
	}

	/**
	 * Marks jobs that ended without saying so (a stop cut them short) as failed, where
	 * they are still running.
	 */
	public void failed(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return;
		}
		OffsetDateTime now = OffsetDateTime.ofInstant(now(), ZoneOffset.UTC);
		this.own.executeWithoutResult((tx) -> this.jdbc.sql("""
				UPDATE system_job_progress SET status = 'FAILED', updated_at = :now, finished_at = :now
				WHERE id IN (:ids) AND status = 'RUNNING'""").param("ids", ids).param("now", now).update());
	}

	/** Writes one batch of a tracker's progress, in a transaction of its own. */
	void write(UUID id, String phase, ProgressView.Status status, long done, @Nullable Long total,
			Map<String, Long> counts, Instant at) {
		OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
		this.own.executeWithoutResult((tx) -> this.jdbc.sql("""
				UPDATE system_job_progress SET phase = :phase, status = :status, done = :done, total = :total,
				    counts = CAST(:counts AS jsonb), updates = updates + 1, updated_at = :at,
				    finished_at = CASE WHEN :status = 'RUNNING' THEN NULL ELSE CAST(:at AS timestamptz) END
				WHERE id = :id""")
			.param("id", id)
			.param("phase", phase)
			.param("status", status.name())
			.param("done", done)
			.param("total", total)
			.param("counts", JSON.writeValueAsString(counts))
			.param("at", when)
			.update());
	}

	Instant now() {
		return this.clock.instant();
	}

	private static ProgressView view(ResultSet rs, Instant now) throws SQLException {
		ProgressView.Status status = ProgressView.Status.valueOf(rs.getString("status"));
		long done = rs.getLong("done");
		Long total = rs.getObject("total", Long.class);
		Instant started = rs.getObject("started_at", OffsetDateTime.class).toInstant();
		Instant updated = rs.getObject("updated_at", OffsetDateTime.class).toInstant();
		OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
		return new ProgressView(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("phase"), status,
				done, total, JSON.readValue(rs.getString("counts"), COUNTS), rs.getInt("updates"), started, updated,
				(finished == null) ? null : finished.toInstant(),
				(status == ProgressView.Status.RUNNING) ? remaining(done, total, started, updated, now) : null);
	}

	/**
	 * The time left at the rate of the job so far, less the time since its last batch;
	 * null before the job has done anything measurable.
	 */
	static @Nullable Duration remaining(long done, @Nullable Long total, Instant started, Instant updated,
			Instant now) {
		long elapsed = Duration.between(started, updated).toMillis();
		if (total == null || done <= 0 || elapsed <= 0) {
			return null;
		}
		long left = Math.max(0, total - done);
		long millis;
		try {
			millis = Math.multiplyExact(elapsed, left) / done;
		}
		catch (ArithmeticException ex) {
			millis = Long.MAX_VALUE / 4;
		}
		return Duration.ofMillis(Math.max(0, millis - Math.max(0, Duration.between(updated, now).toMillis())));
	}

}
