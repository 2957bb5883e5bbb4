package org.dues.telephony.pacing;

import java.time.Duration;
import java.time.Instant;

/**
 * What a campaign has observed, learned as calls end: talk and wrap times, how each dial
 * ended and after how long it rang, and the live answers and abandons over the rolling 24
 * hours and 30 days that the abandon rules are measured on. The dialer records into it;
 * pacers read it. One per campaign, not thread-safe.
 */
public final class PacingHistory {

	/** The last talks, wraps and dials the distributions are learned from. */
	static final int REMEMBERED = 2000;

	private final RollingHistogram talk = new RollingHistogram(1, 7200, REMEMBERED);

	private final RollingHistogram wrap = new RollingHistogram(1, 1800, REMEMBERED);

	private final DialOutcomes dials = new DialOutcomes(4 * REMEMBERED, 180);

	private final AbandonWindow day = new AbandonWindow(Duration.ofHours(24));

	private final AbandonWindow period = new AbandonWindow(Duration.ofDays(30));

	private long liveAnswers;

	private long abandons;

	/**
	 * A dialled call stopped ringing.
	 * @param outcome how it ended
	 * @param ringSeconds seconds from the dial to that end (for a machine, to its
	 * detection)
	 */
	public void recordDial(CallOutcome outcome, double ringSeconds) {
		this.dials.add(outcome, ringSeconds);
	}

	/**
	 * A person answered a call placed by the campaign (connected to an agent or not).
	 * @param at when
	 */
	public void recordLiveAnswer(Instant at) {
		this.liveAnswers++;
		this.day.add(at, 1, 0);
		this.period.add(at, 1, 0);
	}

	/**
	 * A live answer found no agent within two seconds: the recorded message played and
	 * the call ended. It was recorded as a live answer first.
	 * @param at when
	 */
	public void recordAbandon(Instant at) {
		this.abandons++;
		this.day.add(at, 0, 1);
		this.period.add(at, 0, 1);
	}

	/**
	 * An agent finished talking.
	 * @param seconds the call's length from connect to hang-up
	 */
	public void recordTalk(double seconds) {
		this.talk.add(seconds);
	}

	/**
	 * An agent finished wrap-up.
	 * @param seconds its length
	 */
	public void recordWrap(double seconds) {
		this.wrap.add(seconds);
	}

	/**
	 * @return live answers since the campaign began
	 */
	public long liveAnswers() {
		return this.liveAnswers;
	}

	/**
	 * @return abandons since the campaign began
	 */
	public long abandons() {
		return this.abandons;
	}

	/**
	 * The abandon rate over the rolling 24 hours ending {@code now}, as Ofcom measures
	 * it.
	 * @param now the end of the window
	 * @return live answers and abandons in the window
	 */
	public AbandonCount lastDay(Instant now) {
		this.day.advance(now);
		return new AbandonCount(this.day.liveAnswers(), this.day.abandons());
	}

	/**
	 * The abandon rate over the rolling 30 days ending {@code now}, as the US
	 * Telemarketing Sales Rule measures it.
	 * @param now the end of the window
	 * @return live answers and abandons in the window
	 */
	public AbandonCount lastThirtyDays(Instant now) {
		this.period.advance(now);
		return new AbandonCount(this.period.liveAnswers(), this.period.abandons());
	}

	RollingHistogram talk() {
		return this.talk;
	}

	RollingHistogram wrap() {
		return this.wrap;
	}

	DialOutcomes dials() {
		return this.dials;
	}

	/**
	 * Live answers and abandons in a window.
	 *
	 * @param liveAnswers calls a person answered
	 * @param abandons of those, the ones no agent took within two seconds
	 */
	public record AbandonCount(long liveAnswers, long abandons) {

		/**
		 * @return abandons as a share of live answers, 0 when none were answered
		 */
		public double rate() {
			return this.liveAnswers == 0 ? 0 : (double) this.abandons / this.liveAnswers;
		}

		/**
		 * Whether one more abandon would keep the window at or below {@code limit}.
		 * @param limit the lawful share, 0.03
		 * @return true when another abandon is affordable
		 */
		public boolean affordsAnother(double limit) {
			return this.abandons + 1 <= limit * this.liveAnswers;
		}

	}

}
