package org.dues.compliance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.dues.customer.CustomerId;
import org.dues.shared.InvalidInputException;
import org.dues.system.Actor;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a person asked for directly: consents (more calls, an otherwise inconvenient
 * time), times they called inconvenient, and media not to be used. Each is recorded with
 * when it was received, who recorded it and why, takes effect on every channel at once,
 * and is revoked or lifted, never deleted.
 */
@Service
public class ContactPreferences {

	private final JdbcClient jdbc;

	private final Restrictions restrictions;

	private final AuditTrail audit;

	ContactPreferences(JdbcClient jdbc, Restrictions restrictions, AuditTrail audit) {
		this.jdbc = jdbc;
		this.restrictions = restrictions;
		this.audit = audit;
	}

	/**
	 * Records a consent the person gave directly, audited.
	 * @param accountIds the debts it covers; empty for all
	 * @param until a stated end, if any
	 */
	@Transactional
	public UUID consent(CustomerId customer, ConsentKind kind, List<UUID> accountIds, @Nullable Instant receivedAt,
			@Nullable Instant until, @Nullable String reason, String actor) {
		String why = Restrictions.reason(reason);
		Instant received = this.restrictions.received(receivedAt);
		if (until != null && !until.isAfter(received)) {
			throw new InvalidInputException("until",
					"must come after the consent was received (%s)".formatted(received));
		}
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO compliance_consents (id, customer_id, kind, account_ids, received_at, until, reason,
				    recorded_by, recorded_at)
				VALUES (:id, :customer, :kind, :accounts, :received, :until, :reason, :actor, :now)""")
			.param("id", id)
			.param("customer", customer.value())
			.param("kind", kind.name())
			.param("accounts", accountIds.toArray(UUID[]::new))
			.param("received", Timestamp.from(received))
			.param("until", (until == null) ? null : Timestamp.from(until))
			.param("reason", why)
			.param("actor", actor)
			.param("now", Timestamp.from(this.restrictions.now()))
			.update();
		Map<String, Object> payload = payload(id, why, received);
		payload.put("kind", kind.name());
		payload.put("accounts", accountIds.stream().map(UUID::toString).toList());
		payload.put("until", (until == null) ? null : until.toString());
		this.audit.record(actor, "CONSENT_RECORDED", "customer:" + customer.value(), payload);
		return id;
	}

	/**
	 * Records a time the person called inconvenient, audited.
	 * @param from the start of the range in local time; with {@code to}, or both absent
	 * for whole days
	 * @param until the last day it applies, if it ends
	 */
	@Transactional
	public UUID blackout(CustomerId customer, Set<DayOfWeek> days, @Nullable LocalTime from, @Nullable LocalTime to,
			@Nullable LocalDate until, @Nullable Instant receivedAt, @Nullable String reason, String actor) {
		String why = Restrictions.reason(reason);
		if (days.isEmpty()) {
			throw new InvalidInputException("daysOfWeek", "name at least one day");
		}
		if ((from == null) != (to == null)) {
			throw new InvalidInputException("to", "give both ends of the time range, or neither for whole days");
		}
		if (from != null && from.equals(to)) {
			throw new InvalidInputException("to", "must differ from the start");
		}
		Instant received = this.restrictions.received(receivedAt);
		UUID id = UUID.randomUUID();
		List<String> names = EnumSet.copyOf(days).stream().map(DayOfWeek::name).toList();
		this.jdbc.sql("""
				INSERT INTO compliance_blackouts (id, customer_id, days_of_week, from_time, to_time, until,
				    received_at, reason, recorded_by, recorded_at)
				VALUES (:id, :customer, :days, :from, :to, :until, :received, :reason, :actor, :now)""")
			.param("id", id)
			.param("customer", customer.value())
			.param("days", names.toArray(String[]::new))
			.param("from", from)
			.param("to", to)
			.param("until", until)
			.param("received", Timestamp.from(received))
			.param("reason", why)
			.param("actor", actor)
			.param("now", Timestamp.from(this.restrictions.now()))
			.update();
		Map<String, Object> payload = payload(id, why, received);
		payload.put("days", names);
		payload.put("from", (from == null) ? null : from.toString());
		payload.put("to", (to == null) ? null : to.toString());
		payload.put("until", (until == null) ? null : until.toString());
		this.audit.record(actor, "BLACKOUT_RECORDED", "customer:" + customer.value(), payload);
		return id;
	}

	/**
	 * Records a medium the person asked not to be used, audited.
	 * @param address one number or address, already canonical; null for the whole channel
	 */
	@Transactional
	public UUID ban(CustomerId customer, Channel channel, @Nullable String address, @Nullable Instant receivedAt,
			@Nullable String reason, String actor) {
		String why = Restrictions.reason(reason);
		Instant received = this.restrictions.received(receivedAt);
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO compliance_channel_bans (id, customer_id, channel, address, received_at, reason,
				    recorded_by, recorded_at)
				VALUES (:id, :customer, :channel, :address, :received, :reason, :actor, :now)""")
			.param("id", id)
			.param("customer", customer.value())
			.param("channel", channel.name())
			.param("address", address)
			.param("received", Timestamp.from(received))
			.param("reason", why)
			.param("actor", actor)
			.param("now", Timestamp.from(this.restrictions.now()))
			.update();
		Map<String, Object> payload = payload(id, why, received);
		payload.put("channel", channel.name());
		payload.put("address", address);
		this.audit.record(actor, "BAN_RECORDED", "customer:" + customer.value(), payload);
		return id;
	}

	/**
	 * Revokes a consent, audited. Compliance officers, leads and above may; whoever
	 * recorded it, within the correction window ({@link org.dues.system.Corrections}).
	 */
	@Transactional
	public void revokeConsent(UUID id, @Nullable String reason, Actor actor) {
		this.restrictions.lift(Restrictions.Kind.CONSENT, id, reason, actor);
	}

	/**
	 * Lifts a blackout, audited. Compliance officers, leads and above may; whoever
	 * recorded it, within the correction window ({@link org.dues.system.Corrections}).
	 */
	@Transactional
	public void liftBlackout(UUID id, @Nullable String reason, Actor actor) {
		this.restrictions.lift(Restrictions.Kind.BLACKOUT, id, reason, actor);
	}

	/**
	 * Lifts a ban, audited. Compliance officers, leads and above may; whoever recorded
	 * it, within the correction window ({@link org.dues.system.Corrections}).
	 */
	@Transactional
	public void liftBan(UUID id, @Nullable String reason, Actor actor) {
		this.restrictions.lift(Restrictions.Kind.BAN, id, reason, actor);
	}

	/** Everything the person asked for, current and past, newest first. */
	@Transactional(readOnly = true)
	public Recorded ofCustomer(CustomerId customer) {
		return ofCustomers(List.of(customer)).get(customer);
	}

	/**
	 * Everything each of these people asked for, current and past, newest first, in three
	 * reads; every person asked about has an entry (empty when they asked for nothing).
	 */
	@Transactional(readOnly = true)
	public Map<CustomerId, Recorded> ofCustomers(java.util.Collection<CustomerId> customers) {
		UUID[] ids = customers.stream().map(CustomerId::value).distinct().toArray(UUID[]::new);
		Map<UUID, List<ConsentView>> consents = new java.util.HashMap<>();
		Map<UUID, List<BlackoutView>> blackouts = new java.util.HashMap<>();
		Map<UUID, List<BanView>> bans = new java.util.HashMap<>();
		if (ids.length > 0) {
			this.jdbc.sql("SELECT * FROM compliance_consents WHERE customer_id = ANY(:c) ORDER BY recorded_at DESC, id")
				.param("c", ids)
				.query((rs, n) -> {
					consents
						.computeIfAbsent(rs.getObject("customer_id", UUID.class), (k) -> new java.util.ArrayList<>())
						.add(new ConsentView(rs.getObject("id", UUID.class), ConsentKind.valueOf(rs.getString("kind")),
								Arrays.asList((UUID[]) rs.getArray("account_ids").getArray()),
								rs.getTimestamp("received_at").toInstant(),
								ContactHolds.instant(rs.getTimestamp("until")), lifted(rs)));
					return n;
				})
				.list();
			this.jdbc
				.sql("SELECT * FROM compliance_blackouts WHERE customer_id = ANY(:c) ORDER BY recorded_at DESC, id")
				.param("c", ids)
				.query((rs, n) -> {
					blackouts
						.computeIfAbsent(rs.getObject("customer_id", UUID.class), (k) -> new java.util.ArrayList<>())
						.add(new BlackoutView(rs.getObject("id", UUID.class),
								Arrays.stream((String[]) rs.getArray("days_of_week").getArray())
									.map(DayOfWeek::valueOf)
									.collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class))),
								rs.getObject("from_time", LocalTime.class), rs.getObject("to_time", LocalTime.class),
								rs.getObject("until", LocalDate.class), rs.getTimestamp("received_at").toInstant(),
								lifted(rs)));
					return n;
				})
				.list();
			this.jdbc
				.sql("SELECT * FROM compliance_channel_bans WHERE customer_id = ANY(:c) ORDER BY recorded_at DESC, id")
				.param("c", ids)
				.query((rs, n) -> {
					bans.computeIfAbsent(rs.getObject("customer_id", UUID.class), (k) -> new java.util.ArrayList<>())
						.add(new BanView(rs.getObject("id", UUID.class), Channel.valueOf(rs.getString("channel")),
								rs.getString("address"), rs.getTimestamp("received_at").toInstant(), lifted(rs)));
					return n;
				})
				.list();
		}
		Map<CustomerId, Recorded> recorded = new LinkedHashMap<>();
		for (UUID id : ids) {
			recorded.put(new CustomerId(id), new Recorded(consents.getOrDefault(id, List.of()),
					blackouts.getOrDefault(id, List.of()), bans.getOrDefault(id, List.of())));
		}
		return recorded;
	}

	private static Map<String, Object> payload(UUID id, String reason, Instant received) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("id", id.toString());
		payload.put("receivedAt", received.toString());
		payload.put("reason", reason);
		return payload;
	}

	private static Recording lifted(ResultSet rs) throws SQLException {
		return new Recording(rs.getString("reason"), rs.getString("recorded_by"),
				rs.getTimestamp("recorded_at").toInstant(), ContactHolds.instant(rs.getTimestamp("lifted_at")),
				rs.getString("lifted_by"), rs.getString("lift_reason"));
	}

	/** Who recorded it and why, and who lifted it, when and why. */
	public record Recording(String reason, String recordedBy, Instant recordedAt, @Nullable Instant liftedAt,
			@Nullable String liftedBy, @Nullable String liftReason) {

		public boolean lifted() {
			return this.liftedAt != null;
		}

	}

	/** A consent as recorded. */
	public record ConsentView(UUID id, ConsentKind kind, List<UUID> accountIds, Instant receivedAt,
			@Nullable Instant until, Recording recording) {

		ContactFacts.Consent fact() {
			Instant end = Restrictions.earlier(this.until, this.recording.liftedAt());
			return new ContactFacts.Consent(this.kind, this.receivedAt,
					this.accountIds.stream().map(UUID::toString).collect(Collectors.toSet()), end);
		}

	}

	/** A time the person called inconvenient, as recorded. */
	public record BlackoutView(UUID id, Set<DayOfWeek> daysOfWeek, @Nullable LocalTime from, @Nullable LocalTime to,
			@Nullable LocalDate until, Instant receivedAt, Recording recording) {

	}

	/** A banned medium as recorded. */
	public record BanView(UUID id, Channel channel, @Nullable String address, Instant receivedAt, Recording recording) {

	}

	/** Everything a person asked for. */
	public record Recorded(List<ConsentView> consents, List<BlackoutView> blackouts, List<BanView> bans) {

	}

}
