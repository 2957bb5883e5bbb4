package org.dues.portfolio.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.dues.customer.CustomerView;
import org.dues.portfolio.AccountView;
import org.dues.shared.InvalidInputException.FieldError;
import org.dues.shared.MoneyJson;
import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An account as the API returns it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record AccountJson(String id, String creditor, String accountRef, @Nullable String product, String status,
		String currency, BalancesJson balances, MoneyJson overdueAmount, @Nullable LocalDate oldestDueDate,
		int daysPastDue, @Nullable String bucket, @Nullable MoneyJson originalAmount,
		@Nullable MoneyJson installmentAmount, @Nullable LocalDate openDate, @Nullable LocalDate chargeOffDate,
		@Nullable LocalDate lastPaymentDate, @Nullable MoneyJson lastPaymentAmount, Instant placedAt,
		CustomerJson customer, @Nullable String outcome, @Nullable List<FieldError> warnings) {

	static AccountJson of(AccountView a, CustomerView c) {
		return of(a, c, null, null);
	}

	static AccountJson of(AccountView a, CustomerView c, @Nullable String outcome,
			@Nullable List<FieldError> warnings) {
		return new AccountJson(a.id().toString(), a.creditorCode(), a.accountRef(), a.product(), a.status().name(),
				a.currency().getCurrencyCode(),
				new BalancesJson(MoneyJson.of(a.balances().principal()), MoneyJson.of(a.balances().interest()),
						MoneyJson.of(a.balances().fees()), MoneyJson.of(a.balances().credit()),
						MoneyJson.of(a.balances().total())),
				MoneyJson.of(a.overdueAmount()), a.oldestDueDate(), a.daysPastDue(), a.bucket(),
				MoneyJson.ofNullable(a.originalAmount()), MoneyJson.ofNullable(a.installmentAmount()), a.openDate(),
				a.chargeOffDate(), a.lastPaymentDate(), MoneyJson.ofNullable(a.lastPaymentAmount()), a.placedAt(),
				CustomerJson.of(c), outcome, warnings);
	}

	record BalancesJson(MoneyJson principal, MoneyJson interest, MoneyJson fees, MoneyJson credit, MoneyJson total) {
	}

	record CustomerJson(String id, String customerRef, String kind, String name, @Nullable String language,
			Set<String> timeZones, List<CustomerView.Phone> phones, List<CustomerView.Email> emails,
			List<AddressJson> addresses) {

		static CustomerJson of(CustomerView c) {
			return new CustomerJson(c.id().toString(), c.customerRef(), c.kind().name(), c.name(), c.language(),
					c.timeZones(), c.phones(), c.emails(),
					c.addresses()
						.stream()
						.map((a) -> new AddressJson(a.address().line1(), a.address().line2(), a.address().city(),
								a.address().state(), a.address().postalCode(), a.address().country(), a.source()))
						.toList());
		}

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record AddressJson(@Nullable String line1, @Nullable String line2, @Nullable String city, @Nullable String state,
			@Nullable String postalCode, String country, String source) {
	}

}
