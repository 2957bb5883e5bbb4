package org.dues.casework;

import java.math.BigDecimal;
import java.util.Locale;

import org.dues.shared.CountryCodes;
import org.dues.shared.EmailAddress;
import org.dues.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * An agency to create: a code (capitals, digits, {@code -} and {@code _}, 2 to 32), its
 * name, its country (ISO 3166 alpha-2), how to reach it, and its default commission in
 * percent (0 to 100, at most four decimals).
 */
public record NewAgency(String code, String name, String country, @Nullable String email, @Nullable String phone,
		BigDecimal commissionRate) {

	public NewAgency {
		if (code == null || !code.strip().toUpperCase(Locale.ROOT).matches("[A-Z0-9][A-Z0-9_-]{1,31}")) {
			throw new InvalidInputException("code",
					"is 2 to 32 capitals, digits, '-' or '_', starting with a capital or digit");
		}
		code = code.strip().toUpperCase(Locale.ROOT);
		if (name == null || name.isBlank()) {
			throw new InvalidInputException("name", "is required");
		}
		name = name.strip();
		if (name.length() > 200) {
			throw new InvalidInputException("name", "is at most 200 characters");
		}
		if (country == null || !CountryCodes.isAssigned(country.strip().toUpperCase(Locale.ROOT))) {
			throw new InvalidInputException("country", "is an ISO 3166 alpha-2 country code");
		}
		country = country.strip().toUpperCase(Locale.ROOT);
		email = blankToNull(email);
		if (email != null) {
			try {
				email = EmailAddress.of(email).value();
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInputException("email", "is not a valid email address");
			}
		}
		phone = blankToNull(phone);
		if (phone != null && phone.length() > 40) {
			throw new InvalidInputException("phone", "is at most 40 characters");
		}
		commissionRate = Commission.rate("commissionRate", commissionRate);
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
