package org.dues.casework;

import java.util.List;

import org.dues.shared.Money;

/**
 * What an agency did with the accounts placed with it, while they were placed.
 *
 * @param placed accounts placed
 * @param active of which still with the agency
 * @param contacted accounts with at least one attempt that the gate let through
 * @param attempts outbound attempts the gate let through
 * @param rightPartyContacts of which conversations with the customer
 * @param promises promises, plans and settlements taken (not those refused)
 * @param promised their amounts, one per currency
 * @param collected payments recorded on the accounts while placed, net of reversals, one
 * per currency
 * @param commission the commission on what was collected at each placement's rate, one
 * per currency
 */
public record Performance(int placed, int active, int contacted, int attempts, int rightPartyContacts, int promises,
		List<Money> promised, List<Money> collected, List<Money> commission) {

	public Performance {
		promised = List.copyOf(promised);
		collected = List.copyOf(collected);
		commission = List.copyOf(commission);
	}

}
