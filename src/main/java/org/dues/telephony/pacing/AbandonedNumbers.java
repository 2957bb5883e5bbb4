package org.dues.telephony.pacing;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.dues.shared.PhoneNumber;

/**
 * The numbers a campaign abandoned and when, so a dialer can refuse to call one again
 * within 72 hours unless an agent is guaranteed (Ofcom's statement of policy on
 * persistent misuse; in the US an abandoned call is still an attempt for the frequency
 * rules, which the compliance gate counts). In memory, forgetting what is older than 72
 * hours as it goes; not thread-safe.
 */
public final class AbandonedNumbers {

	/** How long an abandoned number may be called only with an agent guaranteed. */
	public static final Duration QUIET = Duration.ofHours(72);

	private final Map<String, Instant> lastAbandoned = new HashMap<>();

	/**
	 * A call to {@code number} was abandoned.
	 * @param number the number dialled
	 * @param at when the recorded message played
	 */
	public void recordAbandon(PhoneNumber number, Instant at) {
		this.lastAbandoned.merge(number.e164(), at, (before, now) -> now.isAfter(before) ? now : before);
	}

	/**
	 * When the number was last abandoned, if that was within the last 72 hours.
	 * @param number the number
	 * @param now the moment asked about
	 * @return the instant of the abandon, or empty when none is that recent
	 */
	public Optional<Instant> abandonedWithinQuiet(PhoneNumber number, Instant now) {
		Instant at = this.lastAbandoned.get(number.e164());
		if (at == null || !at.plus(QUIET).isAfter(now)) {
			this.lastAbandoned.remove(number.e164());
			return Optional.empty();
		}
		return Optional.of(at);
	}

	/**
	 * Whether a pacer may dial the number now: always when it guarantees an agent
	 * (preview, progressive), otherwise only when the number was not abandoned in the
	 * last 72 hours.
	 * @param number the number
	 * @param now the moment of the dial
	 * @param pacer the pacer that would place the call
	 * @return true when the call may be placed by this pacer
	 */
	public boolean mayDial(PhoneNumber number, Instant now, Pacer pacer) {
		return pacer.guaranteesAgent() || abandonedWithinQuiet(number, now).isEmpty();
	}

}
