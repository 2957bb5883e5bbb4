package org.dues.customer;

/**
 * How a person stands to a debt. The borrower is the account's own customer; the others
 * are its related parties.
 */
public enum PartyRole {

	BORROWER, CO_BORROWER, GUARANTOR, REFERENCE

}
