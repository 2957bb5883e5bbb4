package org.dues.portfolio;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A creditor as its edit form shows it.
 *
 * @param version raised by every change; an edit names the one it was made on
 * @param hasAccounts whether accounts are placed (the currency is then fixed)
 * @param changedAt when it was last changed, null if never since it was created
 * @param changedBy who changed it last
 */
public record CreditorSettings(CreditorView creditor, int version, boolean hasAccounts, @Nullable Instant changedAt,
		@Nullable String changedBy) {
}
