package org.dues.messaging.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A live chat was given to an agent, who now has it open beside their other chats and
 * calls. Published in the transaction that gave it, so that whoever keeps the agent's
 * state (telephony: on a chat) counts it; delivered at least once, in any order with
 * {@link ChatClosed} of the same chat.
 *
 * @param chat the chat
 * @param agent the agent it was given to
 * @param at when
 */
public record ChatTaken(UUID chat, String agent, Instant at) {
}
