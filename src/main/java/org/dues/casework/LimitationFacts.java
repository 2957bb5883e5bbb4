package org.dues.casework;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * What the limitation period of a debt is reckoned from.
 *
 * @param jurisdiction the jurisdiction whose period applies ({@code US-NY} for New
 * York's: in the United States the customer's state, else the creditor's jurisdiction)
 * @param defaultedOn when the cause of action arose: the due date of the oldest unpaid
 * instalment (or the charge-off date where there is none)
 * @param lastPaymentOn the last payment on the debt, where there was one
 * @param acknowledgedOn the last written, signed acknowledgement of the debt by the
 * debtor, where there was one
 */
public record LimitationFacts(Jurisdiction jurisdiction, LocalDate defaultedOn, @Nullable LocalDate lastPaymentOn,
		@Nullable LocalDate acknowledgedOn) {

}
