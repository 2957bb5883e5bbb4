package org.dues.payment.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.dues.payment.EntryOutcome;
import org.dues.payment.StatementEntryView;
import org.dues.payment.StatementReport;
import org.dues.payment.UnappliedView;
import org.dues.portfolio.AccountId;
import org.dues.shared.MoneyJson;
import org.dues.shared.validation.Amount;
import org.dues.shared.validation.RequestMoney;
import org.jspecify.annotations.Nullable;

import static org.dues.shared.validation.Keys.LENGTH;
import static org.dues.shared.validation.Keys.REQUIRED;

/** The JSON shapes of reconciliation: statements, their entries, unapplied cash. */
final class ReconciliationJson {

	private ReconciliationJson() {
	}

	record StatementJson(String id, String creditor, String format, String bankAccount, String number, LocalDate from,
			LocalDate to, int entries, int matched, int posted, int alreadyPosted, int reversed, int suggested,
			int unmatched, int ignored, int suspense, int debits, @Nullable MoneyJson openingBalance,
			@Nullable MoneyJson closingBalance, @Nullable Boolean balanced, MoneyJson creditsTotal,
			MoneyJson debitsTotal, Map<String, MoneyJson> totals, Instant importedAt, String importedBy) {

		static StatementJson of(StatementReport r) {
			Map<String, MoneyJson> totals = new java.util.LinkedHashMap<>();
			r.amounts().forEach((o, m) -> totals.put(o.name(), MoneyJson.of(m)));
			return new StatementJson(r.id().toString(), r.creditorCode(), r.format().name(), r.bankAccount(),
					r.number(), r.from(), r.to(), r.entries(), r.matched(), r.count(EntryOutcome.POSTED),
					r.count(EntryOutcome.ALREADY_POSTED), r.count(EntryOutcome.REVERSED),
					r.count(EntryOutcome.SUGGESTED), r.count(EntryOutcome.UNMATCHED), r.count(EntryOutcome.IGNORED),
					r.count(EntryOutcome.SUSPENSE), r.count(EntryOutcome.DEBIT),
					MoneyJson.ofNullable(r.openingBalance()), MoneyJson.ofNullable(r.closingBalance()), r.balanced(),
					MoneyJson.of(r.credits()), MoneyJson.of(r.debits()), totals, r.importedAt(), r.importedBy());
		}

	}

	record EntryJson(String id, int line, String direction, String kind, MoneyJson amount, LocalDate valueDate,
			@Nullable String bankReference, @Nullable String endToEndId, @Nullable String payerName,
			@Nullable String payerAccount, @Nullable String remittance, @Nullable String bankCode, String outcome,
			@Nullable String matchedBy, @Nullable String accountId, @Nullable String paymentId,
			@Nullable String suggestedAccountId, @Nullable String note, @Nullable String decidedBy) {

		static EntryJson of(StatementEntryView e) {
			return new EntryJson(e.id().toString(), e.line(), e.credit() ? "CREDIT" : "DEBIT", e.kind(),
					MoneyJson.of(e.amount()), e.valueDate(), e.bankReference(), e.endToEndId(), e.payerName(),
					e.payerAccount(), e.remittance(), e.bankCode(), e.outcome().name(), e.matchedBy(),
					e.account() == null ? null : e.account().toString(),
					e.payment() == null ? null : e.payment().toString(),
					e.suggested() == null ? null : e.suggested().toString(), e.note(), e.decidedBy());
		}

	}

	record UnappliedJson(String id, @Nullable String creditorId, MoneyJson amount, LocalDate valueDate,
			@Nullable String payerName, @Nullable String payerAccount, @Nullable String remittance,
			@Nullable String endToEndId, @Nullable String bankReference, @Nullable String statementEntryId,
			String status, MoneyJson applied, MoneyJson returned, MoneyJson open, Instant createdAt, String createdBy,
			List<EventJson> history) {

		static UnappliedJson of(UnappliedView u) {
			return new UnappliedJson(u.id().toString(), u.creditor() == null ? null : u.creditor().value().toString(),
					MoneyJson.of(u.amount()), u.valueDate(), u.payerName(), u.payerAccount(), u.remittance(),
					u.endToEndId(), u.bankReference(),
					u.statementEntry() == null ? null : u.statementEntry().toString(), u.status().name(),
					MoneyJson.of(u.applied()), MoneyJson.of(u.returned()), MoneyJson.of(u.open()), u.createdAt(),
					u.createdBy(),
					u.history()
						.stream()
						.map((e) -> new EventJson(e.action(), MoneyJson.of(e.amount()),
								e.account() == null ? null : e.account().toString(),
								e.payment() == null ? null : e.payment().toString(), e.reason(), e.at(), e.by()))
						.toList());
		}

	}

	record EventJson(String action, MoneyJson amount, @Nullable String accountId, @Nullable String paymentId,
			String reason, Instant at, String by) {
	}

	/** One part: an account and an amount (a decimal string in the money's currency). */
	record SplitRequest(@NotBlank(message = REQUIRED) @Nullable String accountId,
			@NotBlank(message = REQUIRED) @Amount @Nullable String amount) {
	}

	/**
	 * Where to apply money: one {@code accountId} (with {@code amount}, by default all of
	 * it), or {@code splits}; always a {@code reason}.
	 */
	record ApplyRequest(@Nullable String accountId, @Amount @Nullable String amount,
			@Valid @Nullable List<SplitRequest> splits,
			@NotBlank(message = REQUIRED) @Size(max = 500, message = LENGTH) @Nullable String reason) {

		List<UnappliedView.Part> parts(java.util.Currency currency, org.dues.shared.Money whole) {
			if (this.splits != null && !this.splits.isEmpty()) {
				if (this.accountId != null) {
					throw new org.dues.shared.InvalidInputException("accountId", "give accountId or splits, not both");
				}
				List<UnappliedView.Part> parts = new java.util.ArrayList<>();
				for (int i = 0; i < this.splits.size(); i++) {
					SplitRequest s = this.splits.get(i);
					parts.add(new UnappliedView.Part(account("splits[%d].accountId".formatted(i), s.accountId()),
							Objects.requireNonNull(
									RequestMoney.of("splits[%d].amount".formatted(i), s.amount(), currency, null))));
				}
				return parts;
			}
			if (this.accountId == null || this.accountId.isBlank()) {
				throw new org.dues.shared.InvalidInputException("accountId", "give accountId or splits");
			}
			org.dues.shared.Money money = this.amount == null ? whole
					: Objects.requireNonNull(RequestMoney.of("amount", this.amount, currency, null));
			return List.of(new UnappliedView.Part(account("accountId", this.accountId), money));
		}

		private static AccountId account(String field, @Nullable String id) {
			try {
				return new AccountId(UUID.fromString(Objects.requireNonNull(id).strip()));
			}
			catch (IllegalArgumentException | NullPointerException ex) {
				throw new org.dues.shared.InvalidInputException(field, "is not an account id");
			}
		}

	}

	record ReasonRequest(@NotBlank(message = REQUIRED) @Size(max = 500, message = LENGTH) @Pattern(
			regexp = "[^\\u0000]*", message = "must not contain NUL characters") @Nullable String reason) {
	}

}
