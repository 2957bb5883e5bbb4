package org.dues.messaging.provider;

/**
 * A provider refused a message or could not be reached.
 */
public class ProviderException extends RuntimeException {

	private final boolean retryable;

	/**
	 * @param retryable true for an outage, a timeout, a 429 or a 5xx (the message is
	 * tried again with backoff); false for a refusal that will not change (a bad number,
	 * a template the provider does not know)
	 */
	public ProviderException(String message, boolean retryable) {
		super(message);
		this.retryable = retryable;
	}

	public ProviderException(String message, boolean retryable, Throwable cause) {
		super(message, cause);
		this.retryable = retryable;
	}

	public boolean retryable() {
		return this.retryable;
	}

}
