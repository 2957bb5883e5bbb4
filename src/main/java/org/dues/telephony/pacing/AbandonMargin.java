package org.dues.telephony.pacing;

/**
 * The pacer's safety margin, in standard deviations of the forecast of agents against
 * live answers, tuned online from the abandons it causes: a stochastic-approximation
 * (integral) controller on the abandon rate. Each abandon raises the margin by
 * {@code gain × (1 − target)}; each live answer lowers it by {@code gain × target}. The
 * margin settles where abandons are {@code target} of live answers: it tightens at once
 * after abandons and loosens slowly, spending the budget evenly.
 */
final class AbandonMargin {

	static final double LOWEST = -3;

	static final double HIGHEST = 8;

	private final double target;

	private final double gain;

	private double margin;

	private long seenLiveAnswers;

	private long seenAbandons;

	private boolean started;

	AbandonMargin(PredictiveSettings settings) {
		this.target = settings.targetAbandonRate();
		this.gain = settings.gain();
		this.margin = settings.initialMargin();
	}

	/**
	 * Takes in the live answers and abandons recorded since the last look; the first look
	 * only notes where the history stands (a new pacer starts from its initial margin).
	 */
	void observe(PacingHistory history) {
		if (!this.started) {
			this.seenLiveAnswers = history.liveAnswers();
			this.seenAbandons = history.abandons();
			this.started = true;
			return;
		}
		long answers = history.liveAnswers() - this.seenLiveAnswers;
		long abandons = history.abandons() - this.seenAbandons;
		this.seenLiveAnswers = history.liveAnswers();
		this.seenAbandons = history.abandons();
		this.margin += this.gain * (abandons - this.target * answers);
		this.margin = Math.max(LOWEST, Math.min(HIGHEST, this.margin));
	}

	double value() {
		return this.margin;
	}

}
