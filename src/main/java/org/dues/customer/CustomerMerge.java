package org.dues.customer;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.dues.shared.BulkIds;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The set-based statements behind {@link CustomerIntake.Batch}, over the transaction's
 * temporary staging table. Known customers and contact points are found by anti-joins, so
 * rows that did not change are never written; new customers' contact points need no
 * lookup at all. Each known customer that gains a contact point is locked first, as the
 * foreign key of the new row would lock it (the caller may have switched row-by-row
 * foreign-key checks off).
 */
class CustomerMerge {

	private static final Logger log = LoggerFactory.getLogger(CustomerMerge.class);

	private final JdbcClient jdbc;

	private final Map<String, Object> params;

	/** Whether the batch has new customers, and known ones. */
	private boolean created;

	private boolean known;

	CustomerMerge(JdbcClient jdbc, UUID creditor, String source, OffsetDateTime now, Clock clock) {
		this.jdbc = jdbc;
		this.params = Map.of("creditor", creditor, "source", source, "now", now, "customerIds", BulkIds.prefix(clock),
				"phoneIds", BulkIds.prefix(clock), "emailIds", BulkIds.prefix(clock), "addressIds",
				BulkIds.prefix(clock));
	}

	/**
	 * Matches the batch's customers: fills {@code customer_import_resolved}, one row per
	 * customer, the known ones with their id, the new ones with the id they will get;
	 * {@code gained} is set by {@link #apply} for a known customer whose details did not
	 * change but who gained a contact point.
	 */
	void resolve() {
		update("ANALYZE customer_import_staging");
		// One row per customer of the batch, from its first row: the known ones matched
		// by
		// the creditor's reference, the new ones given an id.
		update("""
				CREATE TEMP TABLE customer_import_resolved ON COMMIT DROP AS
				SELECT f.customer_ref, f.line, f.name, f.name_key, f.language, f.date_of_birth, f.national_id_enc, f.national_id_last4,
				    c.id IS NULL AS created,
				    coalesce(c.id, %s) AS customer_id,
				    c.id IS NULL OR c.name <> f.name
				        OR (f.language IS NOT NULL AND c.language IS DISTINCT FROM f.language)
				        OR (f.date_of_birth IS NOT NULL AND c.date_of_birth IS DISTINCT FROM f.date_of_birth)
				        OR (f.national_id_enc IS NOT NULL AND c.national_id_enc IS DISTINCT FROM f.national_id_enc) AS changed,
				    false AS locked, false AS gained
				FROM (SELECT DISTINCT ON (customer_ref) customer_ref, line, name, name_key, language, date_of_birth,
				          national_id_enc, national_id_last4
				      FROM customer_import_staging ORDER BY customer_ref, line) f
				LEFT JOIN customer_customers c ON c.creditor_id = :creditor AND c.customer_ref = f.customer_ref"""
			.formatted(BulkIds.sql("customerIds", "f.line")));
		update("ANALYZE customer_import_resolved");
		// Which of the two ways of adding contact points the batch needs (a first import
		// has known customers only by chance, a daily file mostly).
		this.jdbc.sql("SELECT bool_or(created), bool_or(NOT created) FROM customer_import_resolved").query((rs) -> {
			this.created = rs.getBoolean(1);
			this.known = rs.getBoolean(2);
		});
	}

	/** Writes the resolved customers and their new contact points. */
	void apply() {
		if (this.created) {
			insertNewCustomers();
		}
		update("""
				WITH updated AS (
				    UPDATE customer_customers c SET name = r.name, name_key = r.name_key, language = coalesce(r.language, c.language),
				        date_of_birth = coalesce(r.date_of_birth, c.date_of_birth),
				        national_id_enc = coalesce(r.national_id_enc, c.national_id_enc),
				        national_id_last4 = coalesce(r.national_id_last4, c.national_id_last4), updated_at = :now
				    FROM customer_import_resolved r
				    WHERE c.id = r.customer_id AND r.changed AND NOT r.created
				    RETURNING c.id
				)
				UPDATE customer_import_resolved r SET locked = true FROM updated u WHERE r.customer_id = u.id""");
		// Contact points: new ones only, numbers compared in E.164, in file order.
		addContactPoints("customer_phones",
				"""
						SELECT DISTINCT ON (r.customer_id, x.e164) r.customer_id, s.line, x.n, x.e164, x.type, x.zones
						FROM customer_import_staging s JOIN customer_import_resolved r ON r.customer_ref = s.customer_ref
						CROSS JOIN LATERAL unnest(s.phones, s.phone_types, s.phone_zones) WITH ORDINALITY AS x(e164, type, zones, n)
						WHERE r.created = :created
						ORDER BY r.customer_id, x.e164, s.line, x.n""",
				"p.e164 = g.e164",
				"""
						INSERT INTO customer_phones (id, customer_id, e164, phone_type, time_zones, source, position, created_at)
						SELECT %s, g.customer_id, g.e164, g.type,
						       CASE WHEN g.zones = '' THEN '{}'::text[] ELSE string_to_array(g.zones, ',') END,
						"""
					.formatted(BulkIds.sql("phoneIds", "g.line * 4 + g.n")),
				"(customer_id, e164)");
		addContactPoints("customer_emails", """
				SELECT DISTINCT ON (r.customer_id, s.email) r.customer_id, s.line, 1 AS n, s.email
				FROM customer_import_staging s JOIN customer_import_resolved r ON r.customer_ref = s.customer_ref
				WHERE s.email IS NOT NULL AND r.created = :created
				ORDER BY r.customer_id, s.email, s.line""", "p.address = g.email", """
				INSERT INTO customer_emails (id, customer_id, address, source, position, created_at)
				SELECT %s, g.customer_id, g.email,
				""".formatted(BulkIds.sql("emailIds", "g.line")), "(customer_id, address)");
		addContactPoints("customer_addresses", """
				SELECT DISTINCT ON (r.customer_id, coalesce(s.line1, ''), coalesce(s.line2, ''), coalesce(s.city, ''),
				    coalesce(s.state, ''), coalesce(s.postal_code, ''), s.country)
				    r.customer_id, s.line, 1 AS n, s.line1, s.line2, s.city, s.state, s.postal_code, s.country
				FROM customer_import_staging s JOIN customer_import_resolved r ON r.customer_ref = s.customer_ref
				WHERE s.country IS NOT NULL AND r.created = :created
				ORDER BY r.customer_id, coalesce(s.line1, ''), coalesce(s.line2, ''), coalesce(s.city, ''),
				    coalesce(s.state, ''), coalesce(s.postal_code, ''), s.country, s.line""", """
				coalesce(p.line1, '') = coalesce(g.line1, '') AND coalesce(p.line2, '') = coalesce(g.line2, '')
				AND coalesce(p.city, '') = coalesce(g.city, '') AND coalesce(p.state, '') = coalesce(g.state, '')
				AND coalesce(p.postal_code, '') = coalesce(g.postal_code, '') AND p.country = g.country""",
				"""
						INSERT INTO customer_addresses (id, customer_id, line1, line2, city, state, postal_code, country, source,
						    position, created_at)
						SELECT %s, g.customer_id, g.line1, g.line2, g.city, g.state, g.postal_code, g.country,
						"""
					.formatted(BulkIds.sql("addressIds", "g.line")),
				"");
	}

