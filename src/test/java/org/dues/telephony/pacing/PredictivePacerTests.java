package org.dues.telephony.pacing;

import org.dues.telephony.sim.CarrierModel;
import org.dues.telephony.sim.ShiftResult;
import org.dues.telephony.sim.ShiftSimulation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PredictivePacerTests {

	@Test
	void holdsAbandonsWithinThreePercentAndTalksMoreThanProgressive() {
		for (double live : new double[] { 0.25, 0.10 }) {
			CarrierModel model = CarrierModel.defaults().withLiveAnswer(live);
			ShiftResult predictive = ShiftSimulation.eightHours(new PredictivePacer(PredictiveSettings.defaults()),
					model, 50, 2);
			ShiftResult progressive = ShiftSimulation.eightHours(new ProgressivePacer(), model, 50, 2);

			assertThat(predictive.abandons()).isPositive();
			assertThat(predictive.abandonPercent()).isLessThanOrEqualTo(3.0);
			assertThat(predictive.talkMinutesPerAgentHour()).isGreaterThan(progressive.talkMinutesPerAgentHour() + 5);
		}
	}

	@Test
	void tightensItsMarginAfterABurstOfAbandons() {
		PacingHistory history = Histories.afterDials(4000);
		PredictivePacer pacer = new PredictivePacer(PredictiveSettings.defaults());
		int before = pacer.callsToPlace(Histories.busyFloor(history));
		double marginBefore = pacer.margin();

		Histories.abandon(history, 8, Histories.NINE_AM.minusSeconds(60));
		int after = pacer.callsToPlace(Histories.busyFloor(history));

		assertThat(pacer.margin()).isGreaterThan(marginBefore + 1);
		assertThat(after).isLessThan(before);
	}

	@Test
	void loosensSlowlyAsLiveAnswersAreTaken() {
		PacingHistory history = Histories.afterDials(4000);
		PredictivePacer pacer = new PredictivePacer(PredictiveSettings.defaults());
		pacer.callsToPlace(Histories.busyFloor(history));
		double start = pacer.margin();

		for (int i = 0; i < 10; i++) {
			history.recordLiveAnswer(Histories.NINE_AM);
		}
		pacer.callsToPlace(Histories.busyFloor(history));

		// ten answers taken loosen the margin by what one fifth of an abandon tightens it
		assertThat(pacer.margin()).isLessThan(start).isGreaterThan(start - 0.25);
	}

	@Test
	void dialsProgressivelyWhenOneMoreAbandonWouldPassThreePercentOfTheDay() {
		PacingHistory history = Histories.afterDials(4000);
		Histories.abandon(history, (int) Math.floor(0.03 * history.liveAnswers()) + 1,
				Histories.NINE_AM.minusSeconds(600));
		PacingSnapshot now = Histories.busyFloor(history);

		assertThat(history.lastDay(Histories.NINE_AM).affordsAnother(0.03)).isFalse();
		assertThat(new PredictivePacer(PredictiveSettings.defaults()).callsToPlace(now))
			.isEqualTo(new ProgressivePacer().callsToPlace(now));
	}

	@Test
	void dialsProgressivelyUntilItHasLearnedTheCampaign() {
		PacingHistory history = Histories.afterDials(40);
		PacingSnapshot now = Histories.busyFloor(history);

		assertThat(new PredictivePacer(PredictiveSettings.defaults()).callsToPlace(now)).isZero();
		assertThat(new PredictivePacer(PredictiveSettings.defaults())
			.callsToPlace(Histories.busyFloor(Histories.afterDials(4000)))).isPositive();
	}

	@Test
	void aCallStillRingingPastTheLongestAnswerWillNotBeAnsweredLive() {
		PacingHistory history = Histories.afterDials(4000);

		assertThat(history.dials().liveWithin(0, 30)).isBetween(0.22, 0.28);
		// of the calls still ringing at 10 s, most will time out unanswered: 5 s of the
		// 12 s answer
		// window left for the live ones, against machines and no-answers
		assertThat(history.dials().liveWithin(10, 30)).isBetween(0.10, 0.20);
		assertThat(history.dials().liveWithin(16, 30)).isZero();
	}

	@Test
	void neverRingsMoreLinesThanTheMaximumRatioAllows() {
		PacingHistory history = Histories.afterDials(4000);
		PacingSnapshot idleFloor = new PacingSnapshot(Histories.NINE_AM, 10, new double[0], new double[0],
				new double[0], 0, history);

		int calls = new PredictivePacer(PredictiveSettings.defaults().withMaxDialRatio(1.5)).callsToPlace(idleFloor);

		assertThat(calls).isEqualTo(15);
	}

}
