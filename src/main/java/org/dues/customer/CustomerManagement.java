package org.dues.customer;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.dues.shared.EmailAddress;
import org.dues.shared.NotFoundException;
import org.dues.shared.PhoneNumber;
import org.dues.shared.PostalAddress;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers and their contact points.
 */
@Service
public class CustomerManagement {

	private final JdbcClient jdbc;

	private final ContactPoints contactPoints;

	private final Clock clock;

	private final NationalIds nationalIds;

	private final ContactPointChanges changes;

	CustomerManagement(JdbcClient jdbc, Clock clock, NationalIds nationalIds, ContactPointChanges changes) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.nationalIds = nationalIds;
		this.changes = changes;
		this.contactPoints = new ContactPoints(jdbc);
	}

	/**
	 * Records a creditor's customer: creates it, or updates its name, language and date
	 * of birth and merges in new contact points (numbers compared in E.164), never
	 * dropping what is known. Joins the caller's transaction.
	 * @return the customer and whether anything changed
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public Upsert record(CustomerDetails details) {
		OffsetDateTime now = OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
		// Insert first so two placements of one new customer at once cannot both create
		// it.
		CustomerId fresh = CustomerId.random();
		NationalIds.Sealed nationalId = (details.nationalId() == null) ? null
				: this.nationalIds.seal(details.nationalId());
		boolean created = this.jdbc.sql("""
				INSERT INTO customer_customers (id, creditor_id, customer_ref, kind, name, name_key, language,
				    date_of_birth, national_id_enc, national_id_last4, created_at, updated_at)
				VALUES (:id, :creditor, :ref, :kind, :name, :nameKey, :language, :dob, :nid, :nidLast4, :now, :now)
				ON CONFLICT (creditor_id, customer_ref) DO NOTHING""")
			.param("nid", (nationalId == null) ? null : nationalId.encrypted())
			.param("nidLast4", (nationalId == null) ? null : nationalId.last4())
			.param("id", fresh.value())
			.param("creditor", details.creditorId())
			.param("ref", details.customerRef())
			.param("kind", details.kind().name())
			.param("name", details.name())
			.param("nameKey", NameKey.of(details.name()))
			.param("language", details.language())
			.param("dob", details.dateOfBirth())
			.param("now", now)
			.update() == 1;
		CustomerId id;
		boolean changed = created;
		if (created) {
			id = fresh;
		}
		else {
			CustomerView known = findByRef(details.creditorId(), details.customerRef()).orElseThrow();
			byte @Nullable [] storedId = this.jdbc
				.sql("SELECT national_id_enc FROM customer_customers WHERE id = :id FOR UPDATE")
				.param("id", known.id().value())
				.query((rs, n) -> java.util.Optional.ofNullable(rs.getBytes(1)))
				.single()
				.orElse(null);
			id = known.id();
			String language = details.language() != null ? details.language() : known.language();
			var dob = details.dateOfBirth() != null ? details.dateOfBirth() : known.dateOfBirth();
			boolean newId = nationalId != null && !java.util.Arrays.equals(nationalId.encrypted(), storedId);
			changed = !known.name().equals(details.name()) || !Objects.equals(language, known.language())
					|| !Objects.equals(dob, known.dateOfBirth()) || known.kind() != details.kind() || newId;
			if (changed) {
				this.jdbc
					.sql("""
							UPDATE customer_customers SET name = :name, name_key = :nameKey, language = :language,
							    date_of_birth = :dob,
							    kind = :kind, national_id_enc = coalesce(:nid, national_id_enc),
							    national_id_last4 = coalesce(:nidLast4, national_id_last4), updated_at = :now WHERE id = :id""")
					.param("nid", (nationalId == null) ? null : nationalId.encrypted())
					.param("nidLast4", (nationalId == null) ? null : nationalId.last4())
					.param("id", id.value())
					.param("name", details.name())
					.param("nameKey", NameKey.of(details.name()))
					.param("language", language)
					.param("dob", dob)
					.param("kind", details.kind().name())
					.param("now", now)
					.update();
			}
		}
		int added = 0;
		for (PhoneNumber phone : details.phones()) {
			added += this.contactPoints.addPhone(id, phone, details.source(), now);
		}
		for (EmailAddress email : details.emails()) {
			added += this.contactPoints.addEmail(id, email, details.source(), now);
		}
		for (PostalAddress address : details.addresses()) {
			added += this.contactPoints.addAddress(id, address, details.source(), now);
		}
		return new Upsert(id, created, changed || added > 0);
	}

	/**
	 * Marks one of the customer's numbers as someone else's: it is no longer called, and
	 * its time zones no longer count as the customer's. Kept in the contact-point history
	 * and audited as {@link ContactPointChanges#markWrongNumber} does, by "system".
	 * @return whether the number was the customer's and is now marked
	 */
	@Transactional
	public boolean markWrongNumber(CustomerId id, String e164) {
		return markWrongNumber(id, e164, "system");
	}

	/**
	 * As {@link #markWrongNumber(CustomerId, String)}, by the agent whose call found it.
	 */
	@Transactional
	public boolean markWrongNumber(CustomerId id, String e164, String agent) {
		return this.changes.markWrongNumber(id, e164, "a call's outcome: wrong number", agent);
	}

	/**
	 * Records whether the customer gave their prior express consent to calls placed by an
	 * autodialer to one of their numbers (in the US, the TCPA's consent, 47 U.S.C.
	 * 227(b)(1)(A)): a dialer's progressive and predictive calls go only to numbers with
	 * it.
	 * @return whether the number is the customer's
	 */
	@Transactional
	public boolean consentToAutodial(CustomerId id, String e164, boolean consent) {
		return this.jdbc.sql(
				"UPDATE customer_phones SET consent_autodial = :consent WHERE customer_id = :customer AND e164 = :e164")
			.param("consent", consent)
			.param("customer", id.value())
			.param("e164", e164)
			.update() == 1;
	}

	/**
	 * The customer and every other customer known to be the same person: one a creditor
	 * gave the same national id, or one with the same date of birth and name (its Latin
	 * key) who shares a number not marked wrong. The customer comes first, the others in
	 * the order they were created.
	 */
	@Transactional(readOnly = true)
	public List<CustomerId> samePerson(CustomerId id) {
		List<CustomerId> same = new java.util.ArrayList<>();
		same.add(id);
		this.jdbc.sql("""
				SELECT o.id FROM customer_customers c JOIN customer_customers o
				    ON o.national_id_enc = c.national_id_enc AND o.id <> c.id
				WHERE c.id = :id AND c.national_id_enc IS NOT NULL
				UNION
				SELECT o.id FROM customer_customers c
				JOIN customer_phones p ON p.customer_id = c.id AND NOT p.wrong_number
				JOIN customer_phones q ON q.e164 = p.e164 AND q.customer_id <> c.id AND NOT q.wrong_number
				JOIN customer_customers o ON o.id = q.customer_id AND o.date_of_birth = c.date_of_birth
				    AND o.name_key = c.name_key
				WHERE c.id = :id AND c.date_of_birth IS NOT NULL""")
			.param("id", id.value())
			.query(UUID.class)
			.list()
			.stream()
			.distinct()
			.map(CustomerId::new)
			.forEach(same::add);
		if (same.size() > 2) {
			// a stable order: the rest by when they were created
			List<CustomerId> rest = this.jdbc
				.sql("SELECT id FROM customer_customers WHERE id = ANY(:ids) ORDER BY created_at, id")
				.param("ids", same.subList(1, same.size()).stream().map(CustomerId::value).toArray(UUID[]::new))
				.query((rs, n) -> new CustomerId(rs.getObject(1, UUID.class)))
				.list();
			same.subList(1, same.size()).clear();
			same.addAll(rest);
		}
		return same;
	}

	/** The creditor whose customer this is. */
	@Transactional(readOnly = true)
	public UUID creditorOf(CustomerId id) {
		return this.jdbc.sql("SELECT creditor_id FROM customer_customers WHERE id = :id")
			.param("id", id.value())
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("customer", id));
	}

	/**
	 * The customer's national id in clear, for a role that needs it (decrypted here,
	 * never stored so); null when none is known.
	 */
	@Transactional(readOnly = true)
	public @Nullable String nationalId(CustomerId id) {
		return this.nationalIds.reveal(this.jdbc.sql("SELECT national_id_enc FROM customer_customers WHERE id = :id")
			.param("id", id.value())
			.query((rs, n) -> rs.getBytes(1))
			.optional()
			.orElse(null));
	}

	/** The customer with all contact points. */
	public CustomerView get(CustomerId id) {
		return findAll(List.of(id.value())).stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("customer", id));
	}

	/** The customers with these ids, keyed by id; unknown ids are left out. */
	public Map<CustomerId, CustomerView> getAll(Collection<CustomerId> ids) {
		return findAll(ids.stream().map(CustomerId::value).distinct().toList()).stream()
			.collect(Collectors.toMap(CustomerView::id, Function.identity()));
	}

	/**
	 * A few customers who speak the language (ISO 639-1) and have a phone, oldest first:
	 * the callers the demo's simulated carrier suggests.
	 */
	public List<CustomerView> speakingWithPhone(String language, int limit) {
		List<UUID> ids = this.jdbc.sql("""
				SELECT c.id FROM customer_customers c
				WHERE c.language = :language AND EXISTS (SELECT 1 FROM customer_phones p WHERE p.customer_id = c.id)
				ORDER BY c.customer_ref LIMIT :limit""")
			.param("language", language)
			.param("limit", limit)
			.query(UUID.class)
			.list();
		return findAll(ids);
	}

	/** A creditor's customer by the creditor's reference. */
	public Optional<CustomerView> findByRef(UUID creditorId, String customerRef) {
		List<UUID> ids = this.jdbc
			.sql("SELECT id FROM customer_customers WHERE creditor_id = :creditor AND customer_ref = :ref")
			.param("creditor", creditorId)
			.param("ref", customerRef)
			.query(UUID.class)
			.list();
		return findAll(ids).stream().findFirst();
	}

	/**
	 * Customers who have the number, tried as written and as a number of each region
	 * given; none when the text is no phone number. Names are searched through the
	 * published face {@code customer_search_facts} and {@link NameKey}.
	 */
	public List<CustomerId> withPhone(String text, List<String> regions) {
		String trimmed = text.strip();
		List<String> numbers = regions.stream().flatMap((region) -> {
			try {
				return java.util.stream.Stream.of(PhoneNumber.parse(trimmed, region).e164());
			}
			catch (IllegalArgumentException ex) {
				return java.util.stream.Stream.empty();
			}
		}).distinct().toList();
		if (numbers.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("SELECT DISTINCT customer_id FROM customer_phones WHERE e164 = ANY(:numbers)")
			.param("numbers", numbers.toArray(String[]::new))
			.query((rs, n) -> new CustomerId(rs.getObject(1, UUID.class)))
			.list();
	}

	/** Customers who have the email address (compared without regard to case). */
	public List<CustomerId> withEmail(String address) {
		return this.jdbc.sql("SELECT DISTINCT customer_id FROM customer_emails WHERE lower(address) = lower(:address)")
			.param("address", address.strip())
			.query((rs, n) -> new CustomerId(rs.getObject(1, UUID.class)))
			.list();
	}

	private List<CustomerView> findAll(List<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		UUID[] array = ids.toArray(UUID[]::new);
		var phones = this.contactPoints.phones(array);
		var emails = this.contactPoints.emails(array);
		var addresses = this.contactPoints.addresses(array);
		return this.jdbc.sql("""
				SELECT id, customer_ref, kind, name, language, date_of_birth, national_id_last4 FROM customer_customers
				WHERE id = ANY(:ids)""").param("ids", array).query((rs, n) -> {
			UUID id = rs.getObject("id", UUID.class);
			return new CustomerView(new CustomerId(id), rs.getString("customer_ref"),
					CustomerKind.valueOf(rs.getString("kind")), rs.getString("name"), rs.getString("language"),
					rs.getObject("date_of_birth", java.time.LocalDate.class), phones.getOrDefault(id, List.of()),
					emails.getOrDefault(id, List.of()), addresses.getOrDefault(id, List.of()),
					rs.getString("national_id_last4"));
		}).list();
	}

	static List<String> strings(Array array) throws SQLException {
		return Arrays.asList((String[]) array.getArray());
	}

	/**
	 * The outcome of recording a customer.
	 *
	 * @param created the customer is new
	 * @param changed anything at all was created or changed
	 */
	public record Upsert(CustomerId id, boolean created, boolean changed) {
	}

}
