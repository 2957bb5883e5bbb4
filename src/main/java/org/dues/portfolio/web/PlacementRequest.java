package org.dues.portfolio.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One account to place: the allocation file's columns in camelCase. Amounts are decimal
 * strings (Indian or Western grouping accepted), dates ISO {@code yyyy-MM-dd}.
 */
record PlacementRequest(@Nullable String accountRef, @Nullable String customerRef, @Nullable String customerName,
		@Nullable String currency, @Nullable String principalOutstanding, @Nullable String interestOutstanding,
		@Nullable String feesOutstanding, @Nullable String totalOutstanding, @Nullable String overdueAmount,
		@Nullable String oldestDueDate, @Nullable String product, @Nullable String originalAmount,
		@Nullable String installmentAmount, @Nullable String openDate, @Nullable String chargeOffDate,
		@Nullable String lastPaymentDate, @Nullable String lastPaymentAmount, @Nullable String dateOfBirth,
		@Nullable String nationalId, @Nullable String language, @Nullable String phone1, @Nullable String phone2,
		@Nullable String phone3, @Nullable String email, @Nullable String addressLine1, @Nullable String addressLine2,
		@Nullable String city, @Nullable String state, @Nullable String postalCode, @Nullable String country) {

	/** The fields under the allocation file's canonical column names. */
	Map<String, String> fields() {
		Map<String, String> fields = new LinkedHashMap<>();
		put(fields, "account_ref", this.accountRef);
		put(fields, "customer_ref", this.customerRef);
		put(fields, "customer_name", this.customerName);
		put(fields, "currency", this.currency);
		put(fields, "principal_outstanding", this.principalOutstanding);
		put(fields, "interest_outstanding", this.interestOutstanding);
		put(fields, "fees_outstanding", this.feesOutstanding);
		put(fields, "total_outstanding", this.totalOutstanding);
		put(fields, "overdue_amount", this.overdueAmount);
		put(fields, "oldest_due_date", this.oldestDueDate);
		put(fields, "product", this.product);
		put(fields, "original_amount", this.originalAmount);
		put(fields, "installment_amount", this.installmentAmount);
		put(fields, "open_date", this.openDate);
		put(fields, "charge_off_date", this.chargeOffDate);
		put(fields, "last_payment_date", this.lastPaymentDate);
		put(fields, "last_payment_amount", this.lastPaymentAmount);
		put(fields, "date_of_birth", this.dateOfBirth);
		put(fields, "national_id", this.nationalId);
		put(fields, "language", this.language);
		put(fields, "phone_1", this.phone1);
		put(fields, "phone_2", this.phone2);
		put(fields, "phone_3", this.phone3);
		put(fields, "email", this.email);
		put(fields, "address_line1", this.addressLine1);
		put(fields, "address_line2", this.addressLine2);
		put(fields, "city", this.city);
		put(fields, "state", this.state);
		put(fields, "postal_code", this.postalCode);
		put(fields, "country", this.country);
		return fields;
	}

	/** The request's own (camelCase) name for a canonical column name. */
	static String requestName(String canonical) {
		StringBuilder out = new StringBuilder();
		boolean upper = false;
		for (char c : canonical.toCharArray()) {
			if (c == '_') {
				upper = true;
			}
			else {
				out.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return out.toString();
	}

	private static void put(Map<String, String> fields, String name, @Nullable String value) {
		if (value != null) {
			fields.put(name, value);
		}
	}

}
