package org.dues.casework;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.dues.shared.Phrase;
import org.jspecify.annotations.Nullable;

/**
 * Whether a debt is time-barred: the period of the jurisdiction's law, run from the day
 * the cause of action arose, restarted by a payment or a written acknowledgement made
 * while the period still ran; once the period has run out nothing revives it.
 * <ul>
 * <li>India: three years (Limitation Act 1963, Schedule, Articles 19 and 21 for money
 * lent, 55 for a broken contract); a written, signed acknowledgement (s.18) or a payment
 * on account (s.19) before expiry starts a fresh period.</li>
 * <li>England and Wales: six years from the cause of action (Limitation Act 1980 s.5); a
 * payment or a signed written acknowledgement starts it afresh (s.29(5), s.30), but a
 * right once barred is not revived (s.29(7)). Northern Ireland: six years (Limitation
 * (Northern Ireland) Order 1989, art. 4). Scotland: five years, after which the debt is
 * extinguished (Prescription and Limitation (Scotland) Act 1973, s.6).</li>
 * <li>United States: the state's statute of limitations for the debt, from a table of the
 * common ones, else a default (three years: the shortest in wide use, so that a debt is
 * rather taken as barred than sued on); both are configurable. Regulation F § 1006.26(b)
 * forbids suing or threatening to sue on a time-barred debt. Some states let a payment
 * after expiry revive the debt; this rule never does, which errs towards not suing.</li>
 * <li>Elsewhere: unknown; the debt is not taken as barred and the reason says so.</li>
 * </ul>
 * Periods count from the day after the cause of action (the day itself is excluded:
 * Limitation Act 1963 s.12(1), and English law), so the last day to sue is the same date
 * that many years on, and the debt is barred from the next day.
 */
public final class Limitation {

	/**
	 * Years of the statute of limitations of some states for a consumer debt on a written
	 * contract or an account: California 4 (Cal. Civ. Proc. Code § 337), New York 3 (CPLR
	 * 214-i, Consumer Credit Fairness Act 2021), Texas 4 (Tex. Civ. Prac. &amp; Rem. Code
	 * § 16.004), Florida 5 (Fla. Stat. § 95.11(2)(b)), Massachusetts 6 (M.G.L. c. 260 §
	 * 2), Pennsylvania 4 (42 Pa.C.S. § 5525), New Jersey 6 (N.J.S.A. 2A:14-1), North
	 * Carolina 3 (N.C.G.S. § 1-52), Washington 6 (RCW 4.16.040), Michigan 6 (MCL
	 * 600.5807).
	 */
	public static final Map<String, Integer> US_STATE_YEARS = Map.of("CA", 4, "NY", 3, "TX", 4, "FL", 5, "MA", 6, "PA",
			4, "NJ", 6, "NC", 3, "WA", 6, "MI", 6);

	/** Years for a state not in the table, or for {@code US} alone. */
	public static final int US_DEFAULT_YEARS = 3;

	private final Map<String, Integer> usStateYears;

	private final int usDefaultYears;

	/** The table and default above. */
	public Limitation() {
		this(US_STATE_YEARS, US_DEFAULT_YEARS);
	}

	/** A configured table of US states' years and a default for the others. */
	public Limitation(Map<String, Integer> usStateYears, int usDefaultYears) {
		if (usDefaultYears < 1 || usStateYears.values().stream().anyMatch((y) -> y < 1)) {
			throw new IllegalArgumentException("a limitation period is at least a year");
		}
		this.usStateYears = Map.copyOf(usStateYears);
		this.usDefaultYears = usDefaultYears;
	}

	/**
	 * Whether the debt is time-barred on a day, when it became or becomes so, and why.
	 * @param today the day of the decision, from the caller's clock
	 */
	public Assessment assess(LimitationFacts facts, LocalDate today) {
		Jurisdiction jurisdiction = facts.jurisdiction();
		Period period = period(jurisdiction);
		if (period == null) {
			return new Assessment(false, null, null, 0,
					Phrase.of("casework.rule.limitation.unknown", jurisdiction.code()));
		}
		LocalDate runsFrom = facts.defaultedOn();
		boolean ignoredLate = false;
		List<LocalDate> events = Stream.of(facts.lastPaymentOn(), facts.acknowledgedOn())
			.filter((d) -> d != null)
			.map((d) -> (LocalDate) d)
			.sorted()
			.toList();
		for (LocalDate event : events) {
			if (!event.isAfter(runsFrom)) {
				continue;
			}
			if (event.isAfter(runsFrom.plusYears(period.years()))) {
				ignoredLate = true;
				continue;
			}
			runsFrom = event;
		}
		LocalDate lastDay = runsFrom.plusYears(period.years());
		boolean barred = today.isAfter(lastDay);
		List<Phrase> said = new ArrayList<>();
		said.add(period.statute());
		said.add(barred ? Phrase.of("casework.rule.limitation.barred", runsFrom, lastDay.plusDays(1))
				: Phrase.of("casework.rule.limitation.inTime", runsFrom, lastDay));
		if (ignoredLate) {
			said.add(Phrase.of("casework.rule.limitation.noRevival"));
		}
		if (barred && jurisdiction.law() == Law.US) {
			said.add(Phrase.of("casework.rule.limitation.regF"));
		}
		return new Assessment(barred, runsFrom, lastDay, period.years(), Phrase.all(said));
	}

	private @Nullable Period period(Jurisdiction jurisdiction) {
		String region = jurisdiction.region();
		return switch (jurisdiction.law()) {
			case IN -> new Period(3, Phrase.of("casework.rule.limitation.IN"));
			case GB -> {
				if ("SCT".equals(region)) {
					yield new Period(5, Phrase.of("casework.rule.limitation.GB-SCT"));
				}
				if ("NIR".equals(region)) {
					yield new Period(6, Phrase.of("casework.rule.limitation.GB-NIR"));
				}
				yield new Period(6, Phrase.of("casework.rule.limitation.GB"));
			}
			case US -> {
				Integer years = (region == null) ? null : this.usStateYears.get(region);
				yield (years != null) ? new Period(years, Phrase.of("casework.rule.limitation.US.state", region, years))
						: new Period(this.usDefaultYears, Phrase.of("casework.rule.limitation.US.default",
								jurisdiction.code(), this.usDefaultYears));
			}
			case OTHER -> null;
		};
	}

	private record Period(int years, Phrase statute) {
	}

	/**
	 * What the limitation rule found.
	 *
	 * @param barred whether the debt is time-barred on the day asked about
	 * @param runsFrom the day the running period started (the default, or the later
	 * payment or acknowledgement that restarted it); null where no rule is known
	 * @param lastDayToSue the last day on which proceedings are in time; null where no
	 * rule is known
	 * @param years the period's length in years; 0 where no rule is known
	 * @param reason the statute, the dates and the outcome, to show
	 */
	public record Assessment(boolean barred, @Nullable LocalDate runsFrom, @Nullable LocalDate lastDayToSue, int years,
			Phrase reason) {

		/**
		 * The first day on which the debt is (or was) time-barred; null where unknown.
		 */
		public @Nullable LocalDate barredFrom() {
			return (this.lastDayToSue == null) ? null : this.lastDayToSue.plusDays(1);
		}

	}

}
