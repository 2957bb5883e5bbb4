package org.dues.casework;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.dues.portfolio.AccountId;
import org.jspecify.annotations.Nullable;

/**
 * A field visit as people and the API see it.
 *
 * @param source where the request came from: {@code DESK}, {@code API} or {@code RULE}
 * @param address the customer's address when the visit was asked for, on one line
 * @param agent the field agent it is given to; null while unassigned
 * @param checkedInAt when the agent checked in, by the server's clock
 * @param accuracyMetres the accuracy the device gave for its position
 * @param arrangementId the promise taken on the visit
 * @param paymentId the payment collected on the visit
 * @param receiptNumber the receipt book leaf written for it
 */
public record VisitView(VisitId id, AccountId accountId, UUID customerId, String reason, String source, LocalDate dueOn,
		@Nullable String address, @Nullable String postalCode, @Nullable String agent, VisitStatus status,
		Instant requestedAt, String requestedBy, @Nullable Instant checkedInAt, @Nullable BigDecimal latitude,
		@Nullable BigDecimal longitude, @Nullable BigDecimal accuracyMetres, @Nullable UUID interactionId,
		@Nullable VisitOutcome outcome, @Nullable Instant outcomeAt, @Nullable String outcomeNote,
		@Nullable UUID arrangementId, @Nullable UUID paymentId, @Nullable String chequeNumber,
		@Nullable String receiptNumber) {

	/** Whether the visit is still to be made or finished (open or checked in). */
	public boolean live() {
		return this.status == VisitStatus.OPEN || this.status == VisitStatus.CHECKED_IN;
	}

}
