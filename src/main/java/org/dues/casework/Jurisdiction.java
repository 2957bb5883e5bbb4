package org.dues.casework;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.dues.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * A creditor's jurisdiction as the portfolio keeps it: a country ({@code IN}, {@code GB},
 * {@code US}) and optionally a region of it ({@code US-MA}, {@code IN-KL},
 * {@code GB-SCT}). A region falls back to its country wherever a rule has nothing of its
 * own for the region: {@code US-MA} has Massachusetts' statute of limitations but the
 * federal holidays and Regulation F's deadlines.
 *
 * @param country the ISO 3166 alpha-2 code, upper case
 * @param region the region's code after the hyphen, upper case, where there is one
 */
public record Jurisdiction(String country, @Nullable String region) {

	private static final Pattern CODE = Pattern.compile("[A-Z]{2}(-[A-Z0-9]{1,3})?");

	public Jurisdiction {
		if (!country.matches("[A-Z]{2}") || region != null && !region.matches("[A-Z0-9]{1,3}")) {
			throw new InvalidInputException("jurisdiction", "is not a jurisdiction code such as US, US-MA or IN");
		}
	}

	/**
	 * The jurisdiction of a code such as {@code US-MA}; case and blanks around are
	 * ignored.
	 */
	public static Jurisdiction of(String code) {
		String normal = code.strip().toUpperCase(Locale.ROOT);
		if (!CODE.matcher(normal).matches()) {
			throw new InvalidInputException("jurisdiction", "is not a jurisdiction code such as US, US-MA or IN");
		}
		int hyphen = normal.indexOf('-');
		return (hyphen < 0) ? new Jurisdiction(normal, null)
				: new Jurisdiction(normal.substring(0, hyphen), normal.substring(hyphen + 1));
	}

	/** The code as written: {@code US-MA}. */
	public String code() {
		return (this.region == null) ? this.country : this.country + "-" + this.region;
	}

	/** The region, where there is one. */
	public Optional<String> regionCode() {
		return Optional.ofNullable(this.region);
	}

	/** The country alone: {@code US} for {@code US-MA}. */
	public Jurisdiction countryOnly() {
		return new Jurisdiction(this.country, null);
	}

	/** The body of law its deadlines follow. */
	public Law law() {
		return switch (this.country) {
			case "IN" -> Law.IN;
			case "GB" -> Law.GB;
			case "US" -> Law.US;
			default -> Law.OTHER;
		};
	}

	@Override
	public String toString() {
		return code();
	}

}
