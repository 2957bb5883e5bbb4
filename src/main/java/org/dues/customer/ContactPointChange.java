package org.dues.customer;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One change a person made to a customer's contact point, as kept in its history.
 *
 * @param point the contact point changed
 * @param value the number (E.164), email or address (one line) changed
 * @param before its status before, null when it was added
 * @param after its status after
 * @param replacedBy for a corrected address, the contact point of its correction
 * @param source for one added, where it came from ({@code CUSTOMER}, {@code AGENT})
 * @param reason why, as the person gave it
 * @param by who made the change
 * @param at when
 */
public record ContactPointChange(CustomerId customer, UUID point, ContactPointKind kind, Change change, String value,
		@Nullable ContactPointStatus before, ContactPointStatus after, @Nullable UUID replacedBy,
		@Nullable String source, @Nullable String reason, String by, Instant at) {

	/** What was done. */
	public enum Change {

		/** A contact point was added. */
		ADDED,
		/** Its status changed (marked wrong, do not use, or valid again). */
		STATUS,
		/** An address was corrected: replaced by another, itself kept as corrected. */
		CORRECTED

	}

}
