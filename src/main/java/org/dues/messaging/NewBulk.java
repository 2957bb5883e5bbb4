package org.dues.messaging;

import java.time.Instant;
import java.time.LocalDateTime;

import org.dues.compliance.Channel;
import org.jspecify.annotations.Nullable;

/**
 * A bulk send asked for.
 *
 * @param template a template's code
 * @param language ISO 639-1; null for each customer's language
 * @param notBefore the earliest moment the messages may leave; null for now
 * @param scheduledAt instead, a local time read in each account's creditor's time zone
 * (09:30 is 09:30 in Kochi for an Indian creditor's accounts, in New York for an American
 * one's)
 */
public record NewBulk(BulkSelector selector, Channel channel, String template, @Nullable String language,
		@Nullable Instant notBefore, @Nullable LocalDateTime scheduledAt) {
}
