package org.dues.customer;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.dues.shared.EmailAddress;
import org.dues.shared.PhoneNumber;
import org.dues.shared.PostalAddress;
import org.jspecify.annotations.Nullable;

/**
 * What a creditor tells us about a customer when placing an account. Contact points are
 * merged into what we already know, never replacing it.
 *
 * @param creditorId the creditor whose customer this is
 * @param customerRef the creditor's id for the customer
 * @param source where the details came from, e.g. {@code PLACEMENT} or {@code IMPORT}
 */
public record CustomerDetails(UUID creditorId, String customerRef, CustomerKind kind, String name,
		@Nullable String language, @Nullable LocalDate dateOfBirth, @Nullable String nationalId,
		List<PhoneNumber> phones, List<EmailAddress> emails, List<PostalAddress> addresses, String source) {

	public CustomerDetails {
		phones = List.copyOf(phones);
		emails = List.copyOf(emails);
		addresses = List.copyOf(addresses);
	}

}
