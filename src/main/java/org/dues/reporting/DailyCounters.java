package org.dues.reporting;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.dues.shared.InvalidInputException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily counters of activity per creditor and agent
 * ({@code reporting_daily_counters}, {@code reporting_blocked_daily}), each day the
 * creditor's local day: attempts, right-party contacts and blocked attempts (contact's
 * {@code contact_attempt_report_facts}, the rule from compliance's
 * {@code compliance_blocking_rule_facts}), promises, plans and settlements taken (work's
 * {@code work_promise_facts}), kept and broken on the day they ended (arrangement's
 * {@code arrangement_outcome_facts}), payments by the day received and reversals by the
 * day made (reporting's own payment credits, fed by payment's events), messages sent and
 * delivered (messaging's {@code messaging_message_facts}), disputes and complaints opened
 * and closed (casework's {@code casework_case_facts}). A refresh rebuilds the days it
 * covers in one transaction, so it is idempotent and a fact that arrives late is counted
 * on its own day at the next refresh.
 */
@Service
public class DailyCounters {

	/** The longest span one refresh rebuilds. */
	public static final int LONGEST_DAYS = 400;

	private static final String COUNTERS = """
			WITH c AS (SELECT id, time_zone FROM portfolio_creditor_report_facts),
			facts AS (
			    SELECT CAST(x.started_at AT TIME ZONE c.time_zone AS date) AS day, a.creditor_id, x.agent,
			           count(*) FILTER (WHERE x.attempted) AS attempts, count(*) FILTER (WHERE x.right_party) AS right_party,
			           count(*) FILTER (WHERE x.blocked) AS blocked,
			           count(DISTINCT date_trunc('hour', x.started_at)) FILTER (WHERE x.attempted) AS active_hours,
			           0 AS promises, 0 AS promised, 0 AS kept, 0 AS kept_amount, 0 AS broken, 0 AS broken_amount,
			           0 AS payments, 0 AS paid, 0 AS reversals, 0 AS reversed, 0 AS messages_sent,
			           0 AS messages_delivered, 0 AS disputes_opened, 0 AS disputes_closed, 0 AS complaints_opened,
			           0 AS complaints_closed
			    FROM contact_attempt_report_facts x
			    JOIN portfolio_account_report_facts a ON a.id = x.account_id JOIN c ON c.id = a.creditor_id
			    WHERE x.started_at >= :lo AND x.started_at < :hi GROUP BY 1, 2, 3
			  UNION ALL
			    SELECT CAST(w.recorded_at AT TIME ZONE c.time_zone AS date), a.creditor_id, w.agent, 0, 0, 0, 0,
			           count(*), sum(w.amount), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
			    FROM work_promise_facts w
			    JOIN portfolio_account_report_facts a ON a.id = w.account_id JOIN c ON c.id = a.creditor_id
			    WHERE w.recorded_at >= :lo AND w.recorded_at < :hi GROUP BY 1, 2, 3
			  UNION ALL
			    SELECT CAST(o.closed_at AT TIME ZONE c.time_zone AS date), o.creditor_id, o.taken_by, 0, 0, 0, 0, 0, 0,
			           count(*) FILTER (WHERE o.kept), coalesce(sum(o.amount) FILTER (WHERE o.kept), 0),
			           count(*) FILTER (WHERE o.broken), coalesce(sum(o.amount) FILTER (WHERE o.broken), 0),
			           0, 0, 0, 0, 0, 0, 0, 0, 0, 0
			    FROM arrangement_outcome_facts o JOIN c ON c.id = o.creditor_id
			    WHERE o.closed_at >= :lo AND o.closed_at < :hi GROUP BY 1, 2, 3
			  UNION ALL
			    SELECT CASE WHEN p.kind = 'PAYMENT' THEN p.received_on ELSE CAST(p.at AT TIME ZONE c.time_zone AS date) END,
			           p.creditor_id, p.agent, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
			           count(*) FILTER (WHERE p.kind = 'PAYMENT'), coalesce(sum(p.amount) FILTER (WHERE p.kind = 'PAYMENT'), 0),
			           count(*) FILTER (WHERE p.kind = 'REVERSAL'),
			           coalesce(-sum(p.amount) FILTER (WHERE p.kind = 'REVERSAL'), 0), 0, 0, 0, 0, 0, 0
			    FROM reporting_payment_credits p JOIN c ON c.id = p.creditor_id
			    WHERE (p.kind = 'PAYMENT' AND p.received_on BETWEEN :first AND :last)
			       OR (p.kind = 'REVERSAL' AND p.at >= :lo AND p.at < :hi)
			    GROUP BY 1, 2, 3
			  UNION ALL
			    SELECT CAST(m.sent_at AT TIME ZONE c.time_zone AS date), m.creditor_id, m.created_by,
			           0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, count(*), 0, 0, 0, 0, 0
			    FROM messaging_message_facts m JOIN c ON c.id = m.creditor_id
			    WHERE m.sent_at >= :lo AND m.sent_at < :hi GROUP BY 1, 2, 3
			  UNION ALL
			    SELECT CAST(m.delivered_at AT TIME ZONE c.time_zone AS date), m.creditor_id, m.created_by,
			           0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, count(*), 0, 0, 0, 0
			    FROM messaging_message_facts m JOIN c ON c.id = m.creditor_id
			    WHERE m.delivered_at >= :lo AND m.delivered_at < :hi GROUP BY 1, 2, 3
			  UNION ALL
			    SELECT CAST(k.opened_at AT TIME ZONE c.time_zone AS date), k.creditor_id, k.opened_by,
			           0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
			           count(*) FILTER (WHERE k.type = 'DISPUTE'), 0, count(*) FILTER (WHERE k.type = 'COMPLAINT'), 0
			    FROM casework_case_facts k JOIN c ON c.id = k.creditor_id
			    WHERE k.opened_at >= :lo AND k.opened_at < :hi GROUP BY 1, 2, 3
			  UNION ALL
			    SELECT CAST(k.closed_at AT TIME ZONE c.time_zone AS date), k.creditor_id, coalesce(k.owner_user, k.opened_by),
			           0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
			           0, count(*) FILTER (WHERE k.type = 'DISPUTE'), 0, count(*) FILTER (WHERE k.type = 'COMPLAINT')
			    FROM casework_case_facts k JOIN c ON c.id = k.creditor_id
			    WHERE k.closed_at >= :lo AND k.closed_at < :hi GROUP BY 1, 2, 3
			)
			INSERT INTO reporting_daily_counters (day, creditor_id, agent, attempts, right_party, blocked, active_hours,
			    promises, promised, kept, kept_amount, broken, broken_amount, payments, paid, reversals, reversed,
			    messages_sent, messages_delivered, disputes_opened, disputes_closed, complaints_opened, complaints_closed)
			SELECT day, creditor_id, coalesce(agent, ''), sum(attempts), sum(right_party), sum(blocked), sum(active_hours),
			       sum(promises), sum(promised), sum(kept), sum(kept_amount), sum(broken), sum(broken_amount),
			       sum(payments), sum(paid), sum(reversals), sum(reversed), sum(messages_sent), sum(messages_delivered),
			       sum(disputes_opened), sum(disputes_closed), sum(complaints_opened), sum(complaints_closed)
			FROM facts WHERE day BETWEEN :first AND :last
			GROUP BY day, creditor_id, coalesce(agent, '')""";

	private static final String BLOCKED = """
			INSERT INTO reporting_blocked_daily (day, creditor_id, agent, rule, attempts)
			SELECT CAST(x.started_at AT TIME ZONE c.time_zone AS date), a.creditor_id, x.agent, coalesce(r.rule, '?'),
			       count(*)
			FROM contact_attempt_report_facts x
			JOIN portfolio_account_report_facts a ON a.id = x.account_id
			JOIN portfolio_creditor_report_facts c ON c.id = a.creditor_id
			LEFT JOIN compliance_blocking_rule_facts r ON r.decision_id = x.decision_id
			WHERE x.blocked AND x.started_at >= :lo AND x.started_at < :hi
			  AND CAST(x.started_at AT TIME ZONE c.time_zone AS date) BETWEEN :first AND :last
			GROUP BY 1, 2, 3, 4""";

	private final JdbcClient jdbc;

	DailyCounters(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Rebuilds the counters of the days from {@code first} to {@code last} (each
	 * creditor's local days), both included.
	 * @return the counter rows written
	 * @throws InvalidInputException when the span is backwards or longer than
	 * {@link #LONGEST_DAYS}
	 */
	@Transactional
	public int refresh(LocalDate first, LocalDate last) {
		if (last.isBefore(first) || first.plusDays(LONGEST_DAYS).isBefore(last)) {
			throw new InvalidInputException("to",
					"the days to count run backwards or span more than %d days".formatted(LONGEST_DAYS));
		}
		Map<String, Object> p = new HashMap<>();
		p.put("first", first);
		p.put("last", last);
		// every zone's local day lies within a day either side of the UTC day
		p.put("lo", Timestamp.from(first.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
		p.put("hi", Timestamp.from(last.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant()));
		this.jdbc.sql("DELETE FROM reporting_daily_counters WHERE day BETWEEN :first AND :last").params(p).update();
		this.jdbc.sql("DELETE FROM reporting_blocked_daily WHERE day BETWEEN :first AND :last").params(p).update();
		int rows = this.jdbc.sql(COUNTERS).params(p).update();
		this.jdbc.sql(BLOCKED).params(p).update();
		return rows;
	}

}
