package org.dues.casework;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import org.jspecify.annotations.Nullable;

/**
 * The business days of a jurisdiction: Monday to Friday, less its public holidays as the
 * Jollyday library keeps them, less the creditor's own extra holidays. Where a holiday
 * falls on a weekend and a weekday is observed instead, both days are holidays.
 * <ul>
 * <li>{@code GB}: the bank holidays of England and Wales (Jollyday {@code gb/eng}), with
 * substitute days; {@code GB-SCT}, {@code GB-NIR} and {@code GB-WLS} take their own
 * nation's.</li>
 * <li>{@code US} and every state ({@code US-MA}): the legal public holidays of 5 U.S.C.
 * 6103(a), the days Regulation F counts by. Jollyday's {@code us} calendar leaves
 * Columbus Day to the states that keep it; the federal calendar has it (second Monday in
 * October), so it is added here. Inauguration Day (§ 6103(c)) is kept only around
 * Washington and is not counted.</li>
 * <li>{@code IN}: the national holidays Jollyday knows (Republic Day, Independence Day,
 * Gandhi Jayanti, Eid al-Fitr), with a state's own where the jurisdiction names one that
 * Jollyday knows ({@code IN-KL}). India's gazetted holidays are declared year by year and
 * differ by state, so a creditor adds its own list ({@link #withExtraHolidays}).</li>
 * <li>Any other country: Jollyday's calendar for it where there is one, else weekends
 * only.</li>
 * </ul>
 * A calendar is a value: the same jurisdiction and extra holidays give the same days.
 */
public final class BusinessCalendar {

	private static final Map<String, BusinessCalendar> CALENDARS = new ConcurrentHashMap<>();

	private final Jurisdiction jurisdiction;

	private final @Nullable String country;

	private final List<String> subdivisions;

	private final Set<LocalDate> extraHolidays;

	/** The public holidays by year, shared with the calendars made from this one. */
	private final Map<Integer, Set<LocalDate>> byYear;

	private BusinessCalendar(Jurisdiction jurisdiction, @Nullable String country, List<String> subdivisions,
			Set<LocalDate> extraHolidays, Map<Integer, Set<LocalDate>> byYear) {
		this.jurisdiction = jurisdiction;
		this.country = country;
		this.subdivisions = subdivisions;
		this.extraHolidays = Set.copyOf(extraHolidays);
		this.byYear = byYear;
	}

	private BusinessCalendar(Jurisdiction jurisdiction, @Nullable String country, List<String> subdivisions) {
		this(jurisdiction, country, subdivisions, Set.of(), new ConcurrentHashMap<>());
	}

	/** The calendar of a jurisdiction, without extra holidays. */
	public static BusinessCalendar of(Jurisdiction jurisdiction) {
		return CALENDARS.computeIfAbsent(jurisdiction.code(), (code) -> create(jurisdiction));
	}

	/** The calendar of a jurisdiction with a creditor's own holidays besides. */
	public static BusinessCalendar of(Jurisdiction jurisdiction, Collection<LocalDate> extraHolidays) {
		return of(jurisdiction).withExtraHolidays(extraHolidays);
	}

	private static BusinessCalendar create(Jurisdiction jurisdiction) {
		String region = (jurisdiction.region() == null) ? null : jurisdiction.region().toLowerCase(Locale.ROOT);
		return switch (jurisdiction.law()) {
			case GB -> new BusinessCalendar(jurisdiction, "gb",
					List.of((region != null && subdivisionKnown("gb", region)) ? region : "eng"));
			case US -> new BusinessCalendar(jurisdiction, "us", List.of());
			default -> {
				String country = jurisdiction.country().toLowerCase(Locale.ROOT);
				if (!HolidayManager.getSupportedCalendarCodes().contains(jurisdiction.country())) {
					yield new BusinessCalendar(jurisdiction, null, List.of());
				}
				yield new BusinessCalendar(jurisdiction, country,
						(region != null && subdivisionKnown(country, region)) ? List.of(region) : List.of());
			}
		};
	}

	private static boolean subdivisionKnown(String country, String region) {
		return manager(country).getCalendarHierarchy().getChildren().containsKey(region);
	}

	private static HolidayManager manager(String country) {
		return HolidayManager.getInstance(ManagerParameters.create(country));
	}

	/** This calendar with the given days as holidays too (a creditor's own list). */
	public BusinessCalendar withExtraHolidays(Collection<LocalDate> extra) {
		Set<LocalDate> all = new HashSet<>(this.extraHolidays);
		all.addAll(extra);
		return new BusinessCalendar(this.jurisdiction, this.country, this.subdivisions, all, this.byYear);
	}

	public Jurisdiction jurisdiction() {
		return this.jurisdiction;
	}

	/** The creditor's own holidays this calendar adds. */
	public Set<LocalDate> extraHolidays() {
		return this.extraHolidays;
	}

	/** Whether the day is a public holiday here (or one of the creditor's). */
	public boolean isHoliday(LocalDate day) {
		return this.extraHolidays.contains(day) || holidays(day.getYear()).contains(day);
	}

	/** Whether the day is a business day: a weekday that is no holiday. */
	public boolean isBusinessDay(LocalDate day) {
		DayOfWeek weekday = day.getDayOfWeek();
		return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !isHoliday(day);
	}

	/**
	 * The day that is the {@code days}th business day after {@code from} ({@code from}
	 * itself never counts); zero gives {@code from}.
	 */
	public LocalDate plusBusinessDays(LocalDate from, int days) {
		if (days < 0) {
			throw new IllegalArgumentException("days must not be negative: " + days);
		}
		LocalDate day = from;
		int counted = 0;
		while (counted < days) {
			day = day.plusDays(1);
			if (isBusinessDay(day)) {
				counted++;
			}
		}
		return day;
	}

	/** The day itself when it is a business day, else the next one. */
	public LocalDate onOrNextBusinessDay(LocalDate day) {
		return isBusinessDay(day) ? day : plusBusinessDays(day, 1);
	}

	/** The public holidays of a year (observed and actual dates), without extra ones. */
	public Set<LocalDate> holidays(int year) {
		return this.byYear.computeIfAbsent(year, this::load);
	}

	private Set<LocalDate> load(int year) {
		Set<LocalDate> days = new HashSet<>();
		if (this.country == null) {
			return Set.of();
		}
		HolidayManager manager = manager(this.country);
		String[] args = this.subdivisions.toArray(String[]::new);
		// a holiday of the next or last year may be observed in this one (1 January 2028,
		// a Saturday, is observed on Friday 31 December 2027)
		for (int y = year - 1; y <= year + 1; y++) {
			for (Holiday holiday : manager.getHolidays(Year.of(y), args)) {
				if (holiday.getType() == HolidayType.OBSERVANCE) {
					continue; // kept by some, closing nothing
				}
				days.add(holiday.getDate());
				days.add(holiday.getActualDate());
			}
			if ("us".equals(this.country) && y >= 1971) {
				days.add(LocalDate.of(y, Month.OCTOBER, 1)
					.with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.MONDAY)));
			}
		}
		days.removeIf((d) -> d.getYear() != year);
		return Set.copyOf(days);
	}

	@Override
	public String toString() {
		return "BusinessCalendar[" + this.jurisdiction + ", " + this.extraHolidays.size() + " extra holidays]";
	}

}
