package org.dues.messaging.chat;

import java.time.Instant;
import java.util.UUID;

import org.dues.customer.CustomerId;
import org.dues.portfolio.AccountId;
import org.jspecify.annotations.Nullable;

/**
 * A chat as read.
 *
 * @param language the ISO 639-1 code of the language the customer chats in, by which it
 * is routed
 * @param address the WhatsApp number of a WhatsApp chat
 * @param agent who has it; null while it waits
 * @param verified whether its agent verified the customer (right-party verification)
 * before the debt was discussed
 */
public record ChatView(UUID id, AccountId accountId, CustomerId customerId, String language, ChatChannel channel,
		@Nullable String address, ChatStatus status, @Nullable String agent, boolean verified, Instant createdAt,
		@Nullable Instant assignedAt, @Nullable Instant closedAt) {

	public boolean active() {
		return this.status == ChatStatus.ACTIVE;
	}

}
