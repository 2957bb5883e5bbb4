package org.dues.messaging.events;

import java.time.Instant;
import java.util.UUID;

import org.dues.compliance.Channel;
import org.dues.portfolio.AccountId;

/**
 * A customer wrote to us (an SMS or WhatsApp reply that is not a stop word): published
 * once per account of each person who has the number, in the transaction that put the
 * reply on the timeline, so that whoever works the account can answer it.
 *
 * @param inboundId the reply, the same for every account it is published for
 * @param account an account of the person who wrote
 * @param channel the channel it came by
 * @param from the number it came from, in E.164
 * @param text what they wrote (at most 2,000 characters)
 * @param receivedAt when it came
 */
public record ReplyReceived(UUID inboundId, AccountId account, Channel channel, String from, String text,
		Instant receivedAt) {
}
