package org.dues.payment;

/** The formats of bank statements Dues reads. */
public enum StatementFormat {

	/** ISO 20022 bank-to-customer statement (camt.053). */
	CAMT053,
	/** SWIFT MT940 customer statement. */
	MT940,
	/** A bank's CSV export, read through a mapping profile. */
	CSV

}
