package org.dues.messaging.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The agent closed a live chat: it is no longer open on their desk. Published in the
 * transaction that closed it; delivered at least once, possibly before the
 * {@link ChatTaken} of the same chat.
 *
 * @param chat the chat
 * @param agent the agent who had it
 * @param at when
 */
public record ChatClosed(UUID chat, String agent, Instant at) {
}
