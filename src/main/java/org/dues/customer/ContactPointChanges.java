package org.dues.customer;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.dues.shared.EmailAddress;
import org.dues.shared.InvalidInputException;
import org.dues.shared.NotFoundException;
import org.dues.shared.PhoneNumber;
import org.dues.shared.PostalAddress;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What people change of a customer's contact points: add a phone, email or address, mark
 * one wrong or not to be used (or valid again), correct an address. Each change is kept
 * in the customer's contact-point history with who made it, when and why, and published
 * as {@link ContactPointChanged} in the same transaction (compliance audits it). Changes
 * of one customer are serialised by a lock of the customer's row. A contact point is
 * never deleted: a corrected address stays, marked {@code CORRECTED}.
 */
@Service
public class ContactPointChanges {

	private final JdbcClient jdbc;

	private final ContactPoints points;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	ContactPointChanges(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.points = new ContactPoints(jdbc);
		this.clock = clock;
		this.events = events;
	}

	/** Every contact point of the customer, whatever its status, in the order added. */
	@Transactional(readOnly = true)
	public List<ContactPoint> of(CustomerId customer) {
		return this.points.all(customer);
	}

	/** The customer's contact-point history, newest first. */
	@Transactional(readOnly = true)
	public List<ContactPointChange> history(CustomerId customer) {
		return this.jdbc.sql("""
				SELECT * FROM customer_contact_point_history WHERE customer_id = :customer ORDER BY id DESC""")
			.param("customer", customer.value())
			.query((rs, n) -> new ContactPointChange(customer, rs.getObject("point_id", UUID.class),
					ContactPointKind.valueOf(rs.getString("kind")),
					ContactPointChange.Change.valueOf(rs.getString("change")), rs.getString("value"),
					status(rs.getString("status_before")), ContactPointStatus.valueOf(rs.getString("status_after")),
					rs.getObject("replaced_by", UUID.class), rs.getString("source"), rs.getString("reason"),
					rs.getString("changed_by"), rs.getObject("changed_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	/**
	 * Adds a phone number, written in any common national or international form, read in
	 * {@code defaultRegion} (the customer's creditor's country) when it has no country
	 * code, and kept in E.164 as the allocation-file import keeps it.
	 * @throws InvalidInputException naming {@code number} when it is no valid number or
	 * the customer has it already; nothing is written
	 */
	@Transactional
	public ContactPoint addPhone(CustomerId customer, String number, String defaultRegion, ContactPointSource source,
			@Nullable String note, String actor) {
		PhoneNumber phone;
		try {
			phone = PhoneNumber.parse(number, defaultRegion);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("number",
					"'%s' is not a valid phone number for %s".formatted(number.strip(), defaultRegion));
		}
		lock(customer);
		UUID id = UUID.randomUUID();
		if (this.points.addPhone(id, customer, phone, source.name(), now()) == 0) {
			throw new ContactPointOnFile("number", "%s is already on file: change its status instead"
				.formatted(ContactPoints.international(phone.e164())));
		}
		return added(customer, id, ContactPointKind.PHONE, phone.e164(), source, note, actor);
	}

	/**
	 * Adds an email address.
	 * @throws InvalidInputException naming {@code email} when it is no valid address or
	 * the customer has it already
	 */
	@Transactional
	public ContactPoint addEmail(CustomerId customer, String email, ContactPointSource source, @Nullable String note,
			String actor) {
		EmailAddress address;
		try {
			address = EmailAddress.of(email.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("email", "'%s' is not a valid email address".formatted(email.strip()));
		}
		lock(customer);
		UUID id = UUID.randomUUID();
		if (this.points.addEmail(id, customer, address, source.name(), now()) == 0) {
			throw new ContactPointOnFile("email",
					"%s is already on file: change its status instead".formatted(address.value()));
		}
		return added(customer, id, ContactPointKind.EMAIL, address.value(), source, note, actor);
	}

	/**
	 * Adds a postal address.
	 * @throws InvalidInputException naming {@code address} when the customer has it
	 * already
	 */
	@Transactional
	public ContactPoint addAddress(CustomerId customer, PostalAddress address, ContactPointSource source,
			@Nullable String note, String actor) {
		lock(customer);
		UUID id = UUID.randomUUID();
		if (this.points.addAddress(id, customer, address, source.name(), now()) == 0) {
			throw new ContactPointOnFile("address", "is already on file: change its status instead");
		}
		return added(customer, id, ContactPointKind.ADDRESS, address.oneLine(), source, note, actor);
	}

	/**
	 * Marks a contact point wrong or not to be used, or valid again, with the reason;
	 * marking it as it is changes nothing. A number marked wrong is no longer the
	 * customer's: not verified, its zones no longer count, and the gate refuses contact
	 * through it, as it does one not to be used.
	 * @throws NotFoundException when the customer has no such contact point
	 * @throws InvalidInputException naming {@code status} for {@code CORRECTED} or a
	 * corrected address, {@code reason} when none is given
	 */
	@Transactional
	public ContactPoint changeStatus(CustomerId customer, UUID point, ContactPointStatus status, String reason,
			String actor) {
		String why = reason(reason);
		if (status == ContactPointStatus.CORRECTED) {
			throw new InvalidInputException("status", "an address is corrected by giving the corrected address");
		}
		lock(customer);
		ContactPoint known = find(customer, point);
		if (known.status() == ContactPointStatus.CORRECTED) {
			throw new InvalidInputException("status", "a corrected address is kept as it was; change its correction");
		}
		if (known.status() == status) {
			return known;
		}
		String table = table(known.kind());
		String phoneMarks = (known.kind() == ContactPointKind.PHONE)
				? ", wrong_number = (:status = 'WRONG'), verified = verified AND :status <> 'WRONG'" : "";
		this.jdbc.sql("UPDATE " + table + " SET status = :status" + phoneMarks + " WHERE id = :id")
			.param("status", status.name())
			.param("id", point)
			.update();
		record(new ContactPointChange(customer, point, known.kind(), ContactPointChange.Change.STATUS, known.value(),
				known.status(), status, null, null, why, actor, instant()));
		return find(customer, point);
	}

	/**
	 * Corrects an address: the corrected one is added and the old one kept, marked
	 * {@code CORRECTED}, so that a later allocation file bringing the old one does not
	 * add it back.
	 * @return the corrected address
	 * @throws NotFoundException when the customer has no such address
	 * @throws InvalidInputException naming {@code address} when the correction is an
	 * address the customer has already, {@code status} when the address was corrected
	 * before
	 */
	@Transactional
	public ContactPoint correctAddress(CustomerId customer, UUID point, PostalAddress corrected,
			ContactPointSource source, String reason, String actor) {
		String why = reason(reason);
		lock(customer);
		ContactPoint known = find(customer, point);
		if (known.kind() != ContactPointKind.ADDRESS) {
			throw new NotFoundException("address", point);
		}
		if (known.status() == ContactPointStatus.CORRECTED) {
			throw new InvalidInputException("status", "this address was corrected already; correct its correction");
		}
		UUID id = UUID.randomUUID();
		if (this.points.addAddress(id, customer, corrected, source.name(), now()) == 0) {
			throw new ContactPointOnFile("address", "is already on file as it is corrected");
		}
		this.jdbc.sql("UPDATE customer_addresses SET status = 'CORRECTED' WHERE id = :id").param("id", point).update();
		record(new ContactPointChange(customer, point, ContactPointKind.ADDRESS, ContactPointChange.Change.CORRECTED,
				known.value(), known.status(), ContactPointStatus.CORRECTED, id, source.name(), why, actor, instant()));
		return find(customer, id);
	}

	/**
	 * Marks the customer's number (E.164) as someone else's, as a call's outcome found
	 * it.
	 * @return whether it is the customer's number and is now marked
	 */
	@Transactional
	public boolean markWrongNumber(CustomerId customer, String e164, String reason, String actor) {
		UUID point = this.jdbc.sql("SELECT id FROM customer_phones WHERE customer_id = :customer AND e164 = :e164")
			.param("customer", customer.value())
			.param("e164", e164)
			.query(UUID.class)
			.optional()
			.orElse(null);
		if (point == null) {
			return false;
		}
		changeStatus(customer, point, ContactPointStatus.WRONG, reason, actor);
		return true;
	}

	private ContactPoint added(CustomerId customer, UUID id, ContactPointKind kind, String value,
			ContactPointSource source, @Nullable String note, String actor) {
		record(new ContactPointChange(customer, id, kind, ContactPointChange.Change.ADDED, value, null,
				ContactPointStatus.VALID, null, source.name(), (note == null || note.isBlank()) ? null : note.strip(),
				actor, instant()));
		return find(customer, id);
	}

	private void record(ContactPointChange change) {
		this.jdbc.sql("""
				INSERT INTO customer_contact_point_history (customer_id, point_id, kind, change, value, status_before,
				    status_after, replaced_by, source, reason, changed_by, changed_at)
				VALUES (:customer, :point, :kind, :change, :value, :before, :after, :replacedBy, :source, :reason,
				    :by, :at)""")
			.param("customer", change.customer().value())
			.param("point", change.point())
			.param("kind", change.kind().name())
			.param("change", change.change().name())
			.param("value", change.value())
			.param("before", (change.before() == null) ? null : change.before().name())
			.param("after", change.after().name())
			.param("replacedBy", change.replacedBy())
			.param("source", change.source())
			.param("reason", change.reason())
			.param("by", change.by())
			.param("at", Timestamp.from(change.at()))
			.update();
		this.events.publishEvent(new ContactPointChanged(change));
	}

	private ContactPoint find(CustomerId customer, UUID point) {
		return this.points.all(customer)
			.stream()
			.filter((p) -> p.id().equals(point))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("contact point", point));
	}

	/** Locks the customer's row: one change of their contact points at a time. */
	private void lock(CustomerId customer) {
		this.jdbc.sql("SELECT id FROM customer_customers WHERE id = :id FOR UPDATE")
			.param("id", customer.value())
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("customer", customer));
	}

	private static String table(ContactPointKind kind) {
		return switch (kind) {
			case PHONE -> "customer_phones";
			case EMAIL -> "customer_emails";
			case ADDRESS -> "customer_addresses";
		};
	}

	private static String reason(@Nullable String reason) {
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "is required: say why");
		}
		return reason.strip();
	}

	private static @Nullable ContactPointStatus status(@Nullable String name) {
		return (name == null) ? null : ContactPointStatus.valueOf(name);
	}

	private Instant instant() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(instant(), ZoneOffset.UTC);
	}

}
