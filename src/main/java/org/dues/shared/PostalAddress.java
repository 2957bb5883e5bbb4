package org.dues.shared;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A postal address. {@code country} is an ISO 3166 alpha-2 code; {@code state} is the
 * region's code or name as the source gave it.
 */
public record PostalAddress(@Nullable String line1, @Nullable String line2, @Nullable String city,
		@Nullable String state, @Nullable String postalCode, String country) {

	public PostalAddress {
		if (!CountryCodes.isAssigned(country)) {
			throw new IllegalArgumentException("'%s' is not an ISO 3166 country code".formatted(country));
		}
		country = country.toUpperCase(Locale.ROOT);
		line1 = blankToNull(line1);
		line2 = blankToNull(line2);
		city = blankToNull(city);
		state = blankToNull(state);
		postalCode = blankToNull(postalCode);
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/** One line for display: the parts present, comma separated. */
	public String oneLine() {
		StringBuilder out = new StringBuilder();
		for (String part : new String[] { this.line1, this.line2, this.city, this.state, this.postalCode,
				this.country }) {
			if (part != null) {
				if (!out.isEmpty()) {
					out.append(", ");
				}
				out.append(part);
			}
		}
		return out.toString();
	}

}
