package org.dues.portfolio;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.dues.shared.validation.CountryCode;
import org.dues.shared.validation.CurrencyCode;
import org.dues.shared.validation.Keys;
import org.jspecify.annotations.Nullable;

/**
 * A creditor to create, as given, with its Bean Validation constraints: the API checks
 * them on the request and {@link Creditors#create} again for every caller, then asks the
 * database about the time zone and the bucket scheme.
 *
 * @param bucketScheme {@code RBI_SMA} or {@code DPD_30}; by default RBI_SMA for India and
 * DPD_30 elsewhere
 * @param waterfall the order payments are applied in; by default fees, interest,
 * principal
 */
@JurisdictionInCountry
public record NewCreditor(
		@NotBlank(message = CODE) @Pattern(regexp = "\\s*[A-Za-z0-9][A-Za-z0-9_-]{0,31}\\s*",
				message = CODE) @Nullable String code,
		@NotBlank(message = Keys.REQUIRED) @Size(max = 200, message = Keys.LENGTH) @Nullable String name,
		@NotBlank(message = "{dues.validation.country}") @CountryCode @Nullable String country,
		@NotBlank(message = "{dues.validation.currency}") @CurrencyCode(national = true) @Nullable String currency,
		@NotBlank(message = JURISDICTION) @Pattern(regexp = "\\s*[A-Za-z]{2}(-[A-Za-z0-9]{1,3})?\\s*",
				message = JURISDICTION) @Nullable String jurisdiction,
		@TimeZoneRegion @Nullable String timeZone, @Nullable String bucketScheme,
		@PaymentOrder @Nullable List<String> waterfall) {

	static final String CODE = "must be 1-32 letters, digits, '_' or '-'";

	static final String JURISDICTION = "must be a country code, optionally with a region: US, US-MA, IN";

}
