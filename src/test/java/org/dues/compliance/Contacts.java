package org.dues.compliance;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.dues.compliance.ContactFacts.Interaction;
import org.jspecify.annotations.Nullable;

/**
 * Object mother for contact facts, in the language of the regulations: a call to a
 * consumer in New York about debt A at a local time, with history, holds and consents.
 */
final class Contacts {

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

	static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	private Channel channel = Channel.CALL;

	private Instant at;

	private PersonRole role = PersonRole.CONSUMER;

	private List<ZoneId> zones = List.of(NEW_YORK);

	private @Nullable String address;

	private Set<String> debts = Set.of("A");

	private Purpose purpose = Purpose.COLLECTION;

	private final List<Interaction> history = new ArrayList<>();

	private final List<ContactFacts.Consent> consents = new ArrayList<>();

	private final List<ContactFacts.Hold> holds = new ArrayList<>();

	private final List<ContactFacts.Blackout> blackouts = new ArrayList<>();

	private final List<ContactFacts.ChannelBan> bans = new ArrayList<>();

	private Contacts(Channel channel, Instant at) {
		this.channel = channel;
		this.at = at;
	}

	/**
	 * A contact at a local date and time in New York (change the zone before reading it).
	 */
	static Contacts call(String localDateTime) {
		return new Contacts(Channel.CALL, ny(localDateTime));
	}

	static Contacts contact(Channel channel, String localDateTime) {
		return new Contacts(channel, ny(localDateTime));
	}

	static Contacts at(Channel channel, Instant at) {
		return new Contacts(channel, at);
	}

	static Instant ny(String localDateTime) {
		return local(localDateTime, NEW_YORK);
	}

	static Instant local(String localDateTime, ZoneId zone) {
		return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
	}

	Contacts in(ZoneId... zones) {
		this.zones = List.of(zones);
		return this;
	}

	Contacts about(String... debts) {
		this.debts = Set.of(debts);
		return this;
	}

	Contacts to(PersonRole role) {
		this.role = role;
		return this;
	}

	Contacts address(String address) {
		this.address = address;
		return this;
	}

	Contacts forPurpose(Purpose purpose) {
		this.purpose = purpose;
		return this;
	}

	Contacts after(Interaction... interactions) {
		this.history.addAll(List.of(interactions));
		return this;
	}

	Contacts consent(ConsentKind kind, Instant receivedAt, @Nullable Instant until, String... debts) {
		this.consents.add(new ContactFacts.Consent(kind, receivedAt, Set.of(debts), until));
		return this;
	}

	Contacts hold(HoldType type, Instant from, @Nullable Instant to, String... debts) {
		this.holds.add(new ContactFacts.Hold(type, Set.of(debts), from, to));
		return this;
	}

	Contacts blackout(Set<DayOfWeek> days, @Nullable String from, @Nullable String to, @Nullable String until) {
		this.blackouts.add(new ContactFacts.Blackout(days, (from == null) ? null : LocalTime.parse(from),
				(to == null) ? null : LocalTime.parse(to), (until == null) ? null : LocalDate.parse(until)));
		return this;
	}

	Contacts ban(Channel channel, @Nullable String address) {
		this.bans.add(new ContactFacts.ChannelBan(channel, address));
		return this;
	}

	ContactFacts facts() {
		return new ContactFacts(this.channel, this.at, new ContactFacts.Person(this.role, this.zones, this.address),
				this.debts, this.purpose, this.history, this.consents, this.holds, this.blackouts, this.bans);
	}

	ContactDecision under(ContactPolicy policy) {
		return ContactDecider.decide(policy, facts());
	}

	/** An outbound call at a New York local time. */
	static Interaction outboundCall(String localDateTime, ContactResult result, String... debts) {
		return new Interaction(ny(localDateTime), Channel.CALL, Direction.OUTBOUND, Set.of(debts), result, null);
	}

	static Interaction inboundCall(String localDateTime, ContactResult result, String... debts) {
		return new Interaction(ny(localDateTime), Channel.CALL, Direction.INBOUND, Set.of(debts), result, null);
	}

	static Interaction outbound(Channel channel, String localDateTime, ContactResult result, String... debts) {
		return new Interaction(ny(localDateTime), channel, Direction.OUTBOUND, Set.of(debts), result, null);
	}

	static Interaction inbound(Channel channel, String localDateTime, String... debts) {
		return new Interaction(ny(localDateTime), channel, Direction.INBOUND, Set.of(debts), ContactResult.DELIVERED,
				null);
	}

	/** Calls about a debt, one a day at 10:00 New York time, from a date on. */
	static Interaction[] dailyCalls(String firstDate, int days, ContactResult result, String... debts) {
		Interaction[] calls = new Interaction[days];
		for (int i = 0; i < days; i++) {
			calls[i] = outboundCall(LocalDate.parse(firstDate).plusDays(i) + "T10:00", result, debts);
		}
		return calls;
	}

}
