package org.dues.compliance;

import java.util.List;
import java.util.UUID;

import org.dues.customer.CustomerId;

/**
 * A hold was placed on a person's debts (a cease request, an attorney, a bankruptcy, a
 * dispute…): what collects on them stops at once.
 *
 * @param accountIds the debts held; empty for every debt of the person
 */
public record HoldPlaced(UUID holdId, CustomerId customerId, List<UUID> accountIds, HoldType type) {

	public HoldPlaced {
		accountIds = List.copyOf(accountIds);
	}

}
