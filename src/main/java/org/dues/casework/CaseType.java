package org.dues.casework;

/**
 * What a case is: a dispute of the debt, a complaint, a legal referral, or a referral to
 * a senior.
 */
public enum CaseType {

	DISPUTE, COMPLAINT, LEGAL, REFERRAL

}
