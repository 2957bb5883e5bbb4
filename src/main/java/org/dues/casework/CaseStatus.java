package org.dues.casework;

/**
 * Where a case stands. A dispute that stops collection awaits verification; a legal
 * referral a lead makes awaits a manager's approval; a referral to a senior is answered;
 * every case ends closed with an outcome.
 */
public enum CaseStatus {

	OPEN, ACKNOWLEDGED, AWAITING_VERIFICATION, VERIFICATION_SENT, PENDING_APPROVAL, ACTIVE, ANSWERED, CLOSED

}
