package org.dues.casework;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A placement of accounts with an agency.
 *
 * @param accounts how many accounts were placed
 * @param active how many of them are still with the agency (not recalled)
 * @param status {@code ACTIVE} while accounts are with the agency, {@code RECALLED} once
 * every one was recalled, {@code EXPIRED} once its period is over
 */
public record PlacementView(UUID id, String agencyCode, String agencyName, LocalDate from, LocalDate until,
		BigDecimal commissionRate, String status, int accounts, int active, Instant placedAt, String placedBy) {

	public static final String ACTIVE = "ACTIVE";

	public static final String RECALLED = "RECALLED";

	public static final String EXPIRED = "EXPIRED";

}
