package org.dues.reporting;

/** Why a payment was credited to the agent it was. */
public enum CreditedAs {

	/** They took the promise, plan or settlement open on the account when it was paid. */
	ARRANGEMENT_TAKER,

	/** They owned the account then, or had it open from the pool. */
	ACCOUNT_HOLDER,

	/** They were the last to speak with the customer about it, within the window. */
	LAST_IN_CONTACT

}
