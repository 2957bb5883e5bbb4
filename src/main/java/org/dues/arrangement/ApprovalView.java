package org.dues.arrangement;

import java.time.Instant;
import java.util.UUID;

import org.dues.portfolio.AccountId;
import org.dues.shared.Phrase;
import org.jspecify.annotations.Nullable;

/**
 * A request for approval of an arrangement beyond its asker's authority.
 *
 * @param beyond what went beyond the asker's authority, in the API's English
 * @param beyondSaid the same as pages say it (null for requests from before it was kept)
 * @param status {@code PENDING}, {@code APPROVED}, {@code REJECTED} or {@code CANCELLED}
 */
public record ApprovalView(UUID id, ArrangementId arrangementId, AccountId accountId, ArrangementKind kind,
		String requestedBy, Instant requestedAt, String beyond, String status, @Nullable String decidedBy,
		@Nullable Instant decidedAt, @Nullable String decisionReason, @Nullable Phrase beyondSaid) {
}
