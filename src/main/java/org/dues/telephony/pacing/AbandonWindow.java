package org.dues.telephony.pacing;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Live answers and abandons over a rolling window (24 hours, 30 days), counted in
 * one-minute buckets so a month of a large campaign stays small. The window only moves
 * forward; a record arriving late (a provider's delayed callback) goes into its own
 * minute, and one already older than the window is not counted.
 */
final class AbandonWindow {

	private final long lengthMinutes;

	private final TreeMap<Long, long[]> buckets = new TreeMap<>();

	private long newestMinute = Long.MIN_VALUE;

	private long liveAnswers;

	private long abandons;

	AbandonWindow(Duration length) {
		this.lengthMinutes = length.toMinutes();
	}

	void add(Instant at, int liveAnswers, int abandons) {
		long minute = minute(at);
		if (this.newestMinute != Long.MIN_VALUE && minute <= this.newestMinute - this.lengthMinutes) {
			return;
		}
		long[] bucket = this.buckets.computeIfAbsent(minute, (m) -> new long[2]);
		bucket[0] += liveAnswers;
		bucket[1] += abandons;
		this.liveAnswers += liveAnswers;
		this.abandons += abandons;
		advance(at);
	}

	/** Drops the minutes that have left the window at {@code now}. */
	void advance(Instant now) {
		this.newestMinute = Math.max(this.newestMinute, minute(now));
		long oldest = this.newestMinute - this.lengthMinutes;
		while (!this.buckets.isEmpty() && this.buckets.firstKey() <= oldest) {
			Map.Entry<Long, long[]> gone = this.buckets.pollFirstEntry();
			this.liveAnswers -= gone.getValue()[0];
			this.abandons -= gone.getValue()[1];
		}
	}

	long liveAnswers() {
		return this.liveAnswers;
	}

	long abandons() {
		return this.abandons;
	}

	private static long minute(Instant at) {
		return Math.floorDiv(at.getEpochSecond(), 60);
	}

}
