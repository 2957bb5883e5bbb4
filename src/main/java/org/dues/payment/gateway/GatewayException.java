package org.dues.payment.gateway;

/** A gateway refused a request or could not be reached. */
class GatewayException extends RuntimeException {

	GatewayException(String message) {
		super(message);
	}

	GatewayException(String message, Throwable cause) {
		super(message, cause);
	}

}
