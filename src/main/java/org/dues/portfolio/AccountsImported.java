package org.dues.portfolio;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An allocation-file import placed new accounts with us. A bulk import writes its
 * accounts set-based and publishes no {@link AccountPlaced} for each: this one event
 * stands for all of them, published in the import's transaction (listeners that must
 * commit with it run in it). The accounts it placed are the creditor's accounts whose
 * {@code placed_at} is {@code placedAt} (the import's moment, which
 * {@code portfolio_account_facts} publishes); an account placed before, which the import
 * updated or left unchanged, keeps its earlier moment. The new accounts may become
 * visible a moment after the import's own transaction commits (a second session commits
 * them right after), so a reader that finds fewer than {@code created} looks again.
 *
 * @param placedAt the moment the import placed them
 * @param placedOn the day of placement in the creditor's time zone
 * @param created how many accounts it placed
 */
public record AccountsImported(UUID importId, CreditorId creditor, OffsetDateTime placedAt, LocalDate placedOn,
		int created) {
}
