package org.dues.casework;

import java.time.Instant;
import java.util.UUID;

import org.dues.shared.Phrase;
import org.jspecify.annotations.Nullable;

/**
 * One thing that happened on a case: opened, a note, a status change with why, a letter
 * sent, a document added, an owner changed, the outcome.
 *
 * @param text the English text the API keeps
 * @param said the text as pages say it in the reader's language, where casework wrote it
 * (a status change's why); null for what a person wrote
 */
public record TimelineEntry(long id, Instant at, String by, String kind, @Nullable String status, @Nullable String text,
		@Nullable UUID letterId, @Nullable String fileName, @Nullable Phrase said) {
}
