package org.dues.telephony.pacing;

import java.time.Instant;

/**
 * A campaign at one instant, as a pacer sees it. Times are seconds elapsed so far. The
 * arrays are not copied (a snapshot is made once a second for each campaign): a pacer
 * reads them and keeps none of them.
 *
 * @param at the instant (for the abandon windows of the history)
 * @param readyAgents agents ready and not yet on a call
 * @param talkingSeconds for each agent on a call, how long the call has lasted
 * @param wrapSeconds for each agent in wrap-up, how long the wrap has lasted
 * @param ringingSeconds for each call placed and not yet answered or ended, how long it
 * has rung
 * @param waitingAnswers live answers waiting this instant for an agent (they are
 * abandoned if none is free within two seconds)
 * @param history what the campaign has observed so far
 */
public record PacingSnapshot(Instant at, int readyAgents, double[] talkingSeconds, double[] wrapSeconds,
		double[] ringingSeconds, int waitingAnswers, PacingHistory history) {

	public PacingSnapshot {
		if (readyAgents < 0 || waitingAnswers < 0) {
			throw new IllegalArgumentException("negative agents or answers");
		}
	}

	/**
	 * Agents logged in to the campaign: ready, talking or wrapping up.
	 * @return the count
	 */
	public int agents() {
		return this.readyAgents + this.talkingSeconds.length + this.wrapSeconds.length;
	}

	/**
	 * Calls placed and still ringing.
	 * @return the count
	 */
	public int callsInFlight() {
		return this.ringingSeconds.length;
	}

}
