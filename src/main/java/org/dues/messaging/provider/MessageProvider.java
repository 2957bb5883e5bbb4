package org.dues.messaging.provider;

import org.dues.compliance.Channel;
import org.dues.contact.ClearedContact;

/**
 * A provider of one channel: SMTP for email, Twilio or an Indian DLT gateway for SMS, the
 * WhatsApp Cloud API, the print batch for letters, or the simulated provider of the
 * embedded default. Beans of this type are routed to by channel and by {@link #serves}.
 */
public interface MessageProvider {

	/**
	 * A short name stored with each message: {@code twilio}, {@code exotel},
	 * {@code smtp}…
	 */
	String name();

	Channel channel();

	/**
	 * Whether this provider takes messages to this destination; the first configured real
	 * provider that serves it wins, the simulated one comes last.
	 */
	boolean serves(Route route);

	/**
	 * Whether sending the same message again (same {@link Outgoing#messageId()}) is safe
	 * because the provider drops the repeat; when it is not, a message whose hand-over
	 * was interrupted by a crash is failed as unknown rather than sent twice.
	 */
	default boolean idempotent() {
		return false;
	}

	/**
	 * Whether the provider reports later what became of a message it took (delivered,
	 * failed); when it does not (the post), the message's attempt ends
	 * {@link org.dues.compliance.ContactResult#SENT} once handed over, as the message
	 * itself stays {@code SENT}.
	 */
	default boolean reportsDelivery() {
		return true;
	}

	/**
	 * Hands the message to the provider.
	 * @param cleared the gate's clearance for this very contact
	 * @return the provider's id for the message and the status it reported
	 * @throws ProviderException when the provider refused or could not be reached
	 */
	Handover send(ClearedContact cleared, Outgoing message);

}
