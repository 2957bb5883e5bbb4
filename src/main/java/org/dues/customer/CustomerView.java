package org.dues.customer;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.dues.shared.PostalAddress;
import org.jspecify.annotations.Nullable;

/**
 * A customer with every contact point, as read.
 */
public record CustomerView(CustomerId id, String customerRef, CustomerKind kind, String name, @Nullable String language,
		@Nullable LocalDate dateOfBirth, List<Phone> phones, List<Email> emails, List<Address> addresses,
		@Nullable String nationalIdLast4) {

	/**
	 * Every time zone the customer may be in: those of the numbers not marked wrong and
	 * those of the postal addresses, in that order.
	 */
	public Set<String> timeZones() {
		Set<String> zones = new LinkedHashSet<>();
		this.phones.stream().filter((p) -> !p.wrongNumber()).forEach((p) -> zones.addAll(p.timeZones()));
		this.addresses.forEach((a) -> zones.addAll(RegionTimeZones.of(a.address())));
		return zones;
	}

	/** A phone number with its marks. */
	public record Phone(String e164, String international, String type, String source, List<String> timeZones,
			boolean consentAutodial, boolean consentSms, boolean consentWhatsapp, boolean verified,
			boolean wrongNumber) {
	}

	/** An email address with its marks. */
	public record Email(String address, String source, boolean verified) {
	}

	/** A postal address and where it came from. */
	public record Address(PostalAddress address, String source) {
	}

}
