package org.dues.messaging.provider;

import java.util.Locale;

import org.dues.contact.ClearedContact;

/**
 * The check every adapter makes before sending: the gate's clearance is for this channel
 * and this address.
 */
final class Cleared {

	private Cleared() {
	}

	static void check(ClearedContact cleared, Outgoing message) {
		if (cleared.channel() != message.channel()) {
			throw new IllegalArgumentException(
					"cleared for " + cleared.channel() + ", not for a message by " + message.channel());
		}
		String address = cleared.address();
		if (address != null && !address.toLowerCase(Locale.ROOT).equals(message.to().toLowerCase(Locale.ROOT))) {
			throw new IllegalArgumentException("cleared for another address than the message's");
		}
	}

}
