package org.dues.shared;

import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;

/**
 * The kind of line a number is, as far as numbering plans tell.
 */
public enum PhoneType {

	MOBILE, FIXED_LINE, FIXED_LINE_OR_MOBILE, TOLL_FREE, VOIP, OTHER;

	static PhoneType of(PhoneNumberType type) {
		return switch (type) {
			case MOBILE -> MOBILE;
			case FIXED_LINE -> FIXED_LINE;
			case FIXED_LINE_OR_MOBILE -> FIXED_LINE_OR_MOBILE;
			case TOLL_FREE -> TOLL_FREE;
			case VOIP -> VOIP;
			default -> OTHER;
		};
	}

}
