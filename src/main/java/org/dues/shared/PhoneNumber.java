package org.dues.shared;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber;

/**
 * A valid telephone number in E.164 form, with its line type and the time zones
 * libphonenumber's geocoder places it in (several for a US mobile whose area code spans
 * zones, none known for some).
 */
public record PhoneNumber(String e164, PhoneType type, List<String> timeZones) {

	private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

	private static final java.util.regex.Pattern E164 = java.util.regex.Pattern.compile("\\+[1-9][0-9]{6,14}");

	// libphonenumber still uses some zone names that IANA has since renamed.
	private static final Map<String, String> CURRENT_NAMES = Map.of("Asia/Calcutta", "Asia/Kolkata", "Asia/Katmandu",
			"Asia/Kathmandu", "Asia/Saigon", "Asia/Ho_Chi_Minh", "Asia/Rangoon", "Asia/Yangon", "Europe/Kiev",
			"Europe/Kyiv", "America/Godthab", "America/Nuuk", "Asia/Dacca", "Asia/Dhaka");

	private static final Map<Integer, List<String>> COUNTRY_ZONES = new ConcurrentHashMap<>();

	private static final String UNKNOWN_ZONE = PhoneNumberToTimeZonesMapper.getUnknownTimeZone();

	public PhoneNumber {
		if (e164 == null || !E164.matcher(e164).matches()) {
			throw new IllegalArgumentException("'%s' is not an E.164 number".formatted(e164));
		}
		timeZones = List.copyOf(timeZones);
	}

	/**
	 * Parses a number written in any common national or international form, using
	 * {@code defaultRegion} (ISO 3166 alpha-2) for numbers without a country code.
	 * @throws IllegalArgumentException if the text is not a valid number
	 */
	public static PhoneNumber parse(String text, String defaultRegion) {
		Phonenumber.PhoneNumber parsed = parsed(text, defaultRegion);
		PhoneNumberUtil.PhoneNumberType type = typed(parsed, text, defaultRegion);
		// As the mapper's getTimeZonesForNumber, without matching the type again; the
		// zones of a number that is not geographical are its country's.
		List<String> zones = (UTIL.isNumberGeographical(type, parsed.getCountryCode())
				? PhoneNumberToTimeZonesMapper.getInstance().getTimeZonesForGeographicalNumber(parsed)
				: COUNTRY_ZONES.computeIfAbsent(parsed.getCountryCode(),
						(code) -> PhoneNumberToTimeZonesMapper.getInstance().getTimeZonesForNumber(parsed)))
			.stream()
			.filter((zone) -> !UNKNOWN_ZONE.equals(zone))
			.map((zone) -> CURRENT_NAMES.getOrDefault(zone, zone))
			.toList();
		return new PhoneNumber(UTIL.format(parsed, PhoneNumberFormat.E164), PhoneType.of(type), zones);
	}

	/**
	 * The number in E.164, valid as {@link #parse} requires, without working out its
	 * type's name or its zones (the gate makes each address canonical, thousands a
	 * batch).
	 * @throws IllegalArgumentException as {@link #parse} does
	 */
	public static String e164(String text, String defaultRegion) {
		Phonenumber.PhoneNumber parsed = parsed(text, defaultRegion);
		typed(parsed, text, defaultRegion);
		return UTIL.format(parsed, PhoneNumberFormat.E164);
	}

	/**
	 * A number already found valid (a stored E.164 number) in international format, as
	 * {@code parse(text, region).international()} gives it, parsed once, without matching
	 * its type again or working out its zones: a customer's phones are shown so whenever
	 * the customer is read, a thousand customers at a time for a batch's receipts.
	 * @throws IllegalArgumentException if the text does not parse as a number at all
	 */
	public static String international(String text, String defaultRegion) {
		return UTIL.format(parsed(text, defaultRegion), PhoneNumberFormat.INTERNATIONAL);
	}

	private static Phonenumber.PhoneNumber parsed(String text, String defaultRegion) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("phone number is empty");
		}
		try {
			return UTIL.parse(text, defaultRegion.toUpperCase(Locale.ROOT));
		}
		catch (NumberParseException ex) {
			throw new IllegalArgumentException("'%s' is not a phone number: %s".formatted(text, ex.getMessage()));
		}
	}

	/** Valid exactly when the plan gives it a type: the patterns are matched once. */
	private static PhoneNumberUtil.PhoneNumberType typed(Phonenumber.PhoneNumber parsed, String text,
			String defaultRegion) {
		PhoneNumberUtil.PhoneNumberType type = UTIL.getNumberType(parsed);
		if (type == PhoneNumberUtil.PhoneNumberType.UNKNOWN) {
			throw new IllegalArgumentException("'%s' is not a valid phone number for %s".formatted(text,
					UTIL.getRegionCodeForNumber(parsed) == null ? defaultRegion : UTIL.getRegionCodeForNumber(parsed)));
		}
		return type;
	}

	/** The ISO 3166 region the number belongs to, for example {@code IN}. */
	public String region() {
		return UTIL.getRegionCodeForNumber(asLibraryNumber());
	}

	/** The number as people in its own country write it, e.g. {@code 098470 12345}. */
	public String national() {
		return UTIL.format(asLibraryNumber(), PhoneNumberFormat.NATIONAL);
	}

	/** The number in international format, e.g. {@code +91 98470 12345}. */
	public String international() {
		return UTIL.format(asLibraryNumber(), PhoneNumberFormat.INTERNATIONAL);
	}

	private Phonenumber.PhoneNumber asLibraryNumber() {
		try {
			return UTIL.parse(this.e164, null);
		}
		catch (NumberParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public String toString() {
		return this.e164;
	}

}
