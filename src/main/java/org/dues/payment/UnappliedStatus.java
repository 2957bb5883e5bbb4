package org.dues.payment;

/**
 * Where an unapplied item stands: open until all of it is applied or returned, then
 * applied (to one account), split (across several) or returned (some or all of it).
 */
public enum UnappliedStatus {

	OPEN, APPLIED, SPLIT, RETURNED

}
