package org.dues.reporting;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dues.identity.UserManagement;
import org.dues.shared.InvalidInputException;
import org.dues.shared.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Agents' scorecards: for each agent and each day of a period (days in the zone asked
 * for), the attempts and right-party contacts they made (contact's
 * {@code contact_attempt_facts}), the promises, plans and settlements they took at the
 * desk and their amounts (work's {@code work_promise_facts}), those they took that were
 * kept, on the day they were kept (arrangement's {@code arrangement_kept_facts}), and
 * what was collected on their credit (reporting's own {@code reporting_payment_credits}:
 * payments by the day they were received, less reversals on the day they were made). A
 * few set-based statements for the whole period and every agent, grouped in the database;
 * amounts by currency, never added across currencies.
 */
@Service
public class Scorecards {

	/** The longest period one scorecard covers. */
	public static final int LONGEST_DAYS = 92;

	private final JdbcClient jdbc;

	Scorecards(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The agents' figures by day from {@code first} to {@code last}, both included.
	 * @throws InvalidInputException naming {@code to} when the period ends before it
	 * starts or is longer than {@link #LONGEST_DAYS}
	 */
	@Transactional(readOnly = true)
	public Scorecard of(List<UserManagement.UserView> agents, LocalDate first, LocalDate last, ZoneId zone) {
		if (last.isBefore(first)) {
			throw new InvalidInputException("to", "the period ends before it starts");
		}
		if (first.plusDays(LONGEST_DAYS).isBefore(last.plusDays(1))) {
			throw new InvalidInputException("to", "a scorecard covers at most %d days".formatted(LONGEST_DAYS));
		}
		Map<String, Map<LocalDate, Figures>> cells = new HashMap<>();
		if (!agents.isEmpty()) {
			Map<String, Object> p = new HashMap<>();
			p.put("agents", agents.stream().map(UserManagement.UserView::username).toArray(String[]::new));
			p.put("from", Timestamp.from(first.atStartOfDay(zone).toInstant()));
			p.put("to", Timestamp.from(last.plusDays(1).atStartOfDay(zone).toInstant()));
			p.put("zone", zone.getId());
			p.put("first", first);
			p.put("last", last);
			// a payment received on the period's first day may have been posted a day
			// earlier in this zone
			p.put("postedFrom", Timestamp.from(first.minusDays(1).atStartOfDay(zone).toInstant()));
			this.jdbc.sql("""
					SELECT agent, CAST(started_at AT TIME ZONE :zone AS date),
					    count(*) FILTER (WHERE attempted), count(*) FILTER (WHERE right_party)
					FROM contact_attempt_facts WHERE agent = ANY(:agents) AND started_at >= :from AND started_at < :to
					GROUP BY 1, 2""").params(p).query((rs) -> {
				add(cells, rs.getString(1), rs.getObject(2, LocalDate.class),
						new Figures(rs.getLong(3), rs.getLong(4), 0, List.of(), 0, List.of(), List.of()));
			});
			this.jdbc.sql("""
					SELECT agent, CAST(recorded_at AT TIME ZONE :zone AS date), currency, count(*), sum(amount)
					FROM work_promise_facts WHERE agent = ANY(:agents) AND recorded_at >= :from AND recorded_at < :to
					GROUP BY 1, 2, 3""").params(p).query((rs) -> {
				add(cells, rs.getString(1), rs.getObject(2, LocalDate.class), new Figures(0, 0, rs.getLong(4),
						List.of(money(rs.getBigDecimal(5), rs.getString(3))), 0, List.of(), List.of()));
			});
			this.jdbc.sql("""
					SELECT taken_by, CAST(kept_at AT TIME ZONE :zone AS date), currency, count(*), sum(amount)
					FROM arrangement_kept_facts WHERE taken_by = ANY(:agents) AND kept_at >= :from AND kept_at < :to
					GROUP BY 1, 2, 3""").params(p).query((rs) -> {
				add(cells, rs.getString(1), rs.getObject(2, LocalDate.class), new Figures(0, 0, 0, List.of(),
						rs.getLong(4), List.of(money(rs.getBigDecimal(5), rs.getString(3))), List.of()));
			});
			this.jdbc
				.sql("""
						SELECT agent, CASE WHEN kind = 'PAYMENT' THEN received_on ELSE CAST(at AT TIME ZONE :zone AS date) END,
						    currency, sum(amount)
						FROM reporting_payment_credits
						WHERE agent = ANY(:agents) AND at >= :postedFrom
						  AND ((kind = 'PAYMENT' AND received_on BETWEEN :first AND :last)
						       OR (kind = 'REVERSAL' AND at >= :from AND at < :to))
						GROUP BY 1, 2, 3""")
				.params(p)
				.query((rs) -> {
					add(cells, rs.getString(1), rs.getObject(2, LocalDate.class), new Figures(0, 0, 0, List.of(), 0,
							List.of(), List.of(money(rs.getBigDecimal(4), rs.getString(3)))));
				});
		}
		List<LocalDate> days = first.datesUntil(last.plusDays(1)).toList();
		List<AgentCard> cards = new ArrayList<>();
		for (UserManagement.UserView agent : agents) {
			Map<LocalDate, Figures> mine = cells.getOrDefault(agent.username(), Map.of());
			List<Day> byDay = days.stream().map((d) -> new Day(d, mine.getOrDefault(d, Figures.NONE))).toList();
			cards.add(new AgentCard(agent.username(), agent.displayName(), byDay,
					Figures.sumOf(byDay.stream().map(Day::figures).toList())));
		}
		List<Day> together = new ArrayList<>();
		for (int i = 0; i < days.size(); i++) {
			int day = i;
			together.add(new Day(days.get(i),
					Figures.sumOf(cards.stream().map((c) -> c.days().get(day).figures()).toList())));
		}
		return new Scorecard(first, last, zone, cards, together,
				Figures.sumOf(together.stream().map(Day::figures).toList()));
	}

	private static void add(Map<String, Map<LocalDate, Figures>> cells, String agent, LocalDate day, Figures figures) {
		cells.computeIfAbsent(agent, (k) -> new HashMap<>()).merge(day, figures, Figures::plus);
	}

	private static Money money(java.math.BigDecimal amount, String currency) {
		return Money.of(amount, Currency.getInstance(currency.strip()));
	}

	/**
	 * A period's scorecard: each agent's days and total, and the days and total of them
	 * all together.
	 */
	public record Scorecard(LocalDate first, LocalDate last, ZoneId zone, List<AgentCard> agents, List<Day> days,
			Figures total) {
	}

	/** One agent's days of the period, and their total. */
	public record AgentCard(String agent, String name, List<Day> days, Figures total) {
	}

	/** The figures of one day. */
	public record Day(LocalDate date, Figures figures) {
	}

}
