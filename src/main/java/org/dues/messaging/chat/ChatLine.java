package org.dues.messaging.chat;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A line of a chat, as appended.
 *
 * @param id increasing within the whole table, so a reader resumes after the last it saw
 * @param author the agent's user name for an agent's line
 */
public record ChatLine(long id, UUID chatId, ChatSender sender, @Nullable String author, String text, Instant at) {
}
