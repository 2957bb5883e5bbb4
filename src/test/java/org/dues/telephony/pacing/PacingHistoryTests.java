package org.dues.telephony.pacing;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PacingHistoryTests {

	private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");

	@Test
	void countsAbandonsOverTheRollingDayAndThirtyDays() {
		PacingHistory history = new PacingHistory();
		answered(history, 100, 5, NOW.minusSeconds(25 * 3600));
		answered(history, 100, 1, NOW.minusSeconds(3600));
		answered(history, 100, 9, NOW.minusSeconds(31L * 24 * 3600));

		assertThat(history.lastDay(NOW)).isEqualTo(new PacingHistory.AbandonCount(100, 1));
		assertThat(history.lastThirtyDays(NOW)).isEqualTo(new PacingHistory.AbandonCount(200, 6));
		assertThat(history.lastThirtyDays(NOW).rate()).isEqualTo(0.03);
		assertThat(history.lastThirtyDays(NOW).affordsAnother(0.03)).isFalse();
		assertThat(history.lastDay(NOW).affordsAnother(0.03)).isTrue();
		assertThat(history.abandons()).isEqualTo(15);
	}

	private static void answered(PacingHistory history, int answers, int abandoned, Instant at) {
		for (int i = 0; i < answers; i++) {
			history.recordLiveAnswer(at);
		}
		for (int i = 0; i < abandoned; i++) {
			history.recordAbandon(at.plusSeconds(2));
		}
	}

}
