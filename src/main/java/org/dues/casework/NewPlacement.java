package org.dues.casework;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Accounts to place with an agency: for a period from {@code from} (today when not given)
 * until {@code until}, at a commission rate in percent (the agency's default when not
 * given).
 */
public record NewPlacement(List<UUID> accountIds, @Nullable LocalDate from, @Nullable LocalDate until,
		@Nullable BigDecimal commissionRate) {

	public NewPlacement {
		accountIds = List.copyOf(accountIds);
	}

}
