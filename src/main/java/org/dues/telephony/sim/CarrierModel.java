package org.dues.telephony.sim;

/**
 * What happens to calls on the simulated carrier, and how long agents talk and wrap up.
 * Talk and wrap are lognormal with the given mean and standard deviation. A dial ends as
 * a live answer after a ring drawn uniformly from {@code answerRingMin} to
 * {@code answerRingMax} seconds; as an answering machine after such a ring plus
 * {@code machineDetectionSeconds}; as a fast failure (busy, unreachable) after
 * {@code fastFailureSeconds}; or, for the rest, as no answer after
 * {@code noAnswerRingSeconds}.
 *
 * <p>
 * The ring of an answered call, uniform 2–14 s, is one to three rings of a 6-second
 * cadence (US/India ring-back: 2 s on, 4 s off), mean 8 s. It is the ring model under
 * which progressive dialing reproduces issue 23's baseline (39.6 talk-minutes per agent
 * hour at 25% live answer, 27.7 at 10%).
 *
 * @param talkMean mean talk seconds
 * @param talkSd standard deviation of talk seconds
 * @param wrapMean mean wrap seconds
 * @param wrapSd standard deviation of wrap seconds
 * @param liveAnswer share of dials a person answers
 * @param machine share answered by a machine
 * @param fastFailure share failing at once
 * @param answerRingMin shortest ring before an answer, seconds
 * @param answerRingMax longest ring before an answer, seconds
 * @param machineDetectionSeconds time after a machine answers until it is detected
 * @param fastFailureSeconds time until a fast failure
 * @param noAnswerRingSeconds ring timeout
 */
public record CarrierModel(double talkMean, double talkSd, double wrapMean, double wrapSd, double liveAnswer,
		double machine, double fastFailure, double answerRingMin, double answerRingMax, double machineDetectionSeconds,
		double fastFailureSeconds, double noAnswerRingSeconds) {

	public CarrierModel {
		if (!(talkMean > 0 && talkSd > 0 && wrapMean > 0 && wrapSd > 0)) {
			throw new IllegalArgumentException("talk and wrap need a positive mean and spread");
		}
		if (liveAnswer < 0 || machine < 0 || fastFailure < 0 || liveAnswer + machine + fastFailure > 1) {
			throw new IllegalArgumentException("outcome shares must be non-negative and add up to at most 1");
		}
		if (!(answerRingMin >= 0 && answerRingMax >= answerRingMin && noAnswerRingSeconds > answerRingMax
				&& fastFailureSeconds >= 0 && machineDetectionSeconds >= 0)) {
			throw new IllegalArgumentException("ring times out of order");
		}
	}

	/**
	 * Issue 23's model: talk 180 s (sd 150), wrap 30 s (sd 15), 25% live, 20% machines
	 * detected 3 s after answering, 15% failing at 3 s, no answer after a 26 s ring.
	 * @return the defaults
	 */
	public static CarrierModel defaults() {
		return new CarrierModel(180, 150, 30, 15, 0.25, 0.20, 0.15, 3, 15, 3, 3, 26);
	}

	/**
	 * @param share the share of dials a person answers; no-answers take up the difference
	 * @return this model with that live-answer share
	 */
	public CarrierModel withLiveAnswer(double share) {
		return new CarrierModel(this.talkMean, this.talkSd, this.wrapMean, this.wrapSd, share, this.machine,
				this.fastFailure, this.answerRingMin, this.answerRingMax, this.machineDetectionSeconds,
				this.fastFailureSeconds, this.noAnswerRingSeconds);
	}

	/**
	 * @return the share of dials nobody answers
	 */
	public double noAnswer() {
		return 1 - this.liveAnswer - this.machine - this.fastFailure;
	}

}
