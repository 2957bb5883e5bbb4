package org.dues.arrangement.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dues.arrangement.ApprovalView;
import org.dues.arrangement.ArrangementKind;
import org.dues.arrangement.ArrangementView;
import org.dues.shared.MoneyJson;
import org.jspecify.annotations.Nullable;

/**
 * An arrangement as the API gives it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ArrangementJson(String id, String accountId, String kind, String status, MoneyJson amount, MoneyJson paid,
		@Nullable MoneyJson discount, @Nullable LocalDate dueOn, @Nullable String frequency,
		@Nullable LocalDate offerExpiresOn, @Nullable String component, @Nullable Integer days,
		@Nullable String channel, @Nullable String reason, Instant createdAt, String createdBy,
		@Nullable Instant closedAt, @Nullable String closedBy, @Nullable String closeReason,
		@Nullable Boolean partiallyKept, @Nullable List<Instalment> instalments, @Nullable Approval approval,
		@Nullable List<String> history) {

	static ArrangementJson of(ArrangementView a, @Nullable List<String> history) {
		boolean scheduled = a.kind() == ArrangementKind.PLAN || a.kind() == ArrangementKind.SETTLEMENT
				|| (a.kind() == ArrangementKind.PROMISE && a.instalments().size() > 1);
		return new ArrangementJson(a.id().toString(), a.accountId().toString(), a.kind().name(), a.status().name(),
				MoneyJson.of(a.amount()), MoneyJson.of(a.paid()),
				(a.kind() == ArrangementKind.SETTLEMENT) ? MoneyJson.of(a.discount()) : null,
				(a.kind() == ArrangementKind.PROMISE && !a.instalments().isEmpty()) ? a.instalments().get(0).dueOn()
						: null,
				(a.frequency() == null) ? null : a.frequency().name(), a.offerExpiresOn(), a.component(),
				a.defermentDays(), a.channel(), a.reason(), a.createdAt(), a.createdBy(), a.closedAt(), a.closedBy(),
				a.closeReason(), (a.kind() == ArrangementKind.PROMISE) ? a.partial() : null,
				scheduled ? a.instalments()
					.stream()
					.map((i) -> new Instalment(i.seq(), i.dueOn(), MoneyJson.of(i.amount()), MoneyJson.of(i.paid()),
							i.status().name()))
					.toList() : null,
				(a.approval() == null) ? null : Approval.of(a.approval()), history);
	}

	/** An instalment. */
	record Instalment(int seq, LocalDate dueOn, MoneyJson amount, MoneyJson paid, String status) {
	}

	/** The approval an arrangement needed. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Approval(String id, String status, String beyond, String requestedBy, Instant requestedAt,
			@Nullable String decidedBy, @Nullable Instant decidedAt, @Nullable String decisionReason,
			@Nullable String accountId, @Nullable String arrangementId, @Nullable String kind) {

		static Approval of(ApprovalView p) {
			return new Approval(p.id().toString(), p.status(), p.beyond(), p.requestedBy(), p.requestedAt(),
					p.decidedBy(), p.decidedAt(), p.decisionReason(), null, null, null);
		}

		static Approval inbox(ApprovalView p) {
			return new Approval(p.id().toString(), p.status(), p.beyond(), p.requestedBy(), p.requestedAt(),
					p.decidedBy(), p.decidedAt(), p.decisionReason(), p.accountId().toString(),
					p.arrangementId().toString(), p.kind().name());
		}

	}

}
