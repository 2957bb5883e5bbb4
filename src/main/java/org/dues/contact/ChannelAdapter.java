package org.dues.contact;

import org.dues.compliance.Channel;
import org.dues.compliance.ContactResult;

/**
 * A way out to the world (a dialler, an SMS or email provider, WhatsApp, a letter
 * printer). Adapters take only a {@link ClearedContact}, which nothing but
 * {@link OutboundContacts} can make, and only after the gate allowed the contact.
 */
public interface ChannelAdapter {

	/** The channel this adapter serves. */
	Channel channel();

	/**
	 * Makes the contact.
	 * @return how it ended, as far as the provider knows at once
	 */
	ContactResult deliver(ClearedContact contact);

}
