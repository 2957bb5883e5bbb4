package org.dues.customer;

import java.util.Locale;
import java.util.regex.Pattern;

import org.dues.system.FieldEncryption;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * A customer's national id (Aadhaar, PAN, SSN, NI number and the like): kept encrypted
 * ({@link FieldEncryption}), with its last four characters in clear for right-party
 * verification and for the masked form agents see.
 */
@Component
public class NationalIds {

	static final String FIELD = "customer_customers.national_id";

	private static final Pattern VALID = Pattern.compile("[A-Z0-9]{8,20}");

	private final FieldEncryption encryption;

	NationalIds(FieldEncryption encryption) {
		this.encryption = encryption;
	}

	/**
	 * The id as stored: upper case, without spaces, hyphens, dots or slashes; null when
	 * what is left is not 8 to 20 letters and digits (the shortest ids in use, passports,
	 * have 8; with fewer, the four characters kept in clear would be most of it).
	 */
	public static @Nullable String normalize(String raw) {
		String id = raw.replaceAll("[\\s\\-./]", "").toUpperCase(Locale.ROOT);
		return VALID.matcher(id).matches() ? id : null;
	}

	/** The normalized id encrypted, with its last four characters. */
	public Sealed seal(String normalized) {
		return new Sealed(this.encryption.encrypt(normalized, FIELD), last4(normalized));
	}

	/** The id in clear, for a role that needs it. */
	@Nullable String reveal(byte @Nullable [] sealed) {
		return this.encryption.decrypt(sealed, FIELD);
	}

	/** The last four characters of a normalized id, the part kept in clear. */
	public static String last4(String normalized) {
		return normalized.substring(normalized.length() - 4);
	}

	/** An id as stored: encrypted, and its last four characters. */
	public record Sealed(byte[] encrypted, String last4) {
	}

}
