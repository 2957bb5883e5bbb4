package org.dues.system;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

/**
 * The application's clock: the system's, in UTC, unless it is held at an earlier instant.
 * Only the demo holds it, on its first start and before the application takes traffic, to
 * write the days before that start through the application's own paths (placements,
 * calls, promises, payments, the daily jobs), each dated by this clock as it would have
 * been; it lets go when done, and the clock reads the system's time again. While it is
 * held it only moves forward, so whatever runs meanwhile (a scheduled job) sees time as
 * it would have been then.
 */
public final class ReplayClock extends Clock {

	private final Clock system = Clock.systemUTC();

	private volatile @Nullable Instant held;

	/**
	 * Holds the clock at an instant no later than the system's time, and not before one
	 * it is already held at.
	 * @throws IllegalArgumentException when the instant is in the future or moves a held
	 * clock back
	 */
	public void hold(Instant at) {
		if (at.isAfter(this.system.instant())) {
			throw new IllegalArgumentException("the clock cannot be held in the future: " + at);
		}
		Instant now = this.held;
		if (now != null && at.isBefore(now)) {
			throw new IllegalArgumentException("a held clock only moves forward: %s is before %s".formatted(at, now));
		}
		this.held = at;
	}

	/** Lets go: the clock reads the system's time again. */
	public void release() {
		this.held = null;
	}

	/** The system's time, whether or not the clock is held. */
	public Instant systemInstant() {
		return this.system.instant();
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		ReplayClock self = this;
		return new Clock() {

			@Override
			public ZoneId getZone() {
				return zone;
			}

			@Override
			public Clock withZone(ZoneId other) {
				return self.withZone(other);
			}

			@Override
			public Instant instant() {
				return self.instant();
			}
		};
	}

	@Override
	public Instant instant() {
		Instant at = this.held;
		return (at != null) ? at : this.system.instant();
	}

}
