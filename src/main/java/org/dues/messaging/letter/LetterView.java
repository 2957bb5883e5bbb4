package org.dues.messaging.letter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A stored letter, without its PDF.
 *
 * @param template the template's code: {@code validation-notice}…
 * @param status {@code READY} for the next print batch, {@code BATCHED} once in one,
 * {@code HELD} when there is no postal address to send it to
 */
public record LetterView(UUID id, UUID accountId, UUID customerId, String template, String language,
		LocalDate letterDate, String recipientName, List<String> addressLines, int pages, String status,
		@Nullable UUID printBatchId, Instant createdAt) {
}
