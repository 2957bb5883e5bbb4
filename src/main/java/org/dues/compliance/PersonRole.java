package org.dues.compliance;

/**
 * Who a contact would reach: the debtor, someone else (for location information), or the
 * debtor's attorney.
 */
public enum PersonRole {

	CONSUMER, THIRD_PARTY, ATTORNEY

}
