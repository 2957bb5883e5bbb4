package org.dues.arrangement;

/**
 * Where an arrangement stands. {@code PENDING_APPROVAL} waits in the approvals inbox;
 * {@code ACTIVE} is in force; the rest are final.
 */
public enum ArrangementStatus {

	PENDING_APPROVAL, ACTIVE, KEPT, BROKEN, COMPLETED, CANCELLED, REJECTED;

	public boolean isOpen() {
		return this == PENDING_APPROVAL || this == ACTIVE;
	}

}
