package org.dues.casework.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.dues.casework.VisitView;
import org.jspecify.annotations.Nullable;

/** A visit as the API writes it. */
record VisitJson(String id, String accountId, String status, @Nullable String agent, LocalDate dueOn, String reason,
		String source, @Nullable String address, @Nullable String postalCode, Instant requestedAt, String requestedBy,
		@Nullable Instant checkedInAt, @Nullable Position position, @Nullable String interactionId,
		@Nullable String outcome, @Nullable Instant outcomeAt, @Nullable String note, @Nullable String arrangementId,
		@Nullable String paymentId, @Nullable String chequeNumber, @Nullable String receiptNumber) {

	static VisitJson of(VisitView v) {
		return new VisitJson(v.id().toString(), v.accountId().value().toString(), v.status().name(), v.agent(),
				v.dueOn(), v.reason(), v.source(), v.address(), v.postalCode(), v.requestedAt(), v.requestedBy(),
				v.checkedInAt(),
				(v.latitude() == null) ? null : new Position(v.latitude(), v.longitude(), v.accuracyMetres()),
				str(v.interactionId()), (v.outcome() == null) ? null : v.outcome().name(), v.outcomeAt(),
				v.outcomeNote(), str(v.arrangementId()), str(v.paymentId()), v.chequeNumber(), v.receiptNumber());
	}

	private static @Nullable String str(@Nullable Object value) {
		return (value == null) ? null : value.toString();
	}

	/** Where the device said it was at check-in. */
	record Position(BigDecimal latitude, @Nullable BigDecimal longitude, @Nullable BigDecimal accuracy) {
	}

}
