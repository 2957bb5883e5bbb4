package org.dues.telephony.pacing;

/**
 * Decides, once a second, how many new calls a campaign places now. Implementations keep
 * at most their own tuning state between calls; everything observed about the campaign
 * comes in the snapshot and its history. One instance per campaign, not thread-safe.
 */
public interface Pacer {

	/**
	 * The number of new calls to place now.
	 * @param now the campaign at this instant, with its observed history
	 * @return zero or more calls to dial; never more than the campaign's lines allow
	 */
	int callsToPlace(PacingSnapshot now);

	/**
	 * Whether every call this pacer places has an agent waiting for it, so a live answer
	 * can never be abandoned. Ofcom lets a number abandoned in the last 72 hours be
	 * called again only when an agent is guaranteed.
	 * @return true for preview and progressive dialing
	 */
	boolean guaranteesAgent();

	/**
	 * The dial mode's name as shown and printed: {@code preview}, {@code progressive},
	 * {@code predictive}.
	 * @return the mode
	 */
	String mode();

}
