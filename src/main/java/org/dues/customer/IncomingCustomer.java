package org.dues.customer;

import java.time.LocalDate;
import java.util.List;

import org.dues.shared.EmailAddress;
import org.dues.shared.PhoneNumber;
import org.dues.shared.PostalAddress;
import org.jspecify.annotations.Nullable;

/**
 * One row of a bulk load as far as the customer goes, for {@link CustomerIntake}.
 *
 * @param line where the row came from (a file line), to report and leave out by
 * @param customerRef the creditor's reference of the customer; rows with the same one are
 * the same customer
 */
public record IncomingCustomer(int line, String customerRef, String name, @Nullable String language,
		@Nullable LocalDate dateOfBirth, NationalIds.@Nullable Sealed nationalId, List<PhoneNumber> phones,
		@Nullable EmailAddress email, @Nullable PostalAddress address) {
}