	/** Inserts the new customers, in the order of their first lines. */
	private void insertNewCustomers() {
		update("""
				INSERT INTO customer_customers (id, creditor_id, customer_ref, kind, name, name_key, language,
				    date_of_birth, national_id_enc, national_id_last4, created_at, updated_at)
				SELECT customer_id, :creditor, customer_ref, 'PERSON', name, name_key, language, date_of_birth, national_id_enc,
				    national_id_last4, :now, :now
				FROM customer_import_resolved r WHERE created ORDER BY line""");
	}

	/**
	 * Adds the contact points of one kind that the customers do not have yet, numbered
	 * after the ones they have, in file order. A new customer's are inserted straight
	 * from the staged rows; a known customer's are first matched against the ones stored.
	 * @param given one row per customer and contact point of the batch: its
	 * {@code customer_id}, {@code line} and {@code n} (the order within the line), and
	 * the values of the contact point; it keeps only the customers whose
	 * {@code r.created} equals {@code :created}
	 * @param same whether a stored contact point {@code p} is the given one {@code g}
	 * @param insert the insert up to the values of {@code source, position, created_at},
	 * selecting from the given rows {@code g}
	 * @param conflict the unique columns of a contact point
	 */
	private void addContactPoints(String table, String given, String same, String insert, String conflict) {
		// New customers' contact points cannot clash, and their numbering starts at 1:
		// one statement, its rows in the order of the customers' ids (their first lines).
		if (this.created) {
			update(insert + """
					:source, row_number() OVER (PARTITION BY g.customer_id ORDER BY g.line, g.n), :now
					FROM (%s) g
					ORDER BY g.customer_id, g.line, g.n""".formatted(given), Map.of("created", true));
		}
		if (!this.known) {
			return;
		}
		update("CREATE TEMP TABLE customer_import_given ON COMMIT DROP AS " + given, Map.of("created", false));
		update("ANALYZE customer_import_given");
		update("""
				DELETE FROM customer_import_given g
				WHERE EXISTS (SELECT 1 FROM %s p WHERE p.customer_id = g.customer_id AND %s)""".formatted(table, same));
		// Known customers that gain a contact point are locked in id order first.
		update("""
				WITH locked AS (
				    SELECT c.id FROM customer_customers c
				    WHERE c.id IN (SELECT g.customer_id FROM customer_import_given g JOIN customer_import_resolved r
				                   ON r.customer_id = g.customer_id WHERE NOT r.locked)
				    ORDER BY c.id FOR KEY SHARE
				)
				UPDATE customer_import_resolved r SET locked = true FROM locked l WHERE r.customer_id = l.id""");
		// A known customer's could clash with one added at the same moment.
		update("""
				WITH added AS (
				    %s
				    :source,
				    row_number() OVER (PARTITION BY g.customer_id ORDER BY g.line, g.n)
				        + coalesce((SELECT max(p.position) FROM %s p WHERE p.customer_id = g.customer_id), 0),
				    :now
				    FROM customer_import_given g
				    ORDER BY g.line, g.n
				    ON CONFLICT %s DO NOTHING
				    RETURNING customer_id
				)
				UPDATE customer_import_resolved r SET changed = true, gained = true
				FROM (SELECT DISTINCT customer_id FROM added) a WHERE r.customer_id = a.customer_id AND NOT r.changed"""
			.formatted(insert, table, conflict));
		update("DROP TABLE customer_import_given");
	}

	/** Runs a statement; parameters it does not name are ignored. */
	private void update(String sql) {
		update(sql, Map.of());
	}

	private void update(String sql, Map<String, Object> more) {
		long started = System.nanoTime();
		int rows = this.jdbc.sql(sql).params(this.params).params(more).update();
		if (log.isDebugEnabled()) {
			log.debug("{} rows in {} ms: {}", rows, (System.nanoTime() - started) / 1_000_000,
					sql.strip().lines().limit(2).map(String::strip).collect(Collectors.joining(" ")));
		}
	}

}
