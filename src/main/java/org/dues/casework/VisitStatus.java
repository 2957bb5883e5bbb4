package org.dues.casework;

/**
 * Where a field visit stands: open (to be made), checked in (the agent is at the address,
 * the gate allowed it), done (its outcome recorded), or cancelled.
 */
public enum VisitStatus {

	OPEN, CHECKED_IN, DONE, CANCELLED

}
