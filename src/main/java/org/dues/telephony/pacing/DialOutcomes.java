package org.dues.telephony.pacing;

/**
 * The last dials' outcomes with the time each took to end its ringing (a live or machine
 * answer, a failure, the no-answer timeout): the observed chance that a call still
 * ringing after {@code e} seconds will be answered by a person within the next {@code k}.
 */
final class DialOutcomes {

	private static final double BIN = 0.25;

	private final RollingHistogram all;

	private final RollingHistogram live;

	private final boolean[] wasLive;

	private final double[] seconds;

	private int size;

	private int next;

	DialOutcomes(int capacity, double maxSeconds) {
		this.all = new RollingHistogram(BIN, maxSeconds, capacity);
		this.live = new RollingHistogram(BIN, maxSeconds, 0);
		this.wasLive = new boolean[capacity];
		this.seconds = new double[capacity];
	}

	void add(CallOutcome outcome, double ringSeconds) {
		// the live histogram holds the live dials among the same last dials as the other
		// histogram: when an old live dial leaves the window, it leaves both
		if (this.size == this.wasLive.length) {
			if (this.wasLive[this.next]) {
				this.live.removeOne(this.seconds[this.next]);
			}
		}
		else {
			this.size++;
		}
		this.wasLive[this.next] = outcome == CallOutcome.LIVE;
		this.seconds[this.next] = ringSeconds;
		this.next = (this.next + 1) % this.wasLive.length;
		this.all.add(ringSeconds);
		if (outcome == CallOutcome.LIVE) {
			this.live.add(ringSeconds);
		}
	}

	int dials() {
		return this.size;
	}

	int liveAnswers() {
		return this.live.size();
	}

	/**
	 * The chance that a call that has rung {@code elapsed} seconds without ending is
	 * answered by a person within {@code within} more seconds.
	 */
	double liveWithin(double elapsed, double within) {
		int pending = this.all.countAbove(elapsed);
		if (pending == 0) {
			return 0;
		}
		return (double) (this.live.countAbove(elapsed) - this.live.countAbove(elapsed + within)) / pending;
	}

	/** The longest ring before a live answer seen among the last dials. */
	double longestLiveRing() {
		return this.live.longest();
	}

}
