package org.dues.telephony.pacing;

/**
 * Over each second of the coming ring horizon, the agents expected free (ready now, or
 * ending talk and wrap, or wrap, by then plus the two seconds an answer may wait) and the
 * live answers expected from the calls already out, each a sum of independent chances
 * with its variance. Learned from the history only.
 */
final class Forecast {

	/** Seconds a live answer may wait for an agent before it is abandoned. */
	static final double GRACE = 2;

	final int horizon;

	final double[] supply;

	final double[] supplyVariance;

	final double[] demand;

	final double[] demandVariance;

	/** The chance that a call placed now is answered live within each second. */
	final double[] fresh;

	Forecast(PacingSnapshot now) {
		PacingHistory history = now.history();
		this.horizon = Math.max(1, (int) Math.ceil(Math.min(60, history.dials().longestLiveRing())));
		this.supply = new double[this.horizon + 1];
		this.supplyVariance = new double[this.horizon + 1];
		this.demand = new double[this.horizon + 1];
		this.demandVariance = new double[this.horizon + 1];
		this.fresh = new double[this.horizon + 1];
		for (int k = 1; k <= this.horizon; k++) {
			this.supply[k] = now.readyAgents();
			this.demand[k] = now.waitingAnswers();
			this.fresh[k] = history.dials().liveWithin(0, k);
		}
		for (double talked : now.talkingSeconds()) {
			for (int k = 1; k <= this.horizon; k++) {
				add(this.supply, this.supplyVariance, k, talkAndWrapEndWithin(history, talked, k + GRACE));
			}
		}
		for (double wrapped : now.wrapSeconds()) {
			for (int k = 1; k <= this.horizon; k++) {
				add(this.supply, this.supplyVariance, k, endWithin(history.wrap(), wrapped, k + GRACE));
			}
		}
		for (double rung : now.ringingSeconds()) {
			for (int k = 1; k <= this.horizon; k++) {
				add(this.demand, this.demandVariance, k, history.dials().liveWithin(rung, k));
			}
		}
	}

	private static void add(double[] mean, double[] variance, int k, double chance) {
		mean[k] += chance;
		variance[k] += chance * (1 - chance);
	}

	/** P(W ≤ w + h | W > w) from the observed wraps; 0 past the longest seen. */
	static double endWithin(RollingHistogram wrap, double elapsed, double within) {
		int longer = wrap.countAbove(elapsed);
		if (longer == 0) {
			return 0;
		}
		return (double) (longer - wrap.countAbove(elapsed + within)) / longer;
	}

	/**
	 * P(T + W ≤ t + h | T > t): the talk ends within {@code within} and the wrap that
	 * follows ends too, from the observed talks and wraps (taken as independent).
	 */
	static double talkAndWrapEndWithin(PacingHistory history, double talked, double within) {
		RollingHistogram talk = history.talk();
		int longer = talk.countAbove(talked);
		if (longer == 0 || history.wrap().size() == 0) {
			return 0;
		}
		double width = talk.binSeconds();
		int first = talk.bin(talked) + 1;
		int last = talk.bin(talked + within);
		double chance = 0;
		for (int b = first; b <= last; b++) {
			int count = talk.countIn(b);
			if (count > 0) {
				double ends = (b + 0.5) * width;
				chance += count * history.wrap().cdf(talked + within - ends);
			}
		}
		return chance / longer;
	}

}
