package org.dues.payment;

/**
 * What a payment link asks for: the overdue amount, the full balance, an instalment, a
 * settlement amount, or an amount the customer chooses within the creditor's bounds.
 */
public enum LinkPurpose {

	OVERDUE, BALANCE, INSTALMENT, SETTLEMENT, CUSTOM

}
