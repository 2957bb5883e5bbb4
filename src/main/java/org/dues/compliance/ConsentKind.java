package org.dues.compliance;

/**
 * Permissions a person gives directly: more calls than the frequency limit allows (Reg F
 * 1006.14(b)(3)(i)), contact at a time otherwise inconvenient (1006.6(b)(1)), or the
 * disclosures the law requires (the validation notice) delivered electronically, by
 * email, instead of by post: the consumer's affirmative consent of the E-SIGN Act (15
 * U.S.C. 7001(c)) that Reg F 1006.42(b) accepts.
 */
public enum ConsentKind {

	ADDITIONAL_CALLS, INCONVENIENT_TIME,

	/** Required disclosures by email (Reg F 1006.42(b), E-SIGN 7001(c)). */
	ELECTRONIC_DELIVERY

}
