package org.dues.portfolio;

import java.time.LocalDate;
import java.util.List;

import org.dues.shared.EmailAddress;
import org.dues.shared.Money;
import org.dues.shared.PhoneNumber;
import org.dues.shared.PostalAddress;
import org.jspecify.annotations.Nullable;

/**
 * One account as a creditor places it, already checked: the debt, its balances and its
 * customer. {@link PlacementParser} builds it from the allocation file's fields.
 */
public record Placement(String accountRef, String customerRef, String customerName, @Nullable String language,
		@Nullable LocalDate dateOfBirth, @Nullable String nationalId, Money principal, Money interest, Money fees,
		Money overdue, @Nullable LocalDate oldestDueDate, @Nullable String product, @Nullable Money originalAmount,
		@Nullable Money installmentAmount, @Nullable LocalDate openDate, @Nullable LocalDate chargeOffDate,
		@Nullable LocalDate lastPaymentDate, @Nullable Money lastPaymentAmount, List<PhoneNumber> phones,
		List<EmailAddress> emails, List<PostalAddress> addresses) {

	public Placement {
		phones = List.copyOf(phones);
		emails = List.copyOf(emails);
		addresses = List.copyOf(addresses);
	}

	public Balances balances() {
		return new Balances(this.principal, this.interest, this.fees, Money.zero(this.principal.currency()));
	}

}
