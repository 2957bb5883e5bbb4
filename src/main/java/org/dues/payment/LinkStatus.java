package org.dues.payment;

/**
 * Where a payment link stands. A link past its expiry reads as {@link #EXPIRED} whatever
 * is stored.
 */
public enum LinkStatus {

	ACTIVE, PAID, EXPIRED, CANCELLED

}
