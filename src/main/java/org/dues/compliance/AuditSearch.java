package org.dues.compliance;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail as a compliance officer reads it: the records of an actor, an action,
 * some subjects and a period, newest first, a page at a time. Pages are cut by sequence
 * number (older than the last record shown, newer than the first), never by offset, so a
 * page deep in a long trail costs what the first does, and records written meanwhile do
 * not shift the page being read.
 */
@Service
public class AuditSearch {

	/** Records on a page. */
	public static final int PAGE_SIZE = 50;

	private final JdbcClient jdbc;

	AuditSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A page of the records the query matches, newest first.
	 * @return the records, and whether newer and older ones match too
	 */
	@Transactional(readOnly = true)
	public Page find(Query query) {
		Map<String, Object> params = new TreeMap<>();
		String where = conditions(query, params);
		boolean forward = query.after() != null && query.before() == null;
		StringBuilder sql = new StringBuilder(
				"SELECT seq, recorded_at, actor, action, subject, payload, prev_hash, hash, scheme FROM compliance_audit WHERE ")
			.append(where);
		if (query.before() != null) {
			sql.append(" AND seq < :before");
			params.put("before", query.before());
		}
		else if (forward) {
			sql.append(" AND seq > :after");
			params.put("after", query.after());
		}
		sql.append(forward ? " ORDER BY seq ASC" : " ORDER BY seq DESC").append(" LIMIT :limit");
		params.put("limit", PAGE_SIZE + 1);
		List<AuditTrail.Entry> found = new ArrayList<>(
				this.jdbc.sql(sql.toString()).params(params).query(AuditTrail::entry).list());
		boolean more = found.size() > PAGE_SIZE;
		if (more) {
			found.remove(found.size() - 1);
		}
		if (forward) {
			Collections.reverse(found);
		}
		if (found.isEmpty()) {
			return new Page(List.of(), false, false);
		}
		boolean newer = forward ? more : exists(where, params, "seq > :edge", found.get(0).seq());
		boolean older = forward ? exists(where, params, "seq < :edge", found.get(found.size() - 1).seq()) : more;
		return new Page(found, newer, older);
	}

	/**
	 * The actions the trail holds, in alphabetical order, read by skipping through the
	 * action index (one probe per action, however many records).
	 */
	@Transactional(readOnly = true)
	public List<String> actions() {
		return this.jdbc.sql("""
				WITH RECURSIVE found(action) AS (
				    (SELECT action FROM compliance_audit ORDER BY action LIMIT 1)
				    UNION ALL
				    SELECT (SELECT a.action FROM compliance_audit a WHERE a.action > f.action ORDER BY a.action LIMIT 1)
				    FROM found f WHERE f.action IS NOT NULL)
				SELECT action FROM found WHERE action IS NOT NULL""").query(String.class).list();
	}

	private boolean exists(String where, Map<String, Object> params, String edge, long seq) {
		Map<String, Object> all = new TreeMap<>(params);
		all.remove("before");
		all.remove("after");
		all.remove("limit");
		all.put("edge", seq);
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM compliance_audit WHERE " + where + " AND " + edge + ")")
			.params(all)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Only the conditions a query names, so that each one's index serves it (a condition
	 * of the form "or the parameter is null" would hide them from the planner).
	 */
	private static String conditions(Query query, Map<String, Object> params) {
		List<String> where = new ArrayList<>();
		where.add("TRUE");
		if (query.actor() != null) {
			where.add("actor = :actor");
			params.put("actor", query.actor());
		}
		if (query.action() != null) {
			where.add("action = :action");
			params.put("action", query.action());
		}
		if (query.subjects() != null) {
			where.add("subject = ANY(:subjects)");
			params.put("subjects", query.subjects().toArray(String[]::new));
		}
		if (query.from() != null) {
			where.add("recorded_at >= :from");
			params.put("from", Timestamp.from(query.from()));
		}
		if (query.until() != null) {
			where.add("recorded_at < :until");
			params.put("until", Timestamp.from(query.until()));
		}
		return String.join(" AND ", where);
	}

	/**
	 * What to look for; each part left null matches everything.
	 *
	 * @param actor who did it, exactly
	 * @param action what was done, exactly ({@code HOLD_PLACED})
	 * @param subjects what it was done to: any of these subjects exactly
	 * ({@code account:…}, {@code customer:…}, {@code creditor:…}, {@code user:…}); an
	 * empty list matches nothing
	 * @param from recorded at or after
	 * @param until recorded before
	 * @param before only records older than this sequence number (the next page)
	 * @param after only records newer than this sequence number (the previous page)
	 */
	public record Query(@Nullable String actor, @Nullable String action, @Nullable List<String> subjects,
			@Nullable Instant from, @Nullable Instant until, @Nullable Long before, @Nullable Long after) {

		public Query {
			subjects = (subjects == null) ? null : List.copyOf(subjects);
		}

	}

	/**
	 * A page of records, newest first.
	 *
	 * @param newer whether newer records match the query too
	 * @param older whether older ones do
	 */
	public record Page(List<AuditTrail.Entry> records, boolean newer, boolean older) {

		public Page {
			records = List.copyOf(records);
		}

	}

}
