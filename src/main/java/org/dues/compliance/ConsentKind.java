package org.dues.compliance;

/**
 * Permissions a person gives directly: more calls than the frequency limit allows (Reg F
 * 1006.14(b)(3)(i)), or contact at a time otherwise inconvenient (1006.6(b)(1)).
 */
public enum ConsentKind {

	ADDITIONAL_CALLS, INCONVENIENT_TIME

}
