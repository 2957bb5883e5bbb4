package org.dues.telephony.sim;

import java.util.random.RandomGenerator;

import org.dues.telephony.pacing.CallOutcome;

/**
 * Draws from a {@link CarrierModel}: the fate of a dial, the length of a talk and of a
 * wrap. Deterministic for a seeded generator; no state of its own beyond it.
 */
public final class SimulatedCarrier {

	private final CarrierModel model;

	private final RandomGenerator random;

	private final LogNormal talk;

	private final LogNormal wrap;

	/**
	 * @param model the distributions
	 * @param random the source of chance, seeded for a repeatable run
	 */
	public SimulatedCarrier(CarrierModel model, RandomGenerator random) {
		this.model = model;
		this.random = random;
		this.talk = LogNormal.of(model.talkMean(), model.talkSd());
		this.wrap = LogNormal.of(model.wrapMean(), model.wrapSd());
	}

	/**
	 * @return how a new dial will end and after how long
	 */
	public DialFate dial() {
		double draw = this.random.nextDouble();
		if (draw < this.model.liveAnswer()) {
			return new DialFate(CallOutcome.LIVE, answerRing());
		}
		draw -= this.model.liveAnswer();
		if (draw < this.model.machine()) {
			return new DialFate(CallOutcome.MACHINE, answerRing() + this.model.machineDetectionSeconds());
		}
		draw -= this.model.machine();
		if (draw < this.model.fastFailure()) {
			return new DialFate(CallOutcome.FAILED, this.model.fastFailureSeconds());
		}
		return new DialFate(CallOutcome.NO_ANSWER, this.model.noAnswerRingSeconds());
	}

	/**
	 * @return seconds a connected call lasts
	 */
	public double talkSeconds() {
		return this.talk.draw(this.random);
	}

	/**
	 * @return seconds of wrap-up after a call
	 */
	public double wrapSeconds() {
		return this.wrap.draw(this.random);
	}

	/**
	 * @return the model drawn from
	 */
	public CarrierModel model() {
		return this.model;
	}

	private double answerRing() {
		return this.model.answerRingMin()
				+ this.random.nextDouble() * (this.model.answerRingMax() - this.model.answerRingMin());
	}

	/** A lognormal given by its own mean and standard deviation. */
	private record LogNormal(double mu, double sigma) {

		static LogNormal of(double mean, double sd) {
			double variance = Math.log(1 + sd * sd / (mean * mean));
			return new LogNormal(Math.log(mean) - variance / 2, Math.sqrt(variance));
		}

		double draw(RandomGenerator random) {
			return Math.exp(this.mu + this.sigma * random.nextGaussian());
		}

	}

}
