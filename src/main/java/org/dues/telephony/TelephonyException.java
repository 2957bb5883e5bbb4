package org.dues.telephony;

/**
 * A provider refused a call or could not be reached.
 */
public class TelephonyException extends RuntimeException {

	private final boolean retryable;

	public TelephonyException(String message, boolean retryable) {
		super(message);
		this.retryable = retryable;
	}

	public TelephonyException(String message, boolean retryable, Throwable cause) {
		super(message, cause);
		this.retryable = retryable;
	}

	/**
	 * @return whether trying again later may succeed (a 429, a 5xx, no answer)
	 */
	public boolean retryable() {
		return this.retryable;
	}

}
