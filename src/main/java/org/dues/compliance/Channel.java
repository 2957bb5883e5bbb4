package org.dues.compliance;

import java.util.List;

/**
 * The media Dues contacts people through, and live chat, a medium only the person opens
 * (from the pay page): Dues never starts a chat, so it is no medium of outbound contact.
 */
public enum Channel {

	CALL, SMS, EMAIL, WHATSAPP, LETTER, VISIT, CHAT;

	private static final List<Channel> OUTBOUND = List.of(CALL, SMS, EMAIL, WHATSAPP, LETTER, VISIT);

	/** The media Dues may contact people through: all but chat. */
	public static List<Channel> outbound() {
		return OUTBOUND;
	}

}
