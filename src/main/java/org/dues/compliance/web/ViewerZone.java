package org.dues.compliance.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpSession;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.system.FloorZone;
import org.jspecify.annotations.Nullable;

import org.springframework.ui.Model;

/**
 * The time zone the compliance pages show times in and read a period's days in, named on
 * the page: the one the reader chose ({@code ?zone=}), kept for the session as the lead's
 * pages keep it, else the zone of the creditors holding most active accounts.
 */
final class ViewerZone {

	private static final ZoneId UTC = ZoneId.of("UTC");

	private ViewerZone() {
	}

	/**
	 * The reader's zone, put in the model as {@code zone} with the zones to choose from
	 * ({@code zones}) and, when the one asked for is no zone, {@code unknownZone}.
	 */
	static ZoneId of(HttpSession session, @Nullable String chosen, Creditors creditors, Model model) {
		ZoneId zone = current(session, creditors);
		if (chosen != null && !chosen.isBlank()) {
			try {
				zone = ZoneId.of(chosen.strip());
				FloorZone.choose(session, zone);
			}
			catch (RuntimeException ex) {
				model.addAttribute("unknownZone", chosen);
			}
		}
		Set<String> zones = new LinkedHashSet<>();
		zones.add(zone.getId());
		creditors.list().stream().map(CreditorView::timeZone).map(ZoneId::getId).sorted().forEach(zones::add);
		zones.add("UTC");
		model.addAttribute("zone", zone.getId());
		model.addAttribute("zones", List.copyOf(zones));
		return zone;
	}

	/** The reader's zone as kept for the session, without choosing one. */
	static ZoneId current(HttpSession session, Creditors creditors) {
		ZoneId zone = FloorZone.of(session, () -> creditors.busiestZone().orElse(UTC));
		// the offset the lead's pages fall back on reads as "Z": named as a zone instead
		return zone.equals(ZoneOffset.UTC) ? UTC : zone;
	}

	/** The start of a day in the zone, or null. */
	static @Nullable Instant startOf(@Nullable LocalDate day, ZoneId zone) {
		return (day == null) ? null : sane(day).atStartOfDay(zone).toInstant();
	}

	/** The end of a day in the zone (the next day's start), or null. */
	static @Nullable Instant endOf(@Nullable LocalDate day, ZoneId zone) {
		return (day == null) ? null : sane(day).plusDays(1).atStartOfDay(zone).toInstant();
	}

	/**
	 * A day within the years a database timestamp holds: a filter from or to the year
	 * 999999999 means no bound, and reads as the first or last day of the year 9999.
	 */
	private static LocalDate sane(LocalDate day) {
		if (day.isAfter(LAST)) {
			return LAST;
		}
		return day.isBefore(FIRST) ? FIRST : day;
	}

	private static final LocalDate FIRST = LocalDate.of(1, 1, 1);

	private static final LocalDate LAST = LocalDate.of(9999, 12, 30);

}
