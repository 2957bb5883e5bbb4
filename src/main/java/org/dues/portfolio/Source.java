package org.dues.portfolio;

import org.jspecify.annotations.Nullable;

/**
 * Where a ledger entry comes from and who made it.
 *
 * @param channel the path it came by, e.g. {@code API}, {@code IMPORT}, {@code UPI}
 * @param reference the outside reference, e.g. a payment reference or a file name
 * @param who the user or system that recorded it
 * @param memo a note, such as the reason for a reversal
 */
public record Source(String channel, @Nullable String reference, String who, @Nullable String memo) {

	public Source {
		if (channel == null || channel.isBlank() || who == null || who.isBlank()) {
			throw new IllegalArgumentException("a ledger source names its channel and who recorded it");
		}
	}

}
