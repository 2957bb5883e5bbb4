package org.dues.payment.gateway;

/** A webhook whose signature did not verify, or that could not be read. */
class WebhookRefusedException extends RuntimeException {

	WebhookRefusedException(String message) {
		super(message);
	}

}
