package org.dues.casework;

/**
 * What a creditor sets for its disputes: how soon a dispute is acknowledged and how soon
 * it is resolved (in the United States: how soon the verification goes out, which the
 * FDCPA leaves open while collection of the debt stays stopped).
 *
 * @param acknowledgement how soon after receipt the acknowledgement goes out
 * @param resolution how soon after receipt the resolution (or verification) goes out
 */
public record DisputePolicy(Days acknowledgement, Days resolution) {

	/**
	 * The defaults: the United States 5 business days to acknowledge and 30 days to send
	 * the verification; elsewhere 7 days to acknowledge and 30 days to resolve.
	 */
	public static DisputePolicy defaults(Law law) {
		return (law == Law.US) ? new DisputePolicy(Days.business(5), Days.calendar(30))
				: new DisputePolicy(Days.calendar(7), Days.calendar(30));
	}

}
