package org.dues.telephony;

/**
 * How a campaign dials: preview (the agent sees the account, then dials from the desk),
 * progressive (one call per ready agent) or predictive (as many as the pacer's forecast
 * allows within the campaign's maximum dial ratio).
 */
public enum DialMode {

	PREVIEW, PROGRESSIVE, PREDICTIVE

}
