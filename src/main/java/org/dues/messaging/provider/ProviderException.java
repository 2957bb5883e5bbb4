package org.dues.messaging.provider;

/**
 * A provider refused a message or could not be reached.
 */
public class ProviderException extends RuntimeException {

	private final boolean retryable;

	private final boolean ambiguous;

	/**
	 * @param retryable true for an outage, a timeout, a 429 or a 5xx (the message is
	 * tried again with backoff); false for a refusal that will not change (a bad number,
	 * a template the provider does not know)
	 */
	public ProviderException(String message, boolean retryable) {
		super(message);
		this.retryable = retryable;
		this.ambiguous = false;
	}

	public ProviderException(String message, boolean retryable, Throwable cause) {
		this(message, retryable, false, cause);
	}

	/**
	 * @param ambiguous true when the request reached the provider but no answer came (a
	 * read timeout, a connection lost mid-answer, an answer that could not be read): the
	 * provider may have taken the message, so it is sent again only through a provider
	 * that drops repeats
	 */
	public ProviderException(String message, boolean retryable, boolean ambiguous, Throwable cause) {
		super(message, cause);
		this.retryable = retryable;
		this.ambiguous = ambiguous;
	}

	public boolean retryable() {
		return this.retryable;
	}

	/** Whether the provider may have taken the message although it did not say so. */
	public boolean ambiguous() {
		return this.ambiguous;
	}

}
