package org.dues.portfolio;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;

import org.dues.customer.CustomerId;
import org.dues.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * An account (a debt) as read: its balances, how overdue it is, and whose it is.
 */
public record AccountView(AccountId id, CreditorId creditorId, String creditorCode, String accountRef,
		CustomerId customerId, @Nullable String product, AccountStatus status, Currency currency, Balances balances,
		Money overdueAmount, @Nullable LocalDate oldestDueDate, int daysPastDue, @Nullable String bucket,
		@Nullable Money originalAmount, @Nullable Money installmentAmount, @Nullable LocalDate openDate,
		@Nullable LocalDate chargeOffDate, @Nullable LocalDate lastPaymentDate, @Nullable Money lastPaymentAmount,
		Instant placedAt) {
}
