package org.dues.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.dues.compliance.Channel;
import org.dues.portfolio.AccountId;
import org.jspecify.annotations.Nullable;

/**
 * A message and where it is in its life.
 *
 * @param reasons why the gate held it back or blocked it
 * @param nextAttemptAt when a queued message is next tried
 * @param history its statuses, oldest first
 */
public record MessageView(UUID id, AccountId accountId, Channel channel, MessagePurpose purpose,
		@Nullable String templateCode, @Nullable Integer templateVersion, String language, @Nullable String address,
		@Nullable String subject, String body, MessageStatus status, @Nullable String reasons,
		@Nullable String provider, @Nullable String providerId, int attempts, Instant nextAttemptAt,
		@Nullable String lastError, Instant createdAt, String createdBy, @Nullable Instant sentAt,
		@Nullable Instant deliveredAt, List<Event> history) {

	/** A change of status. */
	public record Event(Instant at, MessageStatus status, @Nullable String detail) {
	}

}
