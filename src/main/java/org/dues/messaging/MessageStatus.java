package org.dues.messaging;

/**
 * Where a message is in its life: queued (perhaps waiting for a lawful window), being
 * handed to its provider, sent, then delivered, failed or bounced; or blocked for good by
 * the gate, or cancelled (an opt-out, a payment, a hold).
 */
public enum MessageStatus {

	QUEUED, SENDING, SENT, DELIVERED, FAILED, BOUNCED, BLOCKED, CANCELLED;

	/** Whether nothing more will happen to the message. */
	public boolean done() {
		return this == DELIVERED || this == FAILED || this == BOUNCED || this == BLOCKED || this == CANCELLED;
	}

}
