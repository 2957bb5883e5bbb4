package org.dues.system.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
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
import org.dues.system.Viewers;
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

	private final Viewers viewers;

	Formats(Clock clock, Viewers viewers) {
		this.clock = clock;
		this.viewers = viewers;
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

	/**
	 * The instant in the reader's time zone, the zone named: {@code 6 Dec 2026, 11:05 am
	 * IST} for a reader in India. What pages show of when something happened or will.
	 */
	public String time(@Nullable Instant instant) {
		return instant == null ? "" : instantWithZone(instant, this.viewers.zone().getId());
	}

	/** The reader's time zone. */
	public String zone() {
		return this.viewers.zone().getId();
	}

	/**
	 * The instant in the given zone, the zone named (a time is never shown without its
	 * zone); {@link #time} shows it in the reader's.
	 */
	public String instant(@Nullable Instant instant, String zone) {
		return instantWithZone(instant, zone);
	}

	/**
	 * The instant in the zone, with the zone's short name: {@code 27 Nov 2026, 1:15 pm
	 * IST}.
	 */
	public String instantWithZone(@Nullable Instant instant, String zone) {
		if (instant == null) {
			return "";
		}
		ZonedDateTime at = instant.atZone(ZoneId.of(zone));
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(LocaleContextHolder.getLocale())
			.format(at) + " " + zoneName(at);
	}

	/** A time of day without a date, e.g. {@code 11:05 am}. */
	public String timeOfDay(@Nullable LocalTime time) {
		return time == null ? ""
				: DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
					.withLocale(LocaleContextHolder.getLocale())
					.format(time);
	}

	/**
	 * The zone's short name in the reader's language ({@code IST}, {@code EST}), or its
	 * offset where the language has no short name for it ({@code GMT-05:00} is kept).
	 */
	private static String zoneName(ZonedDateTime at) {
		return DateTimeFormatter.ofPattern("zzz", LocaleContextHolder.getLocale()).format(at);
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
