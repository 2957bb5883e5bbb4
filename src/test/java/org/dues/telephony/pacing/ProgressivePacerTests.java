package org.dues.telephony.pacing;

import java.util.concurrent.atomic.AtomicInteger;

import org.dues.telephony.sim.CarrierModel;
import org.dues.telephony.sim.ShiftResult;
import org.dues.telephony.sim.ShiftSimulation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressivePacerTests {

	@Test
	void placesOneCallPerReadyAgentWithoutACallRinging() {
		PacingSnapshot now = new PacingSnapshot(Histories.NINE_AM, 5, new double[] { 30 }, new double[0],
				new double[] { 4, 12 }, 0, new PacingHistory());

		assertThat(new ProgressivePacer().callsToPlace(now)).isEqualTo(3);
		assertThat(new PreviewPacer().callsToPlace(now)).isEqualTo(3);
	}

	@Test
	void neverHasMoreCallsRingingThanReadyAgentsOverAShift() {
		ProgressivePacer progressive = new ProgressivePacer();
		AtomicInteger decisions = new AtomicInteger();
		AtomicInteger worstExcess = new AtomicInteger(Integer.MIN_VALUE);
		Pacer watched = new Pacer() {

			@Override
			public int callsToPlace(PacingSnapshot now) {
				int calls = progressive.callsToPlace(now);
				decisions.incrementAndGet();
				int excess = now.callsInFlight() + now.waitingAnswers() + calls - now.readyAgents();
				worstExcess.accumulateAndGet(excess, Math::max);
				return calls;
			}

			@Override
			public boolean guaranteesAgent() {
				return progressive.guaranteesAgent();
			}

			@Override
			public String mode() {
				return progressive.mode();
			}

		};

		ShiftResult shift = new ShiftSimulation(watched, CarrierModel.defaults(), 25, 3, 3 * 3600, 900).run();

		assertThat(decisions.get()).isEqualTo(3 * 3600);
		assertThat(worstExcess.get()).isLessThanOrEqualTo(0);
		assertThat(shift.abandons()).isZero();
		assertThat(shift.liveAnswers()).isPositive();
	}

}
