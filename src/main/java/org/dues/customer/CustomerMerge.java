package org.dues.customer;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The set-based statements behind {@link CustomerBulk#merge}, over the transaction's
 * temporary staging table.
 */
class CustomerMerge {

	private final JdbcClient jdbc;

	private final UUID creditor;

	private final String source;

	private final OffsetDateTime now;

	CustomerMerge(JdbcClient jdbc, UUID creditor, String source, OffsetDateTime now) {
		this.jdbc = jdbc;
		this.creditor = creditor;
		this.source = source;
		this.now = now;
	}

	void run() {
		update("""
				CREATE TEMP TABLE IF NOT EXISTS customer_import_resolved (
				    customer_ref text NOT NULL, customer_id uuid NOT NULL, changed boolean NOT NULL,
				    created boolean NOT NULL
				) ON COMMIT DROP""");
		// New customers and known ones whose name, language or date of birth changed
		// (changed),
		// then every other known customer of the batch (unchanged so far).
		update("""
				WITH firsts AS (
				    SELECT DISTINCT ON (customer_ref) customer_ref, name, language, date_of_birth
				    FROM customer_import_staging ORDER BY customer_ref, line
				), upserted AS (
				    INSERT INTO customer_customers AS c (id, creditor_id, customer_ref, kind, name, language, date_of_birth,
				        created_at, updated_at)
				    SELECT dues_uuid_v7(), :creditor, customer_ref, 'PERSON', name, language, date_of_birth, :now, :now
				    FROM firsts
				    ON CONFLICT (creditor_id, customer_ref) DO UPDATE
				        SET name = EXCLUDED.name, language = coalesce(EXCLUDED.language, c.language),
				            date_of_birth = coalesce(EXCLUDED.date_of_birth, c.date_of_birth), updated_at = EXCLUDED.updated_at
				        WHERE c.name <> EXCLUDED.name
				           OR (EXCLUDED.language IS NOT NULL AND c.language IS DISTINCT FROM EXCLUDED.language)
				           OR (EXCLUDED.date_of_birth IS NOT NULL AND c.date_of_birth IS DISTINCT FROM EXCLUDED.date_of_birth)
				    RETURNING c.id, c.customer_ref, (c.xmax = 0) AS created
				)
				INSERT INTO customer_import_resolved (customer_ref, customer_id, changed, created)
				SELECT customer_ref, id, true, created FROM upserted
				UNION ALL
				SELECT c.customer_ref, c.id, false, false
				FROM firsts f JOIN customer_customers c ON c.creditor_id = :creditor AND c.customer_ref = f.customer_ref
				WHERE NOT EXISTS (SELECT 1 FROM upserted u WHERE u.customer_ref = f.customer_ref)""");
		update("ANALYZE customer_import_resolved");
		// Contact points: new ones only, numbers compared in E.164, in file order.
		update("""
				WITH given AS (
				    SELECT DISTINCT ON (r.customer_id, x.e164) r.customer_id, r.created, x.e164, x.type, x.zones, s.line, x.n
				    FROM customer_import_staging s
				    JOIN customer_import_resolved r ON r.customer_ref = s.customer_ref
				    CROSS JOIN LATERAL unnest(s.phones, s.phone_types, s.phone_zones) WITH ORDINALITY AS x(e164, type, zones, n)
				    ORDER BY r.customer_id, x.e164, s.line, x.n
				), fresh AS (
				    SELECT g.*, row_number() OVER (PARTITION BY g.customer_id ORDER BY g.line, g.n) AS rank
				    FROM given g
				    WHERE g.created
				       OR NOT EXISTS (SELECT 1 FROM customer_phones p WHERE p.customer_id = g.customer_id AND p.e164 = g.e164)
				), added AS (
				    INSERT INTO customer_phones (id, customer_id, e164, phone_type, source, time_zones, position, created_at)
				    SELECT dues_uuid_v7(), f.customer_id, f.e164, f.type, :source,
				           CASE WHEN f.zones = '' THEN '{}'::text[] ELSE string_to_array(f.zones, ',') END,
				           f.rank + CASE WHEN f.created THEN 0 ELSE
				               coalesce((SELECT max(p.position) FROM customer_phones p WHERE p.customer_id = f.customer_id), 0) END,
				           :now
				    FROM fresh f
				    ON CONFLICT (customer_id, e164) DO NOTHING
				    RETURNING customer_id
				)
				UPDATE customer_import_resolved r SET changed = true
				FROM (SELECT DISTINCT customer_id FROM added) a WHERE r.customer_id = a.customer_id AND NOT r.changed""");
		update("""
				WITH given AS (
				    SELECT DISTINCT ON (r.customer_id, s.email) r.customer_id, r.created, s.email, s.line
				    FROM customer_import_staging s JOIN customer_import_resolved r ON r.customer_ref = s.customer_ref
				    WHERE s.email IS NOT NULL
				    ORDER BY r.customer_id, s.email, s.line
				), fresh AS (
				    SELECT g.*, row_number() OVER (PARTITION BY g.customer_id ORDER BY g.line) AS rank FROM given g
				    WHERE g.created
				       OR NOT EXISTS (SELECT 1 FROM customer_emails e WHERE e.customer_id = g.customer_id AND e.address = g.email)
				), added AS (
				    INSERT INTO customer_emails (id, customer_id, address, source, position, created_at)
				    SELECT dues_uuid_v7(), f.customer_id, f.email, :source,
				           f.rank + CASE WHEN f.created THEN 0 ELSE
				               coalesce((SELECT max(e.position) FROM customer_emails e WHERE e.customer_id = f.customer_id), 0) END,
				           :now
				    FROM fresh f
				    ON CONFLICT (customer_id, address) DO NOTHING
				    RETURNING customer_id
				)
				UPDATE customer_import_resolved r SET changed = true
				FROM (SELECT DISTINCT customer_id FROM added) a WHERE r.customer_id = a.customer_id AND NOT r.changed""");
		update("""
				WITH given AS (
				    SELECT DISTINCT ON (r.customer_id, coalesce(s.line1, ''), coalesce(s.line2, ''), coalesce(s.city, ''),
				        coalesce(s.state, ''), coalesce(s.postal_code, ''), s.country)
				        r.customer_id, r.created, s.line1, s.line2, s.city, s.state, s.postal_code, s.country, s.line
				    FROM customer_import_staging s JOIN customer_import_resolved r ON r.customer_ref = s.customer_ref
				    WHERE s.country IS NOT NULL
				    ORDER BY r.customer_id, coalesce(s.line1, ''), coalesce(s.line2, ''), coalesce(s.city, ''),
				        coalesce(s.state, ''), coalesce(s.postal_code, ''), s.country, s.line
				), fresh AS (
				    SELECT g.*, row_number() OVER (PARTITION BY g.customer_id ORDER BY g.line) AS rank FROM given g
				    WHERE g.created OR NOT EXISTS (SELECT 1 FROM customer_addresses a WHERE a.customer_id = g.customer_id
				        AND coalesce(a.line1, '') = coalesce(g.line1, '') AND coalesce(a.line2, '') = coalesce(g.line2, '')
				        AND coalesce(a.city, '') = coalesce(g.city, '') AND coalesce(a.state, '') = coalesce(g.state, '')
				        AND coalesce(a.postal_code, '') = coalesce(g.postal_code, '') AND a.country = g.country)
				), added AS (
				    INSERT INTO customer_addresses (id, customer_id, line1, line2, city, state, postal_code, country, source,
				        position, created_at)
				    SELECT dues_uuid_v7(), f.customer_id, f.line1, f.line2, f.city, f.state, f.postal_code, f.country,
				           :source,
				           f.rank + CASE WHEN f.created THEN 0 ELSE
				               coalesce((SELECT max(a.position) FROM customer_addresses a WHERE a.customer_id = f.customer_id), 0) END,
				           :now
				    FROM fresh f
				    ON CONFLICT DO NOTHING
				    RETURNING customer_id
				)
				UPDATE customer_import_resolved r SET changed = true
				FROM (SELECT DISTINCT customer_id FROM added) a WHERE r.customer_id = a.customer_id AND NOT r.changed""");
	}

	/** Runs a statement; parameters it does not name are ignored. */
	private void update(String sql) {
		this.jdbc.sql(sql).params(Map.of("creditor", this.creditor, "source", this.source, "now", this.now)).update();
	}

}
