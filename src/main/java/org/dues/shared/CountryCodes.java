package org.dues.shared;

import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * ISO 3166-1 alpha-2 country codes, as the JDK knows them: {@code IN}, {@code US},
 * {@code GB}; user-assigned codes such as {@code ZZ} or {@code XX} are not countries.
 */
public final class CountryCodes {

	private static final Set<String> ASSIGNED = Set.of(Locale.getISOCountries());

	private CountryCodes() {
	}

	/**
	 * Whether {@code code} (in either case, without spaces) is an assigned country code.
	 */
	public static boolean isAssigned(@Nullable String code) {
		return code != null && ASSIGNED.contains(code.toUpperCase(Locale.ROOT));
	}

}
