package org.dues.telephony.sim;

import org.dues.telephony.pacing.CallOutcome;
import org.dues.telephony.pacing.PredictivePacer;
import org.dues.telephony.pacing.PredictiveSettings;
import org.dues.telephony.pacing.ProgressivePacer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ShiftSimulationTests {

	private static final double SHIFT = 2 * 3600;

	@Test
	void everyAgentsShiftIsTalkWrapAndIdle() {
		ShiftResult shift = new ShiftSimulation(new PredictivePacer(PredictiveSettings.defaults()),
				CarrierModel.defaults(), 20, 7, SHIFT, 900)
			.run();

		for (int agent = 0; agent < 20; agent++) {
			assertThat(shift.talkSeconds()[agent] + shift.wrapSeconds()[agent] + shift.idleSeconds()[agent])
				.isCloseTo(SHIFT, within(1e-6));
			assertThat(shift.talkSeconds()[agent]).isPositive();
			assertThat(shift.wrapSeconds()[agent]).isPositive();
		}
	}

	@Test
	void talkPerAgentHourNeverPassesTheCeilingOfTalkOverTalkAndWrap() {
		ShiftResult shift = new ShiftSimulation(new PredictivePacer(PredictiveSettings.defaults()),
				CarrierModel.defaults(), 20, 3, SHIFT, 900)
			.run();

		// 180 / (180 + 30) of an hour, with room for the luck of one seed
		assertThat(shift.talkMinutesPerAgentHour()).isBetween(30.0, 55.0);
		assertThat(shift.connectsPerAgentHour() * 3.0).isCloseTo(shift.talkMinutesPerAgentHour(), within(6.0));
	}

	@Test
	void aSeedGivesTheSameShiftEveryTime() {
		ShiftResult once = new ShiftSimulation(new PredictivePacer(PredictiveSettings.defaults()),
				CarrierModel.defaults(), 10, 11, SHIFT, 900)
			.run();
		ShiftResult again = new ShiftSimulation(new PredictivePacer(PredictiveSettings.defaults()),
				CarrierModel.defaults(), 10, 11, SHIFT, 900)
			.run();

		assertThat(again.dials()).isEqualTo(once.dials());
		assertThat(again.abandons()).isEqualTo(once.abandons());
		assertThat(again.talkMinutesPerAgentHour()).isEqualTo(once.talkMinutesPerAgentHour());
	}

	@Test
	void progressiveDialingReproducesTheIssuesBaseline() {
		ShiftResult shift = ShiftSimulation.eightHours(new ProgressivePacer(), CarrierModel.defaults(), 50, 1);

		assertThat(shift.talkMinutesPerAgentHour()).isCloseTo(39.6, within(1.0));
		assertThat(shift.abandons()).isZero();
	}

	@Test
	void theCarrierDrawsItsShares() {
		SimulatedCarrier carrier = new SimulatedCarrier(CarrierModel.defaults().withLiveAnswer(0.10),
				new java.util.Random(5));
		int live = 0;
		int noAnswer = 0;
		double talk = 0;
		for (int i = 0; i < 20_000; i++) {
			DialFate fate = carrier.dial();
			if (fate.outcome() == CallOutcome.LIVE) {
				live++;
				assertThat(fate.ringSeconds()).isBetween(3.0, 15.0);
			}
			if (fate.outcome() == CallOutcome.NO_ANSWER) {
				noAnswer++;
				assertThat(fate.ringSeconds()).isEqualTo(26.0);
			}
			talk += carrier.talkSeconds();
		}
		assertThat(live / 20_000.0).isCloseTo(0.10, within(0.01));
		assertThat(noAnswer / 20_000.0).isCloseTo(0.55, within(0.015));
		assertThat(talk / 20_000).isCloseTo(180, within(5.0));
	}

}
