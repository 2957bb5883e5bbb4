package org.dues.compliance;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A jurisdiction's contact policy as data: the hours each channel may be used, the call
 * frequency limit, further volume limits (state overlays, cross-channel warnings), what
 * each kind of hold blocks, and how third parties may be contacted. Policies are
 * versioned and effective-dated; a creditor or a state overlay may only make one stricter
 * ({@link #tightenedBy}).
 *
 * @param code the jurisdiction's code ({@code US}, {@code US-MA}, {@code IN}, {@code GB})
 * @param version the version, increasing
 * @param effectiveFrom the first day it applies
 * @param hours the local-time window per channel; a channel without one has no hours
 * limit
 * @param inconvenientTimeConsent whether the person's direct consent lifts the hours and
 * inconvenient-time rules (US: yes; India: no)
 * @param replyWindow how long after a contact the person started one reply in the same
 * medium may still go out despite a blackout, a ban or an attorney hold
 * @param callFrequency the Reg F style call limit, if the jurisdiction has one
 * @param volumeLimits further counted limits, each blocking or warning
 * @param holds what each hold type does
 * @param thirdParty how third parties may be contacted
 */
public record ContactPolicy(String code, int version, LocalDate effectiveFrom, Map<Channel, Window> hours,
		boolean inconvenientTimeConsent, Duration replyWindow, @Nullable CallFrequency callFrequency,
		List<VolumeLimit> volumeLimits, Map<HoldType, HoldEffect> holds, ThirdParty thirdParty) {

	public ContactPolicy {
		hours = hours.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(hours));
		volumeLimits = List.copyOf(volumeLimits);
		holds = Map.copyOf(holds);
	}

	/**
	 * The policy of a jurisdiction no policy covers: every channel closed at every hour,
	 * so the gate refuses every contact and says why, rather than failing.
	 */
	public static ContactPolicy unavailable(String jurisdiction) {
		Map<Channel, Window> closed = new EnumMap<>(Channel.class);
		for (Channel channel : Channel.values()) {
			closed.put(channel, new Window(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT));
		}
		return new ContactPolicy(jurisdiction + " (no contact policy)", 0, LocalDate.EPOCH, closed, false,
				Duration.ZERO, null, List.of(), Map.of(), new ThirdParty(true, true, true));
	}

	/** How a rule's finding acts: it blocks the contact or only warns. */
	public enum Action {

		BLOCK, WARN

	}

	/**
	 * This policy with a stricter layer applied: narrower windows, lower limits, more
	 * holds blocking, added volume limits. Throws {@link IllegalArgumentException} naming
	 * the first thing the layer would loosen, so a layer is checked when it is written.
	 */
	public ContactPolicy tightenedBy(Layer layer) {
		layer.hours().forEach((channel, window) -> {
			Window base = this.hours.get(channel);
			if (base != null && !window.within(base)) {
				throw new IllegalArgumentException(
						"%s hours %s would be wider than %s's %s".formatted(channel, window, this.code, base));
			}
		});
		if (Boolean.TRUE.equals(layer.inconvenientTimeConsent()) && !this.inconvenientTimeConsent) {
			throw new IllegalArgumentException(
					"consent cannot lift the hours rule where %s does not allow it".formatted(this.code));
		}
		if (layer.replyWindow() != null && layer.replyWindow().compareTo(this.replyWindow) > 0) {
			throw new IllegalArgumentException("a reply window of %s would be longer than %s's %s"
				.formatted(layer.replyWindow(), this.code, this.replyWindow));
		}
		if (layer.callFrequency() != null && this.callFrequency != null
				&& !layer.callFrequency().atLeastAsStrictAs(this.callFrequency)) {
			throw new IllegalArgumentException("call frequency %s would be looser than %s's %s"
				.formatted(layer.callFrequency(), this.code, this.callFrequency));
		}
		layer.holds().forEach((type, effect) -> {
			HoldEffect base = this.holds.get(type);
			if (base != null && !effect.atLeastAsStrictAs(base)) {
				throw new IllegalArgumentException(
						"%s hold %s would be looser than %s's %s".formatted(type, effect, this.code, base));
			}
		});
		if (layer.thirdParty() != null && !layer.thirdParty().atLeastAsStrictAs(this.thirdParty)) {
			throw new IllegalArgumentException("third-party rules %s would be looser than %s's %s"
				.formatted(layer.thirdParty(), this.code, this.thirdParty));
		}
		return combinedWith(layer);
	}

	/**
	 * This policy and a layer together, taking the stricter of the two everywhere: the
	 * overlap of windows, the lower limits, the stricter hold effects; volume limits add
	 * up. Used when layers meet at decision time (a state overlay and a creditor's rules
	 * written against the base), so that no combination can loosen anything.
	 */
	public ContactPolicy combinedWith(Layer layer) {
		Map<Channel, Window> windows = new EnumMap<>(Channel.class);
		windows.putAll(this.hours);
		layer.hours().forEach((channel, window) -> windows.merge(channel, window, Window::overlap));
		boolean consent = this.inconvenientTimeConsent && !Boolean.FALSE.equals(layer.inconvenientTimeConsent());
		Duration reply = (layer.replyWindow() != null && layer.replyWindow().compareTo(this.replyWindow) < 0)
				? layer.replyWindow() : this.replyWindow;
		CallFrequency frequency = (this.callFrequency == null) ? layer.callFrequency() : (layer.callFrequency() == null)
				? this.callFrequency : this.callFrequency.strictest(layer.callFrequency());
		List<VolumeLimit> limits = new ArrayList<>(this.volumeLimits);
		limits.addAll(layer.volumeLimits());
		Map<HoldType, HoldEffect> effects = new EnumMap<>(HoldType.class);
		effects.putAll(this.holds);
		layer.holds().forEach((type, effect) -> effects.merge(type, effect, HoldEffect::strictest));
		ThirdParty third = (layer.thirdParty() == null) ? this.thirdParty
				: this.thirdParty.strictest(layer.thirdParty());
		// the code names every layer (US-MA over US; a creditor's layer by its version),
		// the
		// version stays the base's, so a recorded decision names exactly what it applied
		String code = (layer.code() != null) ? layer.code() : this.code + "+creditor-v" + layer.version();
		return new ContactPolicy(code, this.version, later(this.effectiveFrom, layer.effectiveFrom()), windows, consent,
				reply, frequency, limits, effects, third);
	}

	private static LocalDate later(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}

	/**
	 * A stricter layer over a policy (a state overlay or a creditor's own rules): every
	 * field optional but the version and date.
	 */
	public record Layer(@Nullable String code, int version, LocalDate effectiveFrom, Map<Channel, Window> hours,
			@Nullable Boolean inconvenientTimeConsent, @Nullable Duration replyWindow,
			@Nullable CallFrequency callFrequency, List<VolumeLimit> volumeLimits, Map<HoldType, HoldEffect> holds,
			@Nullable ThirdParty thirdParty) {

		public Layer {
			hours = Map.copyOf(hours);
			volumeLimits = List.copyOf(volumeLimits);
			holds = Map.copyOf(holds);
		}

	}

	/** A local-time window, from inclusive to exclusive; equal ends close the channel. */
	public record Window(LocalTime from, LocalTime to) {

		public Window {
			if (from.isAfter(to)) {
				throw new IllegalArgumentException(
						"a contact window must not end before it starts: %s–%s".formatted(from, to));
			}
		}

		boolean contains(LocalTime time) {
			return !time.isBefore(this.from) && time.isBefore(this.to);
		}

		/**
		 * Where both windows are open; an empty window (closed) when they do not meet.
		 */
		Window overlap(Window other) {
			LocalTime from = this.from.isAfter(other.from) ? this.from : other.from;
			LocalTime to = this.to.isBefore(other.to) ? this.to : other.to;
			return from.isBefore(to) ? new Window(from, to) : new Window(from, from);
		}

		boolean within(Window other) {
			return !this.from.isBefore(other.from) && !this.to.isAfter(other.to);
		}

		@Override
		public String toString() {
			return this.from + "–" + this.to;
		}

	}

	/**
	 * Reg F 1006.14(b)(2): at most {@code maxCalls} calls per debt in {@code days}
	 * consecutive local days, none within {@code conversationCooldownDays} of a telephone
	 * conversation about the debt (its date is day 1), and consent given directly
	 * excluding calls for at most {@code consentDays} (the day of receipt is day 1).
	 */
	public record CallFrequency(int maxCalls, int days, int conversationCooldownDays, int consentDays) {

		public CallFrequency {
			if (maxCalls < 1 || days < 1 || conversationCooldownDays < 0 || consentDays < 1) {
				throw new IllegalArgumentException(
						"callFrequency needs maxCalls and days of at least 1, consentDays of at least 1 and a cooldown not below 0");
			}
		}

		CallFrequency strictest(CallFrequency other) {
			return new CallFrequency(Math.min(this.maxCalls, other.maxCalls), Math.max(this.days, other.days),
					Math.max(this.conversationCooldownDays, other.conversationCooldownDays),
					Math.min(this.consentDays, other.consentDays));
		}

		boolean atLeastAsStrictAs(CallFrequency other) {
			return this.maxCalls <= other.maxCalls && this.days >= other.days
					&& this.conversationCooldownDays >= other.conversationCooldownDays
					&& this.consentDays <= other.consentDays;
		}

	}

	/**
	 * A counted limit: at most {@code max} outbound contacts on {@code channels} (per
	 * debt or over all the person's debts) in {@code days} consecutive local days;
	 * reaching it blocks or warns. Contacts that never reached the dialled number (busy,
	 * not in service, wrong number) are not counted.
	 *
	 * @param name the rule name shown in decisions
	 * @param citation the text it comes from
	 */
	public record VolumeLimit(String name, Set<Channel> channels, boolean perDebt, int max, int days, Action action,
			String citation) {

		public VolumeLimit {
			if (name == null || name.isBlank() || channels == null || channels.isEmpty() || max < 1 || days < 1
					|| action == null) {
				throw new IllegalArgumentException(
						"a volume limit needs a name, channels, an action, and max and days of at least 1");
			}
			channels = Set.copyOf(channels);
		}

	}

	/**
	 * What a hold does: block or warn; whether notices the law still requires or permits
	 * may go out (by letter or email); whether one reply to a contact the person started
	 * may.
	 */
	public record HoldEffect(Action action, boolean noticesAllowed, boolean repliesAllowed) {

		HoldEffect strictest(HoldEffect other) {
			return new HoldEffect(
					(this.action == Action.BLOCK || other.action == Action.BLOCK) ? Action.BLOCK : Action.WARN,
					this.noticesAllowed && other.noticesAllowed, this.repliesAllowed && other.repliesAllowed);
		}

		boolean atLeastAsStrictAs(HoldEffect other) {
			boolean actionOk = this.action == Action.BLOCK || other.action == Action.WARN;
			return actionOk && (!this.noticesAllowed || other.noticesAllowed)
					&& (!this.repliesAllowed || other.repliesAllowed);
		}

	}

	/**
	 * Third parties: only to learn where the debtor is ({@code locationOnly}); at most
	 * once unless they ask to be contacted again ({@code once}); never pressed for
	 * payment ({@code noPressure}, India's fair practices code).
	 */
	public record ThirdParty(boolean locationOnly, boolean once, boolean noPressure) {

		ThirdParty strictest(ThirdParty other) {
			return new ThirdParty(this.locationOnly || other.locationOnly, this.once || other.once,
					this.noPressure || other.noPressure);
		}

		boolean atLeastAsStrictAs(ThirdParty other) {
			return (this.locationOnly || !other.locationOnly) && (this.once || !other.once)
					&& (this.noPressure || !other.noPressure);
		}

	}

}
