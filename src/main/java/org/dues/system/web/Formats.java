package org.dues.system.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;

import com.ibm.icu.number.NumberFormatter;
import com.ibm.icu.number.Precision;
import com.ibm.icu.util.Currency;
import com.ibm.icu.util.ULocale;
import org.dues.shared.Money;
import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Formatting for templates ({@code ${@fmt.money(m)}}): amounts in the grouping of the
 * currency's home (lakh and crore for rupees, thousands for dollars) through ICU, dates
 * and times in the reader's language.
 */
@Component("fmt")
public class Formats {

	private static final Map<String, ULocale> HOME = Map.of("INR", new ULocale("en_IN"), "USD", ULocale.US, "GBP",
			ULocale.UK);

	private final Clock clock;

	Formats(Clock clock) {
		this.clock = clock;
	}

	/** {@code ₹1,23,456.50} or {@code $1,234.50}. */
	public String money(@Nullable Money money) {
		if (money == null) {
			return "";
		}
		ULocale locale = HOME.getOrDefault(money.currencyCode(), ULocale.forLocale(LocaleContextHolder.getLocale()));
		return NumberFormatter.withLocale(locale)
			.unit(Currency.getInstance(money.currencyCode()))
			.precision(Precision.currency(Currency.CurrencyUsage.STANDARD))
			.format(money.amount())
			.toString();
	}

	public String date(@Nullable LocalDate date) {
		return date == null ? ""
				: DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
					.withLocale(LocaleContextHolder.getLocale())
					.format(date);
	}

	public String instant(@Nullable Instant instant, String zone) {
		return instant == null ? ""
				: DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
					.withLocale(LocaleContextHolder.getLocale())
					.format(instant.atZone(ZoneId.of(zone)));
	}

	/**
	 * The instant with the zone's short name, where the page lists times of several zones
	 * or the reader may be elsewhere: {@code 27 Nov 2026, 1:15 pm IST}.
	 */
	public String instantWithZone(@Nullable Instant instant, String zone) {
		return instant == null ? ""
				: instant(instant, zone) + " " + DateTimeFormatter.ofPattern("zzz", LocaleContextHolder.getLocale())
					.format(instant.atZone(ZoneId.of(zone)));
	}

	/** The time now in the zone, e.g. {@code 14:05 Thu (Asia/Kolkata)}. */
	public String localTime(String zone) {
		ZonedDateTime now = ZonedDateTime.now(this.clock.withZone(ZoneId.of(zone)));
		return DateTimeFormatter.ofPattern("HH:mm EEE", LocaleContextHolder.getLocale()).format(now);
	}

	/** Today's date in the zone. */
	public LocalDate today(String zone) {
		return LocalDate.now(this.clock.withZone(ZoneId.of(zone)));
	}

	public Locale locale() {
		return LocaleContextHolder.getLocale();
	}

}
