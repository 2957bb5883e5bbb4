package org.dues.system;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The share done and the time left of a job's progress, as the bar shows them.
 */
class JobProgressTests {

	static final Instant START = Instant.parse("2026-11-26T10:00:00Z");

	@Test
	void theTimeLeftIsTheRateSoFarLessTheTimeSinceTheLastBatch() {
		// a quarter done in a minute: three minutes left at the last batch
		assertThat(JobProgress.remaining(250, 1000L, START, START.plusSeconds(60), START.plusSeconds(60)))
			.isEqualTo(Duration.ofMinutes(3));
		assertThat(JobProgress.remaining(250, 1000L, START, START.plusSeconds(60), START.plusSeconds(90)))
			.isEqualTo(Duration.ofSeconds(150));
		// long after the estimate ran out: nothing is left to say but "soon"
		assertThat(JobProgress.remaining(250, 1000L, START, START.plusSeconds(60), START.plusSeconds(600)))
			.isEqualTo(Duration.ZERO);
		// nothing measured yet, or no total: no estimate
		assertThat(JobProgress.remaining(0, 1000L, START, START.plusSeconds(5), START.plusSeconds(5))).isNull();
		assertThat(JobProgress.remaining(250, null, START, START.plusSeconds(60), START.plusSeconds(60))).isNull();
		assertThat(JobProgress.remaining(250, 1000L, START, START, START)).isNull();
	}

	@Test
	void thePercentageIsRoundedDownAndReachesAHundredOnlyWhenTheJobCompleted() {
		assertThat(view(ProgressView.Status.RUNNING, 999, 1000L, null).percent()).isEqualTo(99);
		assertThat(view(ProgressView.Status.RUNNING, 1000, 1000L, null).percent()).isEqualTo(99);
		assertThat(view(ProgressView.Status.RUNNING, 1, 3L, null).percent()).isEqualTo(33);
		assertThat(view(ProgressView.Status.RUNNING, 10, null, null).percent()).isNull();
		assertThat(view(ProgressView.Status.COMPLETED, 1000, 1000L, null).percent()).isEqualTo(100);
		assertThat(view(ProgressView.Status.RUNNING, 1, 3L, Duration.ofSeconds(59)).minutesLeft()).isZero();
		assertThat(view(ProgressView.Status.RUNNING, 1, 3L, Duration.ofSeconds(61)).minutesLeft()).isEqualTo(2);
		assertThat(view(ProgressView.Status.RUNNING, 1, 3L, null).minutesLeft()).isNull();
	}

	private static ProgressView view(ProgressView.Status status, long done, Long total, Duration remaining) {
		return new ProgressView(UUID.randomUUID(), "import", "reading", status, done, total, Map.of("read", done), 1,
				START, START, null, remaining);
	}

}
