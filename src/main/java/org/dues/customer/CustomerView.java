package org.dues.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

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
	 * those of the postal addresses not marked wrong, in that order.
	 */
	public Set<String> timeZones() {
		Set<String> zones = new LinkedHashSet<>();
		this.phones.stream().filter((p) -> !p.wrongNumber()).forEach((p) -> zones.addAll(p.timeZones()));
		this.addresses.stream()
			.filter((a) -> a.status().current())
			.forEach((a) -> zones.addAll(RegionTimeZones.of(a.address())));
		return zones;
	}

	/**
	 * A phone number with its marks; {@code wrongNumber} is {@code status == WRONG}.
	 *
	 * @param id the contact point's id
	 * @param addedAt when it was first recorded
	 */
	public record Phone(String e164, String international, String type, String source, List<String> timeZones,
			boolean consentAutodial, boolean consentSms, boolean consentWhatsapp, boolean verified, boolean wrongNumber,
			UUID id, ContactPointStatus status, Instant addedAt) {

		/** Whether the number may be called or written to. */
		public boolean usable() {
			return this.status.usable();
		}

	}

	/** An email address with its marks. */
	public record Email(String address, String source, boolean verified, UUID id, ContactPointStatus status,
			Instant addedAt) {

		/** Whether the address may be written to. */
		public boolean usable() {
			return this.status.usable();
		}

	}

	/**
	 * A postal address and where it came from (addresses replaced by their correction are
	 * left out of a customer's view; {@link ContactPointChanges#of} has them).
	 */
	public record Address(PostalAddress address, String source, UUID id, ContactPointStatus status, Instant addedAt) {
	}

}
