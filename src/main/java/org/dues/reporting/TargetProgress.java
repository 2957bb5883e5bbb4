package org.dues.reporting;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.dues.casework.BusinessCalendar;
import org.dues.casework.Jurisdiction;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Progress against targets and the run-rate forecast to month end ({@link RunRate}), for
 * the agent's desk, the lead's floor and the manager's dashboard. The actual so far:
 * <ul>
 * <li>collected: payments received in the month (by the day received) less reversals made
 * in it, per currency, from reporting's own payment credits: those credited to the agent,
 * to the team's present members, or on the creditor's accounts (credited or not);</li>
 * <li>promises kept: promises, plans and settlements kept in the month (arrangement's
 * {@code arrangement_kept_facts}), taken by the agent or a member, or on the creditor's
 * accounts;</li>
 * <li>accounts resolved: accounts paid in full or settled in the month (portfolio's
 * {@code portfolio_resolved_facts}), the creditor's, or those whose last payment before
 * resolving was credited to the agent or a member.</li>
 * </ul>
 * Days are told in the creditor's zone for a creditor's target and in the zone asked for
 * (the floor's) for an agent's or team's; business days are Monday to Friday less the
 * public holidays of the creditor's jurisdiction (for agents and teams, of the
 * jurisdiction of a creditor in that zone, else none).
 */
@Service
public class TargetProgress {

	private final Targets targets;

	private final TargetSubjects subjects;

	private final Creditors creditors;

	private final JdbcClient jdbc;

	private final Clock clock;

	TargetProgress(Targets targets, TargetSubjects subjects, Creditors creditors, JdbcClient jdbc, Clock clock) {
		this.targets = targets;
		this.subjects = subjects;
		this.creditors = creditors;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The progress of every target of the month the reader reads (of the kind asked for,
	 * or all), agents' and teams' told in {@code zone}.
	 */
	@Transactional(readOnly = true)
	public List<Progress> of(TargetReader reader, YearMonth period, @Nullable TargetScope scope, ZoneId zone) {
		return this.targets.list(reader, period, scope).stream().map((t) -> progress(t, zone)).toList();
	}

	/** The progress of one subject's target for the month, if one is set. */
	@Transactional(readOnly = true)
	public Optional<Progress> of(YearMonth period, TargetScope scope, String id, ZoneId zone) {
		return this.targets.get(period, scope, id).map((t) -> progress(t, zone));
	}

	/** The agent's progress this month (in the zone), if they have a target. */
	@Transactional(readOnly = true)
	public Optional<Progress> thisMonth(String agent, ZoneId zone) {
		return of(YearMonth.now(this.clock.withZone(zone)), TargetScope.AGENT, agent, zone);
	}

	Progress progress(Target target, ZoneId floorZone) {
		CreditorView creditor = (target.scope() == TargetScope.CREDITOR) ? this.subjects.creditor(target.id()) : null;
		ZoneId zone = (creditor != null) ? creditor.timeZone() : floorZone;
		Predicate<LocalDate> businessDay = businessDays((creditor != null) ? creditor
				: this.creditors.list()
					.stream()
					.filter((c) -> c.timeZone().equals(floorZone))
					.findFirst()
					.orElse(null));
		YearMonth month = target.period();
		LocalDate today = LocalDate.now(this.clock.withZone(zone));
		RunRate days = RunRate.of(month, today, businessDay);
		Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
		Instant end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
		Instant now = this.clock.instant();
		Map<String, Object> p = new HashMap<>();
		p.put("from", Timestamp.from(from));
		p.put("to", Timestamp.from(now.isBefore(end) ? now : end));
		p.put("first", month.atDay(1));
		p.put("last", today.isBefore(month.atEndOfMonth()) ? today : month.atEndOfMonth());
		String credits;
		String arrangements;
		String resolved;
		if (target.scope() == TargetScope.CREDITOR) {
			p.put("creditor", creditor.id().value());
			String accounts = " IN (SELECT id FROM portfolio_account_facts WHERE creditor_id = :creditor)";
			credits = "account_id" + accounts;
			arrangements = "account_id" + accounts;
			resolved = "r.creditor_id = :creditor";
		}
		else {
			p.put("agents", (target.scope() == TargetScope.AGENT) ? new String[] { target.id() }
					: this.subjects.members(target.id()).toArray(String[]::new));
			credits = "agent = ANY(:agents)";
			arrangements = "taken_by = ANY(:agents)";
			resolved = """
					(SELECT c.agent FROM reporting_payment_credits c WHERE c.account_id = r.account_id
					    AND c.kind = 'PAYMENT' AND c.at <= r.resolved_at ORDER BY c.at DESC LIMIT 1) = ANY(:agents)""";
		}
		List<Progress.Line> lines = new ArrayList<>();
		if (!target.collected().isEmpty()) {
			Map<String, BigDecimal> collected = new HashMap<>();
			// payments by the day received (one received on the first may be posted a
			// day earlier), reversals by when they were made
			p.put("postedFrom", Timestamp.from(from.minus(java.time.Duration.ofDays(1))));
			this.jdbc.sql("""
					SELECT currency, sum(amount) FROM reporting_payment_credits
					WHERE %s AND at >= :postedFrom
					  AND ((kind = 'PAYMENT' AND received_on BETWEEN :first AND :last)
					       OR (kind = 'REVERSAL' AND at >= :from AND at < :to))
					GROUP BY currency""".formatted(credits)).params(p).query((rs) -> {
				collected.put(rs.getString(1).strip(), rs.getBigDecimal(2));
			});
			target.collected()
				.forEach((m) -> lines.add(Progress.Line.of(TargetMeasure.COLLECTED, m.currency(), m.amount(),
						collected.getOrDefault(m.currencyCode(), BigDecimal.ZERO), days)));
		}
		if (target.values().promisesKept() != null) {
			long kept = this.jdbc
				.sql("""
						SELECT count(*) FROM arrangement_kept_facts WHERE %s AND kept_at >= :from AND kept_at < :to"""
					.formatted(arrangements))
				.params(p)
				.query(Long.class)
				.single();
			lines.add(Progress.Line.of(TargetMeasure.PROMISES_KEPT, null,
					BigDecimal.valueOf(target.values().promisesKept()), BigDecimal.valueOf(kept), days));
		}
		if (target.values().accountsResolved() != null) {
			long count = this.jdbc.sql("""
					SELECT count(*) FROM portfolio_resolved_facts r
					WHERE r.resolved_at >= :from AND r.resolved_at < :to AND %s""".formatted(resolved))
				.params(p)
				.query(Long.class)
				.single();
			lines.add(Progress.Line.of(TargetMeasure.ACCOUNTS_RESOLVED, null,
					BigDecimal.valueOf(target.values().accountsResolved()), BigDecimal.valueOf(count), days));
		}
		LocalDate asOf = today.isBefore(month.atEndOfMonth()) ? today : month.atEndOfMonth();
		return new Progress(target, asOf, zone, days, lines);
	}

	/**
	 * Monday to Friday less the public holidays of the creditor's jurisdiction (and its
	 * own extra ones); with no creditor, Monday to Friday.
	 */
	static Predicate<LocalDate> businessDays(@Nullable CreditorView creditor) {
		if (creditor == null) {
			return (d) -> d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
		}
		try {
			BusinessCalendar calendar = BusinessCalendar.of(Jurisdiction.of(creditor.jurisdiction()));
			return calendar::isBusinessDay;
		}
		catch (RuntimeException ex) {
			// a jurisdiction with no calendar: the working week alone
			return businessDays(null);
		}
	}

}
