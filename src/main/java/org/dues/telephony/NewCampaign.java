package org.dues.telephony;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What a new campaign is made of; everything left out takes its default (progressive,
 * 09:00–20:00 in UTC, ratio 2, 30 s of wrap-up, busy after 10 minutes up to 3 tries, no
 * answer after 60 minutes up to 3, a machine after 240 minutes up to 2).
 */
public record NewCampaign(@Nullable String name, @Nullable UUID queueId, @Nullable String mode,
		@Nullable String hoursFrom, @Nullable String hoursTo, @Nullable String zone, @Nullable BigDecimal maxDialRatio,
		@Nullable Integer wrapSeconds, CampaignView.@Nullable Retries retries,
		@Nullable List<CampaignView.CallerIdRule> callerIds, @Nullable List<String> members) {
}
