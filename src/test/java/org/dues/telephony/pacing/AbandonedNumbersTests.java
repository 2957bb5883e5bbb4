package org.dues.telephony.pacing;

import java.time.Instant;

import org.dues.shared.PhoneNumber;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AbandonedNumbersTests {

	private static final PhoneNumber CUSTOMER = PhoneNumber.parse("98470 12345", "IN");

	private static final Instant ABANDONED = Instant.parse("2026-12-07T10:00:00Z");

	@Test
	void anAbandonedNumberIsNotDialledPredictivelyForSeventyTwoHours() {
		AbandonedNumbers abandoned = new AbandonedNumbers();
		abandoned.recordAbandon(CUSTOMER, ABANDONED);
		PredictivePacer predictive = new PredictivePacer(PredictiveSettings.defaults());

		assertThat(abandoned.abandonedWithinQuiet(CUSTOMER, ABANDONED.plusSeconds(3600))).contains(ABANDONED);
		assertThat(abandoned.mayDial(CUSTOMER, ABANDONED.plusSeconds(71 * 3600), predictive)).isFalse();
		assertThat(abandoned.mayDial(CUSTOMER, ABANDONED.plusSeconds(71 * 3600), new PreviewPacer())).isTrue();
		assertThat(abandoned.mayDial(CUSTOMER, ABANDONED.plusSeconds(72 * 3600), predictive)).isTrue();
	}

	@Test
	void aNumberNeverAbandonedMayBeDialled() {
		AbandonedNumbers abandoned = new AbandonedNumbers();
		abandoned.recordAbandon(PhoneNumber.parse("98470 54321", "IN"), ABANDONED);

		assertThat(abandoned.mayDial(CUSTOMER, ABANDONED, new PredictivePacer(PredictiveSettings.defaults()))).isTrue();
	}

}
