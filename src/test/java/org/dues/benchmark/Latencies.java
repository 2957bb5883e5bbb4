package org.dues.benchmark;

import java.util.Arrays;

/** Recorded durations in nanoseconds, and their percentiles (nearest rank). */
final class Latencies {

	private long[] nanos = new long[1024];

	private int count;

	synchronized void add(long duration) {
		if (this.count == this.nanos.length) {
			this.nanos = Arrays.copyOf(this.nanos, this.count * 2);
		}
		this.nanos[this.count++] = duration;
	}

	synchronized Summary summary() {
		long[] sorted = Arrays.copyOf(this.nanos, this.count);
		Arrays.sort(sorted);
		return new Summary(sorted);
	}

	record Summary(long[] sorted) {

		int count() {
			return this.sorted.length;
		}

		/** The percentile in milliseconds, 0 when nothing was recorded. */
		double ms(double percentile) {
			if (this.sorted.length == 0) {
				return 0;
			}
			int rank = (int) Math.ceil(percentile / 100 * this.sorted.length);
			return this.sorted[Math.max(0, Math.min(this.sorted.length - 1, rank - 1))] / 1e6;
		}

		double maxMs() {
			return (this.sorted.length == 0) ? 0 : this.sorted[this.sorted.length - 1] / 1e6;
		}

	}

}
