package org.dues.telephony.pacing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * Live answers and abandons over a rolling window (24 hours, 30 days), counted in
 * one-minute buckets so a month of a large campaign stays small.
 */
final class AbandonWindow {

	private final long lengthMinutes;

	private final ArrayDeque<long[]> buckets = new ArrayDeque<>();

	private long liveAnswers;

	private long abandons;

	AbandonWindow(Duration length) {
		this.lengthMinutes = length.toMinutes();
	}

	void add(Instant at, int liveAnswers, int abandons) {
		long minute = Math.floorDiv(at.getEpochSecond(), 60);
		long[] last = this.buckets.peekLast();
		if (last == null || last[0] != minute) {
			last = new long[] { minute, 0, 0 };
			this.buckets.addLast(last);
		}
		last[1] += liveAnswers;
		last[2] += abandons;
		this.liveAnswers += liveAnswers;
		this.abandons += abandons;
		advance(at);
	}

	/** Drops the minutes that have left the window at {@code now}. */
	void advance(Instant now) {
		long oldest = Math.floorDiv(now.getEpochSecond(), 60) - this.lengthMinutes;
		while (!this.buckets.isEmpty() && this.buckets.peekFirst()[0] <= oldest) {
			long[] gone = this.buckets.removeFirst();
			this.liveAnswers -= gone[1];
			this.abandons -= gone[2];
		}
	}

	long liveAnswers() {
		return this.liveAnswers;
	}

	long abandons() {
		return this.abandons;
	}

}
