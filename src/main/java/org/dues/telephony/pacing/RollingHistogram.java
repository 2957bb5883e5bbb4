package org.dues.telephony.pacing;

/**
 * The last {@code capacity} observations of a duration, binned: an empirical distribution
 * that forgets its oldest sample as a new one arrives, so it follows a campaign whose
 * calls change over a day. Values beyond the last bin fall into it. Made with a capacity
 * of zero it keeps every sample until its owner removes one.
 */
final class RollingHistogram {

	private final double binSeconds;

	private final int[] counts;

	private final int[] ring;

	private int size;

	private int next;

	/** above[b]: samples in bins greater than b; recomputed lazily. */
	private final int[] above;

	private boolean dirty;

	RollingHistogram(double binSeconds, double maxSeconds, int capacity) {
		this.binSeconds = binSeconds;
		this.counts = new int[(int) Math.ceil(maxSeconds / binSeconds) + 1];
		this.above = new int[this.counts.length];
		this.ring = new int[capacity];
	}

	void add(double seconds) {
		int bin = bin(seconds);
		if (this.ring.length == 0) {
			this.size++;
			this.counts[bin]++;
			this.dirty = true;
			return;
		}
		if (this.size == this.ring.length) {
			this.counts[this.ring[this.next]]--;
		}
		else {
			this.size++;
		}
		this.ring[this.next] = bin;
		this.next = (this.next + 1) % this.ring.length;
		this.counts[bin]++;
		this.dirty = true;
	}

	/** Forgets one sample of this length; only for a histogram made without a window. */
	void removeOne(double seconds) {
		if (this.ring.length != 0) {
			throw new IllegalStateException("a rolling histogram forgets on its own");
		}
		this.counts[bin(seconds)]--;
		this.size--;
		this.dirty = true;
	}

	int size() {
		return this.size;
	}

	int bin(double seconds) {
		if (seconds <= 0) {
			return 0;
		}
		return (int) Math.min(this.counts.length - 1, Math.floor(seconds / this.binSeconds));
	}

	double binSeconds() {
		return this.binSeconds;
	}

	int bins() {
		return this.counts.length;
	}

	int countIn(int bin) {
		return this.counts[bin];
	}

	/** Samples longer than {@code seconds} (in a later bin). */
	int countAbove(double seconds) {
		if (seconds < 0) {
			return this.size;
		}
		return countAboveBin(bin(seconds));
	}

	int countAboveBin(int bin) {
		if (this.dirty) {
			int running = 0;
			for (int b = this.counts.length - 1; b >= 0; b--) {
				this.above[b] = running;
				running += this.counts[b];
			}
			this.dirty = false;
		}
		return this.above[Math.min(bin, this.above.length - 1)];
	}

	/** The share of samples no longer than {@code seconds}: the empirical CDF. */
	double cdf(double seconds) {
		if (this.size == 0 || seconds < 0) {
			return 0;
		}
		return 1 - (double) countAbove(seconds) / this.size;
	}

	/** The largest bin holding a sample, as seconds (its upper edge), or 0 when empty. */
	double longest() {
		for (int b = this.counts.length - 1; b >= 0; b--) {
			if (this.counts[b] > 0) {
				return (b + 1) * this.binSeconds;
			}
		}
		return 0;
	}

}
