package org.dues.portfolio;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.dues.shared.validation.CurrencyCode;
import org.dues.shared.validation.Keys;
import org.jspecify.annotations.Nullable;

/**
 * A creditor's settings as an edit gives them, with their Bean Validation constraints;
 * {@link CreditorChanges#change} checks them for every caller, then asks the database
 * about the time zone and the bucket scheme. The code, country and jurisdiction do not
 * change.
 *
 * @param currency the new currency, only while the creditor has no accounts; null or the
 * same code leaves it as it is
 * @param bucketScheme {@code RBI_SMA} or {@code DPD_30}
 * @param waterfall the order payments posted from now on are applied in
 */
public record CreditorChange(
		@NotBlank(message = Keys.REQUIRED) @Size(max = 200, message = Keys.LENGTH) @Nullable String name,
		@TimeZoneRegion @Nullable String timeZone, @CurrencyCode(national = true) @Nullable String currency,
		@NotBlank(message = Keys.REQUIRED) @Nullable String bucketScheme,
		@NotNull(message = Keys.REQUIRED) @PaymentOrder @Nullable List<String> waterfall) {
}
