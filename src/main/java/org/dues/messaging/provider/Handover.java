package org.dues.messaging.provider;

import org.dues.messaging.MessageStatus;

/**
 * What a provider answered when it took a message.
 *
 * @param providerId the provider's id of the message (Twilio's SID, the SMTP
 * Message-ID…), by which its delivery reports name it
 * @param status {@link MessageStatus#SENT}, or {@link MessageStatus#DELIVERED} where the
 * hand-over is the delivery (a letter in the print batch)
 */
public record Handover(String providerId, MessageStatus status) {
}
