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
import java.util.Set;
import java.util.HashSet;
import java.util.function.Predicate;

import org.dues.casework.BusinessCalendar;
import org.dues.casework.Jurisdiction;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.shared.Money;
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
	 * or all), agents' and teams' told in {@code zone}: the agents' and teams' actuals in
	 * three statements for all of them, a creditor's in three of its own.
	 */
	@Transactional(readOnly = true)
	public List<Progress> of(TargetReader reader, YearMonth period, @Nullable TargetScope scope, ZoneId zone) {
		return progress(this.targets.list(reader, period, scope), period, zone);
	}

	/** The progress of one subject's target for the month, if one is set. */
	@Transactional(readOnly = true)
	public Optional<Progress> of(YearMonth period, TargetScope scope, String id, ZoneId zone) {
		return this.targets.get(period, scope, id).map((t) -> progress(List.of(t), period, zone).get(0));
	}

	/** The agent's progress this month (in the zone), if they have a target. */
	@Transactional(readOnly = true)
	public Optional<Progress> thisMonth(String agent, ZoneId zone) {
		return of(YearMonth.now(this.clock.withZone(zone)), TargetScope.AGENT, agent, zone);
	}

	private List<Progress> progress(List<Target> targets, YearMonth month, ZoneId floorZone) {
		Map<String, List<String>> members = new HashMap<>();
		Set<String> agents = new HashSet<>();
		for (Target target : targets) {
			if (target.scope() != TargetScope.CREDITOR) {
				List<String> of = (target.scope() == TargetScope.AGENT) ? List.of(target.id())
						: this.subjects.members(target.id());
				members.put(target.id(), of);
				agents.addAll(of);
			}
		}
		Window floor = window(month, floorZone,
				this.creditors.list().stream().filter((c) -> c.timeZone().equals(floorZone)).findFirst().orElse(null));
		Actuals actuals = agents.isEmpty() ? Actuals.NONE
				: actuals(floor, "agent = ANY(:agents)", "taken_by = ANY(:agents)", """
						(SELECT c.agent FROM reporting_payment_credits c WHERE c.account_id = r.account_id
						    AND c.kind = 'PAYMENT' AND c.at <= r.resolved_at ORDER BY c.at DESC LIMIT 1)""", "agent",
						"taken_by", Map.of("agents", agents.toArray(String[]::new)));
		List<Progress> progress = new ArrayList<>();
		for (Target target : targets) {
			if (target.scope() == TargetScope.CREDITOR) {
				CreditorView creditor = this.subjects.creditor(target.id());
				Window own = window(month, creditor.timeZone(), creditor);
				String accounts = " IN (SELECT id FROM portfolio_account_facts WHERE creditor_id = :creditor)";
				Actuals mine = actuals(own, "account_id" + accounts, "account_id" + accounts,
						"CASE WHEN r.creditor_id = :creditor THEN CAST('creditor' AS text) END",
						"CAST('creditor' AS text)", "CAST('creditor' AS text)",
						Map.of("creditor", creditor.id().value()));
				progress.add(progress(target, own, mine, List.of("creditor")));
			}
			else {
				progress.add(progress(target, floor, actuals, members.get(target.id())));
			}
		}
		return progress;
	}

	private static Progress progress(Target target, Window window, Actuals actuals, List<String> whose) {
		List<Progress.Line> lines = new ArrayList<>();
		for (Money money : target.collected()) {
			BigDecimal actual = BigDecimal.ZERO;
			for (String who : whose) {
				actual = actual.add(actuals.collected()
					.getOrDefault(who, Map.of())
					.getOrDefault(money.currencyCode(), BigDecimal.ZERO));
			}
			lines.add(
					Progress.Line.of(TargetMeasure.COLLECTED, money.currency(), money.amount(), actual, window.days()));
		}
		if (target.values().promisesKept() != null) {
			long kept = whose.stream().mapToLong((w) -> actuals.kept().getOrDefault(w, 0L)).sum();
			lines.add(Progress.Line.of(TargetMeasure.PROMISES_KEPT, null,
					BigDecimal.valueOf(target.values().promisesKept()), BigDecimal.valueOf(kept), window.days()));
		}
		if (target.values().accountsResolved() != null) {
			long resolved = whose.stream().mapToLong((w) -> actuals.resolved().getOrDefault(w, 0L)).sum();
			lines.add(Progress.Line.of(TargetMeasure.ACCOUNTS_RESOLVED, null,
					BigDecimal.valueOf(target.values().accountsResolved()), BigDecimal.valueOf(resolved),
					window.days()));
		}
		return new Progress(target, window.asOf(), window.zone(), window.days(), lines);
	}

	/** A month's days in a zone, as of now. */
	private Window window(YearMonth month, ZoneId zone, @Nullable CreditorView calendarOf) {
		LocalDate today = LocalDate.now(this.clock.withZone(zone));
		RunRate days = RunRate.of(month, today, businessDays(calendarOf));
		Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
		Instant end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
		Instant now = this.clock.instant();
		LocalDate asOf = today.isBefore(month.atEndOfMonth()) ? today : month.atEndOfMonth();
		return new Window(month, zone, days, from, now.isBefore(end) ? now : end, asOf);
	}

	/**
	 * The actuals of a window by whom they are counted for: collected per currency,
	 * promises kept and accounts resolved, in one statement each.
	 * @param credits which payment credits count
	 * @param arrangements which kept arrangements count
	 * @param resolvedBy whom a resolved account {@code r} counts for (null: nobody)
	 * @param creditWho whom a credit counts for
	 * @param keptWho whom a kept arrangement counts for
	 */
	private Actuals actuals(Window w, String credits, String arrangements, String resolvedBy, String creditWho,
			String keptWho, Map<String, Object> params) {
		Map<String, Object> p = new HashMap<>(params);
		p.put("from", Timestamp.from(w.from()));
		p.put("to", Timestamp.from(w.to()));
		p.put("first", w.month().atDay(1));
		p.put("last", w.asOf());
		// a payment received on the first may have been posted a day earlier
		p.put("postedFrom", Timestamp.from(w.from().minus(java.time.Duration.ofDays(1))));
		Map<String, Map<String, BigDecimal>> collected = new HashMap<>();
		this.jdbc.sql("""
				SELECT %s, currency, sum(amount) FROM reporting_payment_credits
				WHERE %s AND at >= :postedFrom
				  AND ((kind = 'PAYMENT' AND received_on BETWEEN :first AND :last)
				       OR (kind = 'REVERSAL' AND at >= :from AND at < :to))
				GROUP BY 1, 2""".formatted(creditWho, credits)).params(p).query((rs) -> {
			collected.computeIfAbsent(rs.getString(1), (k) -> new HashMap<>())
				.put(rs.getString(2).strip(), rs.getBigDecimal(3));
		});
		Map<String, Long> kept = new HashMap<>();
		this.jdbc.sql("""
				SELECT %s, count(*) FROM arrangement_kept_facts WHERE %s AND kept_at >= :from AND kept_at < :to
				GROUP BY 1""".formatted(keptWho, arrangements)).params(p).query((rs) -> {
			kept.put(rs.getString(1), rs.getLong(2));
		});
		Map<String, Long> resolved = new HashMap<>();
		this.jdbc.sql("""
				SELECT who, count(*) FROM (
				    SELECT %s AS who FROM portfolio_resolved_facts r
				    WHERE r.resolved_at >= :from AND r.resolved_at < :to) x
				WHERE who IS NOT NULL GROUP BY who""".formatted(resolvedBy)).params(p).query((rs) -> {
			resolved.put(rs.getString(1), rs.getLong(2));
		});
		return new Actuals(collected, kept, resolved);
	}

	/**
	 * A month as counted in a zone: its run rate, its instants so far, the day it runs
	 * to.
	 */
	private record Window(YearMonth month, ZoneId zone, RunRate days, Instant from, Instant to, LocalDate asOf) {
	}

	/** Actuals by whom they count for. */
	private record Actuals(Map<String, Map<String, BigDecimal>> collected, Map<String, Long> kept,
			Map<String, Long> resolved) {

		static final Actuals NONE = new Actuals(Map.of(), Map.of(), Map.of());

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
