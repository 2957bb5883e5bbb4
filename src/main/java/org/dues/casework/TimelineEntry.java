package org.dues.casework;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One thing that happened on a case: opened, a note, a status change with why, a letter
 * sent, a document added, an owner changed, the outcome.
 */
public record TimelineEntry(long id, Instant at, String by, String kind, @Nullable String status, @Nullable String text,
		@Nullable UUID letterId, @Nullable String fileName) {
}
