package org.dues.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dues.shared.Money;
import org.dues.shared.Phrase;
import org.jspecify.annotations.Nullable;

/**
 * A case as it stands.
 *
 * @param number the case's reference, shown as {@code C-1001}
 * @param category the dispute's or complaint's category, the legal proceeding, or a
 * referral's subject
 * @param amount the disputed amount; null for the whole debt or where none applies
 * @param holdId the compliance hold the case placed, if it did
 * @param holdsCollection whether collection of the debt is stopped because of the case
 * @param why the rule that decided whether it is
 * @param dueOn the earliest deadline still open
 * @param facts what the case's type needs beyond these (a proceeding's facts)
 */
public record CaseView(UUID id, long number, CaseType type, CaseStatus status, UUID accountId, String accountRef,
		UUID customerId, UUID creditorId, String jurisdiction, String category, @Nullable String channel,
		String description, @Nullable Money amount, String currency, LocalDate receivedOn, @Nullable String ownerUser,
		@Nullable UUID ownerTeam, @Nullable UUID holdId, boolean holdsCollection, @Nullable Phrase why,
		@Nullable LocalDate dueOn, Map<String, String> facts, @Nullable CaseOutcome outcome,
		@Nullable String outcomeReason, Instant openedAt, String openedBy, @Nullable Instant closedAt,
		@Nullable String closedBy, int version, List<CaseDeadline> deadlines) {

	/** The reference people quote. */
	public String reference() {
		return "C-" + this.number;
	}

	/** Whether the case is still being worked. */
	public boolean open() {
		return this.status != CaseStatus.CLOSED;
	}

}
