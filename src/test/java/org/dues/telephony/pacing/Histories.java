package org.dues.telephony.pacing;

import java.time.Instant;
import java.util.Random;

import org.dues.telephony.sim.CarrierModel;
import org.dues.telephony.sim.DialFate;
import org.dues.telephony.sim.SimulatedCarrier;

/** Campaign histories for pacer tests, learned from the simulated carrier. */
final class Histories {

	static final Instant NINE_AM = Instant.parse("2026-12-07T09:00:00Z");

	private Histories() {
	}

	/**
	 * A campaign that has dialled {@code dials} calls of the default model an hour ago,
	 * every live answer taken by an agent, and learned their talk and wrap times.
	 */
	static PacingHistory afterDials(int dials) {
		PacingHistory history = new PacingHistory();
		SimulatedCarrier carrier = new SimulatedCarrier(CarrierModel.defaults(), new Random(42));
		Instant anHourAgo = NINE_AM.minusSeconds(3600);
		for (int i = 0; i < dials; i++) {
			DialFate fate = carrier.dial();
			history.recordDial(fate.outcome(), fate.ringSeconds());
			if (fate.outcome() == CallOutcome.LIVE) {
				history.recordLiveAnswer(anHourAgo);
				history.recordTalk(carrier.talkSeconds());
				history.recordWrap(carrier.wrapSeconds());
			}
		}
		return history;
	}

	static void abandon(PacingHistory history, int abandons, Instant at) {
		for (int i = 0; i < abandons; i++) {
			history.recordLiveAnswer(at);
			history.recordAbandon(at);
		}
	}

	/** Six agents ready, twenty talking, ten wrapping up, twelve calls ringing. */
	static PacingSnapshot busyFloor(PacingHistory history) {
		double[] talking = new double[20];
		for (int i = 0; i < talking.length; i++) {
			talking[i] = 10 + 15 * i;
		}
		double[] wrapping = new double[10];
		for (int i = 0; i < wrapping.length; i++) {
			wrapping[i] = 3 * i;
		}
		double[] ringing = new double[12];
		for (int i = 0; i < ringing.length; i++) {
			ringing[i] = 2 * i;
		}
		return new PacingSnapshot(NINE_AM, 6, talking, wrapping, ringing, 0, history);
	}

}
