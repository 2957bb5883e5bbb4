package org.dues.customer;

import java.time.Instant;
import java.util.UUID;

import org.dues.shared.PostalAddress;
import org.jspecify.annotations.Nullable;

/**
 * One of a customer's phones, emails or postal addresses, whatever its status, as the
 * customer view and the contact-points API show it.
 *
 * @param value the number in E.164, the email address, or the address on one line
 * @param display the value as people read it (a number in international form)
 * @param type a phone's line type ({@code MOBILE}, {@code FIXED_LINE}…), else null
 * @param source where it came from: {@code IMPORT}, {@code API}, {@code CUSTOMER},
 * {@code AGENT}…
 * @param addedAt when it was first recorded
 * @param address a postal address's parts, else null
 */
public record ContactPoint(UUID id, ContactPointKind kind, String value, String display, @Nullable String type,
		String source, ContactPointStatus status, Instant addedAt, @Nullable PostalAddress address,
		boolean consentAutodial, boolean consentSms, boolean consentWhatsapp, boolean verified) {

	/** Whether contact may be made through it. */
	public boolean usable() {
		return this.status.usable();
	}

}
