package org.dues.portfolio;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A creditor to create, as given; {@link Creditors#create} validates it.
 *
 * @param bucketScheme {@code RBI_SMA} or {@code DPD_30}; by default RBI_SMA for India and
 * DPD_30 elsewhere
 * @param waterfall the order payments are applied in; by default fees, interest,
 * principal
 */
public record NewCreditor(@Nullable String code, @Nullable String name, @Nullable String country,
		@Nullable String currency, @Nullable String jurisdiction, @Nullable String timeZone,
		@Nullable String bucketScheme, @Nullable List<String> waterfall) {
}
