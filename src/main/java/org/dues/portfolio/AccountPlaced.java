package org.dues.portfolio;

import java.time.LocalDate;

import org.dues.customer.CustomerId;

/**
 * A creditor placed a new account with us (not a placement again of one we hold).
 * Published in the placing transaction; listeners run after it commits.
 *
 * @param placedOn the day of placement in the creditor's time zone
 * @param channel where the placement came from: {@code API}, {@code IMPORT},
 * {@code DEMO}…
 */
public record AccountPlaced(AccountId account, CreditorId creditor, CustomerId customer, LocalDate placedOn,
		String channel) {
}
