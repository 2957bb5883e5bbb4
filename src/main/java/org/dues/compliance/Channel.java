package org.dues.compliance;

/**
 * The media Dues contacts people through.
 */
public enum Channel {

	CALL, SMS, EMAIL, WHATSAPP, LETTER, VISIT

}
