package org.dues.messaging.provider;

import org.dues.compliance.Channel;
import org.dues.messaging.MessageStatus;
import org.jspecify.annotations.Nullable;

/**
 * What providers' webhooks report, after their signature was verified. Each report is
 * idempotent by the provider's event id: a repeat has no second effect.
 */
public interface ProviderReports {

	/**
	 * A message's status changed at the provider.
	 * @param eventId the provider's id of this report (or one derived from the message id
	 * and the status where the provider gives none)
	 * @return false when the report was a repeat or names no message of ours
	 */
	boolean status(String provider, String eventId, String providerId, MessageStatus status, @Nullable String error);

	/**
	 * The person wrote to us (an SMS or WhatsApp reply, an email): it goes on the
	 * timeline of the accounts of whoever has that address, to their agents; a stop word
	 * bans the channel on that address for every creditor's debts and cancels what is
	 * queued.
	 * @return false when the report was a repeat
	 */
	boolean inbound(String provider, String eventId, Channel channel, String from, @Nullable String to, String text);

	/**
	 * An email came back (a delivery status notification read from the bounce mailbox),
	 * taken once by the notification's own id. A hard bounce (failed, 5.x.x) marks the
	 * message {@link MessageStatus#BOUNCED} and bans email to its address for everyone
	 * who has it on every creditor's debts, cancelling what is queued to it; a failure
	 * with a transient status marks it {@link MessageStatus#FAILED}; a delay, or any
	 * other report, goes on the message's history only. Every notification is recorded,
	 * one that names no message of ours as such.
	 */
	Bounce.Taken bounce(Bounce bounce);

	/**
	 * The address may no longer be used on this channel: an email unsubscribe (RFC 8058)
	 * or a hard bounce; banned for every creditor's debts and queued messages cancelled.
	 */
	void optOut(Channel channel, String address, String why);

	/**
	 * A webhook was refused (a missing or bad signature): recorded, nothing else happens.
	 */
	void refused(String provider, String path, String why);

}
