package org.dues.customer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dues.shared.EmailAddress;
import org.dues.shared.PhoneNumber;
import org.dues.shared.PostalAddress;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads and merges a customer's phones, emails and addresses. Adding one already known is
 * a no-op, so repeated placements never duplicate contact points.
 */
class ContactPoints {

	private final JdbcClient jdbc;

	ContactPoints(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	int addPhone(CustomerId customer, PhoneNumber phone, String source, OffsetDateTime now) {
		return addPhone(UUID.randomUUID(), customer, phone, source, now);
	}

	/** Adds it with the id given; 0 when the customer has it already. */
	int addPhone(UUID id, CustomerId customer, PhoneNumber phone, String source, OffsetDateTime now) {
		return this.jdbc
			.sql("""
					INSERT INTO customer_phones (id, customer_id, e164, phone_type, source, time_zones, position, created_at)
					VALUES (:id, :customer, :e164, :type, :source, :zones,
					    (SELECT coalesce(max(position), 0) + 1 FROM customer_phones WHERE customer_id = :customer), :now)
					ON CONFLICT (customer_id, e164) DO NOTHING""")
			.param("id", id)
			.param("customer", customer.value())
			.param("e164", phone.e164())
			.param("type", phone.type().name())
			.param("source", source)
			.param("zones", phone.timeZones().toArray(String[]::new))
			.param("now", now)
			.update();
	}

	int addEmail(CustomerId customer, EmailAddress email, String source, OffsetDateTime now) {
		return addEmail(UUID.randomUUID(), customer, email, source, now);
	}

	/** Adds it with the id given; 0 when the customer has it already. */
	int addEmail(UUID id, CustomerId customer, EmailAddress email, String source, OffsetDateTime now) {
		return this.jdbc.sql("""
				INSERT INTO customer_emails (id, customer_id, address, source, position, created_at)
				VALUES (:id, :customer, :address, :source,
				    (SELECT coalesce(max(position), 0) + 1 FROM customer_emails WHERE customer_id = :customer), :now)
				ON CONFLICT (customer_id, address) DO NOTHING""")
			.param("id", id)
			.param("customer", customer.value())
			.param("address", email.value())
			.param("source", source)
			.param("now", now)
			.update();
	}

	int addAddress(CustomerId customer, PostalAddress address, String source, OffsetDateTime now) {
		return addAddress(UUID.randomUUID(), customer, address, source, now);
	}

	/** Adds it with the id given; 0 when the customer has it already. */
	int addAddress(UUID id, CustomerId customer, PostalAddress address, String source, OffsetDateTime now) {
		return this.jdbc.sql("""
				INSERT INTO customer_addresses (id, customer_id, line1, line2, city, state, postal_code, country,
				    source, position, created_at)
				VALUES (:id, :customer, :line1, :line2, :city, :state, :postal, :country, :source,
				    (SELECT coalesce(max(position), 0) + 1 FROM customer_addresses WHERE customer_id = :customer), :now)
				ON CONFLICT DO NOTHING""")
			.param("id", id)
			.param("customer", customer.value())
			.param("line1", address.line1())
			.param("line2", address.line2())
			.param("city", address.city())
			.param("state", address.state())
			.param("postal", address.postalCode())
			.param("country", address.country())
			.param("source", source)
			.param("now", now)
			.update();
	}

	Map<UUID, List<CustomerView.Phone>> phones(UUID[] customers) {
		Map<UUID, List<CustomerView.Phone>> out = new HashMap<>();
		this.jdbc.sql("""
				SELECT id, customer_id, e164, phone_type, source, time_zones, consent_autodial, consent_sms,
				    consent_whatsapp, verified, wrong_number, status, created_at
				FROM customer_phones WHERE customer_id = ANY(:ids) ORDER BY position""")
			.param("ids", customers)
			.query((rs) -> {
				String e164 = rs.getString("e164");
				out.computeIfAbsent(rs.getObject("customer_id", UUID.class), (k) -> new ArrayList<>())
					.add(new CustomerView.Phone(e164, international(e164), rs.getString("phone_type"),
							rs.getString("source"), CustomerManagement.strings(rs.getArray("time_zones")),
							rs.getBoolean("consent_autodial"), rs.getBoolean("consent_sms"),
							rs.getBoolean("consent_whatsapp"), rs.getBoolean("verified"), rs.getBoolean("wrong_number"),
							rs.getObject("id", UUID.class), status(rs), addedAt(rs)));
			});
		return out;
	}

	Map<UUID, List<CustomerView.Email>> emails(UUID[] customers) {
		Map<UUID, List<CustomerView.Email>> out = new HashMap<>();
		this.jdbc.sql("""
				SELECT id, customer_id, address, source, verified, status, created_at FROM customer_emails
				WHERE customer_id = ANY(:ids) ORDER BY position""").param("ids", customers).query((rs) -> {
			out.computeIfAbsent(rs.getObject("customer_id", UUID.class), (k) -> new ArrayList<>())
				.add(new CustomerView.Email(rs.getString("address"), rs.getString("source"), rs.getBoolean("verified"),
						rs.getObject("id", UUID.class), status(rs), addedAt(rs)));
		});
		return out;
	}

	/** The customers' addresses but those replaced by their correction. */
	Map<UUID, List<CustomerView.Address>> addresses(UUID[] customers) {
		Map<UUID, List<CustomerView.Address>> out = new HashMap<>();
		this.jdbc.sql("""
				SELECT id, customer_id, line1, line2, city, state, postal_code, country, source, status, created_at
				FROM customer_addresses
				WHERE customer_id = ANY(:ids) AND status <> 'CORRECTED' ORDER BY position""")
			.param("ids", customers)
			.query((rs) -> {
				out.computeIfAbsent(rs.getObject("customer_id", UUID.class), (k) -> new ArrayList<>())
					.add(new CustomerView.Address(address(rs), rs.getString("source"), rs.getObject("id", UUID.class),
							status(rs), addedAt(rs)));
			});
		return out;
	}

	/**
	 * Every contact point of the customer, whatever its status: phones, then emails, then
	 * addresses, each in the order they were added.
	 */
	List<ContactPoint> all(CustomerId customer) {
		List<ContactPoint> all = new ArrayList<>();
		UUID[] ids = { customer.value() };
		for (CustomerView.Phone p : phones(ids).getOrDefault(customer.value(), List.of())) {
			all.add(new ContactPoint(p.id(), ContactPointKind.PHONE, p.e164(), p.international(), p.type(), p.source(),
					p.status(), p.addedAt(), null, p.consentAutodial(), p.consentSms(), p.consentWhatsapp(),
					p.verified()));
		}
		for (CustomerView.Email e : emails(ids).getOrDefault(customer.value(), List.of())) {
			all.add(new ContactPoint(e.id(), ContactPointKind.EMAIL, e.address(), e.address(), null, e.source(),
					e.status(), e.addedAt(), null, false, false, false, e.verified()));
		}
		this.jdbc.sql("""
				SELECT id, line1, line2, city, state, postal_code, country, source, status, created_at
				FROM customer_addresses WHERE customer_id = :id ORDER BY position""")
			.param("id", customer.value())
			.query((rs) -> {
				PostalAddress address = address(rs);
				all.add(new ContactPoint(rs.getObject("id", UUID.class), ContactPointKind.ADDRESS, address.oneLine(),
						address.oneLine(), null, rs.getString("source"), status(rs), addedAt(rs), address, false, false,
						false, false));
			});
		return all;
	}

	static PostalAddress address(ResultSet rs) throws SQLException {
		return new PostalAddress(rs.getString("line1"), rs.getString("line2"), rs.getString("city"),
				rs.getString("state"), rs.getString("postal_code"), rs.getString("country"));
	}

	private static ContactPointStatus status(ResultSet rs) throws SQLException {
		return ContactPointStatus.valueOf(rs.getString("status"));
	}

	private static Instant addedAt(ResultSet rs) throws SQLException {
		return rs.getObject("created_at", OffsetDateTime.class).toInstant();
	}

	static String international(String e164) {
		try {
			return PhoneNumber.international(e164, "ZZ");
		}
		catch (IllegalArgumentException ex) {
			return e164;
		}
	}

}
