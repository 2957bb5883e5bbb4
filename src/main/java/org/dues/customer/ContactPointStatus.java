package org.dues.customer;

/**
 * Whether a contact point may be used: {@code VALID}; {@code WRONG}, not the customer's
 * (someone else's number, an address they never lived at) or not working;
 * {@code DO_NOT_USE}, the customer's but not to be used (a workplace, a number they asked
 * us not to call); and for an address {@code CORRECTED}, replaced by its correction and
 * kept so that a later file bringing it again does not add it back.
 */
public enum ContactPointStatus {

	VALID, WRONG, DO_NOT_USE, CORRECTED;

	/** Whether contact may be made through a point of this status. */
	public boolean usable() {
		return this == VALID;
	}

	/** Whether the point still describes the customer (its zones and region count). */
	public boolean current() {
		return this == VALID || this == DO_NOT_USE;
	}

}
