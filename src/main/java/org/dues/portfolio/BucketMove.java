package org.dues.portfolio;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * An account's move from one bucket to another; {@code from} is null on placement.
 */
public record BucketMove(@Nullable String from, String to, int daysPastDue, LocalDate movedOn) {
}
