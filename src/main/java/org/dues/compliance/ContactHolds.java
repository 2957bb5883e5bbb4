package org.dues.compliance;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.dues.customer.CustomerId;
import org.dues.shared.InvalidInputException;
import org.dues.shared.Phrase;
import org.dues.shared.PhraseJson;
import org.dues.system.Actor;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Holds on a person's debts: placed with the time they were received, who placed them and
 * why; in force on every channel from that moment until their end or until lifted.
 */
@Service
public class ContactHolds {

	private final JdbcClient jdbc;

	private final Restrictions restrictions;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	ContactHolds(JdbcClient jdbc, Restrictions restrictions, AuditTrail audit, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.restrictions = restrictions;
		this.audit = audit;
		this.events = events;
	}

	/**
	 * Places a hold, audited.
	 * @param accountIds the debts held; empty for every debt of the person
	 * @param receivedAt when the request, notice or document was received; now when null
	 * @param endsAt when the hold ends by itself (a moratorium's end), if it does
	 */
	@Transactional
	public HoldView place(CustomerId customer, List<UUID> accountIds, HoldType type, @Nullable Instant receivedAt,
			@Nullable Instant endsAt, @Nullable String reason, String actor) {
		return place(customer, accountIds, type, receivedAt, endsAt, reason, null, actor);
	}

	/**
	 * As {@link #place(CustomerId, List, HoldType, Instant, Instant, String, String)},
	 * with the reason as pages say it in the reader's language (a hold a rule of the
	 * application places: a dispute's, a complaint's).
	 */
	@Transactional
	public HoldView place(CustomerId customer, List<UUID> accountIds, HoldType type, @Nullable Instant receivedAt,
			@Nullable Instant endsAt, @Nullable String reason, @Nullable Phrase said, String actor) {
		String why = Restrictions.reason(reason);
		Instant received = this.restrictions.received(receivedAt);
		if (endsAt != null && !endsAt.isAfter(received)) {
			throw new InvalidInputException("endsAt", "must come after the hold was received (%s)".formatted(received));
		}
		UUID id = UUID.randomUUID();
		Instant now = this.restrictions.now();
		this.jdbc.sql("""
				INSERT INTO compliance_holds (id, customer_id, account_ids, type, received_at, ends_at, reason,
				    placed_by, placed_at, reason_said)
				VALUES (:id, :customer, :accounts, :type, :received, :ends, :reason, :actor, :now,
				    CAST(:said AS jsonb))""")
			.param("said", PhraseJson.write(said))
			.param("id", id)
			.param("customer", customer.value())
			.param("accounts", accountIds.toArray(UUID[]::new))
			.param("type", type.name())
			.param("received", Timestamp.from(received))
			.param("ends", (endsAt == null) ? null : Timestamp.from(endsAt))
			.param("reason", why)
			.param("actor", actor)
			.param("now", Timestamp.from(now))
			.update();
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("id", id.toString());
		payload.put("type", type.name());
		payload.put("accounts", accountIds.stream().map(UUID::toString).toList());
		payload.put("receivedAt", received.toString());
		payload.put("endsAt", (endsAt == null) ? null : endsAt.toString());
		payload.put("reason", why);
		this.audit.record(actor, "HOLD_PLACED", "customer:" + customer.value(), payload);
		this.events.publishEvent(new HoldPlaced(id, customer, accountIds, type));
		return get(id);
	}

	/**
	 * Lifts a hold (a dispute once verification is sent, a cease withdrawn), audited.
	 * Compliance officers, leads and above may; whoever recorded it, within the
	 * correction window ({@link org.dues.system.Corrections}).
	 */
	@Transactional
	public void lift(UUID holdId, @Nullable String reason, Actor actor) {
		this.restrictions.lift(Restrictions.Kind.HOLD, holdId, reason, actor);
	}

	/** As {@link #lift(UUID, String, Actor)}, with the reason as pages say it. */
	@Transactional
	public void lift(UUID holdId, @Nullable String reason, @Nullable Phrase said, Actor actor) {
		this.restrictions.lift(Restrictions.Kind.HOLD, holdId, reason, said, actor);
	}

	/** Every hold of the person, current and past, newest first. */
	@Transactional(readOnly = true)
	public List<HoldView> ofCustomer(CustomerId customer) {
		return ofCustomers(List.of(customer)).getOrDefault(customer, List.of());
	}

	/**
	 * Every hold of each of these people, current and past, newest first, in one read; a
	 * person with none is left out.
	 */
	@Transactional(readOnly = true)
	public Map<CustomerId, List<HoldView>> ofCustomers(java.util.Collection<CustomerId> customers) {
		Map<CustomerId, List<HoldView>> holds = new LinkedHashMap<>();
		if (customers.isEmpty()) {
			return holds;
		}
		this.jdbc.sql("""
				SELECT * FROM compliance_holds WHERE customer_id = ANY(:customers) ORDER BY placed_at DESC, id""")
			.param("customers", customers.stream().map(CustomerId::value).distinct().toArray(UUID[]::new))
			.query((rs, n) -> view(rs))
			.list()
			.forEach((hold) -> holds.computeIfAbsent(hold.customerId(), (c) -> new java.util.ArrayList<>()).add(hold));
		return holds;
	}

	private HoldView get(UUID id) {
		return this.jdbc.sql("SELECT * FROM compliance_holds WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> view(rs))
			.single();
	}

	private static HoldView view(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new HoldView(rs.getObject("id", UUID.class), new CustomerId(rs.getObject("customer_id", UUID.class)),
				Arrays.asList((UUID[]) rs.getArray("account_ids").getArray()), HoldType.valueOf(rs.getString("type")),
				rs.getTimestamp("received_at").toInstant(), instant(rs.getTimestamp("ends_at")), rs.getString("reason"),
				rs.getString("placed_by"), rs.getTimestamp("placed_at").toInstant(),
				instant(rs.getTimestamp("lifted_at")), rs.getString("lifted_by"), rs.getString("lift_reason"),
				PhraseJson.read(rs.getString("reason_said")), PhraseJson.read(rs.getString("lift_said")));
	}

	static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp == null) ? null : timestamp.toInstant();
	}

	/**
	 * A hold as recorded.
	 *
	 * @param accountIds the debts held; empty for all
	 * @param reasonSaid the reason as pages say it, where the application placed the hold
	 * @param liftSaid the lift's reason as pages say it, where the application lifted it
	 */
	public record HoldView(UUID id, CustomerId customerId, List<UUID> accountIds, HoldType type, Instant receivedAt,
			@Nullable Instant endsAt, String reason, String placedBy, Instant placedAt, @Nullable Instant liftedAt,
			@Nullable String liftedBy, @Nullable String liftReason, @JsonIgnore @Nullable Phrase reasonSaid,
			@JsonIgnore @Nullable Phrase liftSaid) {

		ContactFacts.Hold fact() {
			Instant to = Restrictions.earlier(this.endsAt, this.liftedAt);
			return new ContactFacts.Hold(this.type,
					this.accountIds.stream().map(UUID::toString).collect(java.util.stream.Collectors.toSet()),
					this.receivedAt, to);
		}

	}

}
