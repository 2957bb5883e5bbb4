package org.dues.compliance;

/**
 * Why a contact would be made: collecting, sending a notice the law requires or permits
 * (verification, the notices a cease request still allows), or asking a third party where
 * the debtor is.
 */
public enum Purpose {

	COLLECTION, REQUIRED_NOTICE, LOCATION_INFORMATION

}
