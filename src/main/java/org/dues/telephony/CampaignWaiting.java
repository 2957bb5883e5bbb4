package org.dues.telephony;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Why a running campaign places no call now, and until when, for its lead's page.
 *
 * @param reason why it waits
 * @param until when that ends: the campaign's hours open, or the first customer's calling
 * hours do
 */
public record CampaignWaiting(Reason reason, Instant until) {

	/** Why a running campaign places no call. */
	public enum Reason {

		/** Outside the campaign's own hours. */
		CAMPAIGN_HOURS,

		/** No customer of its queue is inside their calling hours now. */
		CALLING_HOURS

	}

	/** When the campaign's hours next open after {@code now}. */
	static Instant hoursOpen(CampaignView campaign, Instant now) {
		ZonedDateTime local = now.atZone(ZoneId.of(campaign.zone()));
		ZonedDateTime today = local.toLocalDate().atTime(campaign.hoursFrom()).atZone(local.getZone());
		return (today.isAfter(local) ? today
				: local.toLocalDate().plusDays(1).atTime(campaign.hoursFrom()).atZone(local.getZone()))
			.toInstant();
	}

}
