package org.dues.casework;

/**
 * What a creditor sets for its complaints where the law leaves it to them: how soon a
 * complaint is acknowledged everywhere, and how soon it is resolved where no regulation
 * fixes that (the United States and other countries; India's 30 days and the FCA's eight
 * weeks are not the creditor's to change).
 *
 * @param acknowledgement how soon after receipt the acknowledgement goes out
 * @param resolution how soon after receipt the final response goes out, where the law
 * sets no deadline
 */
public record ComplaintPolicy(Days acknowledgement, Days resolution) {

	/**
	 * The defaults of a body of law: India and England and Wales 5 business days to
	 * acknowledge (DISP 1.6.1R asks for "prompt" acknowledgement; India leaves it to the
	 * creditor); the United States and elsewhere 15 days to acknowledge (the response
	 * time the CFPB's complaint process expects of companies) and 30 days to resolve.
	 */
	public static ComplaintPolicy defaults(Law law) {
		return switch (law) {
			case IN, GB -> new ComplaintPolicy(Days.business(5), Days.calendar(30));
			case US, OTHER -> new ComplaintPolicy(Days.calendar(15), Days.calendar(30));
		};
	}

}
