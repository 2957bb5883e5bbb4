package org.dues.compliance;

/**
 * A change to a creditor's contact-policy layer was based on a version that is no longer
 * the current one (or none was named where one must be): nothing was changed.
 */
public class StaleLayerException extends RuntimeException {

	private final int current;

	public StaleLayerException(int current, String message) {
		super(message);
		this.current = current;
	}

	/** The layer's current version (0: it has none). */
	public int current() {
		return this.current;
	}

}
