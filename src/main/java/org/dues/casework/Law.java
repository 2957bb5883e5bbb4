package org.dues.casework;

/**
 * The body of law whose deadlines and proceedings a case follows, read from the
 * creditor's jurisdiction ({@link Jurisdiction#law()}): India, England and Wales (the
 * United Kingdom's {@code GB}), the United States (federal law, with a state's own
 * limitation period where known), or another country, for which only the creditor's
 * policy applies.
 */
public enum Law {

	/**
	 * India: RBI directions, the Negotiable Instruments Act, SARFAESI, the Limitation Act
	 * 1963.
	 */
	IN,

	/**
	 * England and Wales: the FCA's DISP, the Pre-Action Protocol for Debt Claims, the
	 * Limitation Act 1980.
	 */
	GB,

	/** The United States: the FDCPA and Regulation F, state statutes of limitation. */
	US,

	/** Any other country: the creditor's own policy only. */
	OTHER

}
