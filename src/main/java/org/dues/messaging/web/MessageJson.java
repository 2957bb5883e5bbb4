package org.dues.messaging.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.dues.messaging.MessageView;
import org.jspecify.annotations.Nullable;

/** A message as the API shows it. */
record MessageJson(UUID id, UUID accountId, String channel, String purpose, @Nullable String template,
		@Nullable Integer templateVersion, String language, @Nullable String to, @Nullable String subject, String body,
		String status, @Nullable List<String> reasons, @Nullable String provider, @Nullable String providerId,
		int attempts, @Nullable Instant nextAttemptAt, @Nullable String lastError, Instant createdAt, String createdBy,
		@Nullable Instant sentAt, @Nullable Instant deliveredAt, List<Event> history) {

	static MessageJson of(MessageView m) {
		return new MessageJson(m.id(), m.accountId().value(), m.channel().name(), m.purpose().name(), m.templateCode(),
				m.templateVersion(), m.language(), m.address(), m.subject(), m.body(), m.status().name(),
				(m.reasons() == null) ? null : List.of(m.reasons().split("; ")), m.provider(), m.providerId(),
				m.attempts(), m.status().done() ? null : m.nextAttemptAt(), m.lastError(), m.createdAt(), m.createdBy(),
				m.sentAt(), m.deliveredAt(),
				m.history().stream().map((e) -> new Event(e.at(), e.status().name(), e.detail())).toList());
	}

	record Event(Instant at, String status, @Nullable String detail) {
	}

}
