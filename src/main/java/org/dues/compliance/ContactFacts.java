package org.dues.compliance;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Everything a contact decision depends on, stated: the contact that would be made, the
 * person it would reach, the debts it is about, and that person's history, consents,
 * holds, inconvenient times and banned media. The live gate reads these from the
 * database; {@code POST /api/v1/compliance/evaluate} takes them from the request.
 *
 * @param channel the medium of the contact
 * @param at when it would happen (for an email or text: when it is sent)
 * @param person who it would reach
 * @param debts the debts it is about (ids of the caller's choosing)
 * @param purpose why it would be made
 * @param history earlier interactions with this person, in any order
 * @param consents permissions the person gave directly
 * @param holds holds on the person's debts
 * @param blackouts times the person said are inconvenient
 * @param channelBans media the person asked not to be used
 * @param markedAddresses the person's numbers and email addresses marked wrong or not to
 * be used
 */
public record ContactFacts(Channel channel, Instant at, Person person, Set<String> debts, Purpose purpose,
		List<Interaction> history, List<Consent> consents, List<Hold> holds, List<Blackout> blackouts,
		List<ChannelBan> channelBans, List<MarkedAddress> markedAddresses) {

	public ContactFacts {
		debts = Set.copyOf(debts);
		history = history.stream().sorted(Comparator.comparing(Interaction::at)).toList();
		consents = List.copyOf(consents);
		holds = List.copyOf(holds);
		blackouts = List.copyOf(blackouts);
		channelBans = List.copyOf(channelBans);
		markedAddresses = List.copyOf(markedAddresses);
	}

	/** Facts with no number or address marked. */
	public ContactFacts(Channel channel, Instant at, Person person, Set<String> debts, Purpose purpose,
			List<Interaction> history, List<Consent> consents, List<Hold> holds, List<Blackout> blackouts,
			List<ChannelBan> channelBans) {
		this(channel, at, person, debts, purpose, history, consents, holds, blackouts, channelBans, List.of());
	}

	/** The same facts at another moment (used to find when a channel opens next). */
	public ContactFacts at(Instant moment) {
		return new ContactFacts(this.channel, moment, this.person, this.debts, this.purpose, this.history,
				this.consents, this.holds, this.blackouts, this.channelBans, this.markedAddresses);
	}

	/** The same facts for another channel and address. */
	public ContactFacts via(Channel other, @Nullable String address) {
		return new ContactFacts(other, this.at, new Person(this.person.role(), this.person.timeZones(), address),
				this.debts, this.purpose, this.history, this.consents, this.holds, this.blackouts, this.channelBans,
				this.markedAddresses);
	}

	/**
	 * Whether a debt named by an interaction, hold or consent concerns this contact: an
	 * empty set on either side means "every debt" (the conservative reading).
	 */
	static boolean concerns(Set<String> named, Set<String> contactDebts) {
		if (named.isEmpty() || contactDebts.isEmpty()) {
			return true;
		}
		for (String debt : named) {
			if (contactDebts.contains(debt)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Normalises a phone number or email address for comparison: emails lower-cased,
	 * phone numbers reduced to their digits and a leading plus.
	 */
	static @Nullable String normalise(@Nullable String address) {
		if (address == null || address.isBlank()) {
			return null;
		}
		String trimmed = address.strip();
		if (trimmed.contains("@")) {
			return trimmed.toLowerCase(Locale.ROOT);
		}
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < trimmed.length(); i++) {
			char c = trimmed.charAt(i);
			if (Character.isDigit(c) || (c == '+' && out.isEmpty())) {
				out.append(c);
			}
		}
		return out.isEmpty() ? trimmed.toLowerCase(Locale.ROOT) : out.toString();
	}

	/**
	 * The person a contact would reach.
	 *
	 * @param role the debtor, a third party or the debtor's attorney
	 * @param timeZones every zone the person may be in; the allowed window is the overlap
	 * @param address the phone number or email the contact would use, if known
	 */
	public record Person(PersonRole role, List<ZoneId> timeZones, @Nullable String address) {

		public Person {
			timeZones = List.copyOf(timeZones);
		}

	}

	/**
	 * An earlier interaction with the person.
	 *
	 * @param result how it ended; {@code null} while an attempt is still in progress
	 */
	public record Interaction(Instant at, Channel channel, Direction direction, Set<String> debts,
			@Nullable ContactResult result, @Nullable String address) {

		public Interaction {
			debts = Set.copyOf(debts);
		}

		boolean isConversation() {
			return this.channel == Channel.CALL && this.result == ContactResult.CONVERSATION;
		}

	}

	/**
	 * A permission the person gave directly.
	 *
	 * @param until when it ends (a stated end or its revocation), if it does
	 */
	public record Consent(ConsentKind kind, Instant receivedAt, Set<String> debts, @Nullable Instant until) {

		public Consent {
			debts = Set.copyOf(debts);
		}

	}

	/**
	 * A hold on debts, effective from when it was received until it is lifted or ends.
	 *
	 * @param debts the debts held; empty for every debt of the person
	 */
	public record Hold(HoldType type, Set<String> debts, Instant from, @Nullable Instant to) {

		public Hold {
			debts = Set.copyOf(debts);
		}

		boolean activeAt(Instant moment) {
			return !moment.isBefore(this.from) && (this.to == null || moment.isBefore(this.to));
		}

	}

	/**
	 * Times the person said are inconvenient: on these days of the week, between these
	 * local times (all day when absent; a range may run past midnight), until a date.
	 */
	public record Blackout(Set<DayOfWeek> daysOfWeek, @Nullable LocalTime from, @Nullable LocalTime to,
			@Nullable LocalDate until) {

		public Blackout {
			daysOfWeek = Set.copyOf(daysOfWeek);
		}

		boolean covers(LocalDate date, LocalTime time) {
			if (this.from == null || this.to == null) {
				return named(date);
			}
			if (this.from.isBefore(this.to)) {
				return named(date) && !time.isBefore(this.from) && time.isBefore(this.to);
			}
			// runs past midnight: the evening part belongs to the named day, the early
			// part
			// to the day before it (so an end date covers that night to its morning)
			return (named(date) && !time.isBefore(this.from)) || (named(date.minusDays(1)) && time.isBefore(this.to));
		}

		/** Whether the day is one of the named days, on or before the end date. */
		private boolean named(LocalDate day) {
			return this.daysOfWeek.contains(day.getDayOfWeek()) && (this.until == null || !day.isAfter(this.until));
		}

	}

	/**
	 * A medium the person asked not to be used: a whole channel, or one number or
	 * address.
	 *
	 * @param receivedAt when the person asked, where known: the message that asked (a
	 * STOP) opens no reply
	 */
	public record ChannelBan(Channel channel, @Nullable String address, @Nullable Instant receivedAt) {

		public ChannelBan(Channel channel, @Nullable String address) {
			this(channel, address, null);
		}

	}

	/**
	 * A number or email address of the person's marked as not to be used for contact.
	 *
	 * @param address the number (E.164) or email address
	 * @param wrong it is not the person's (a wrong number); else the person's, not to be
	 * used
	 */
	public record MarkedAddress(String address, boolean wrong) {

	}

}
