package org.dues.casework;

/**
 * What a complaint is about; the CFPB's consumer-complaint categories for debt collection
 * (communication tactics, false statements, improper contact, attempts to collect a debt
 * not owed, privacy) map onto these.
 */
public enum ComplaintCategory {

	AGENT_CONDUCT, CONTACT_FREQUENCY, WRONG_AMOUNT, PRIVACY, SERVICE, OTHER

}
