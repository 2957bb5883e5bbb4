package org.dues.shared;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A syntactically valid email address, with the domain part lower-cased.
 */
public record EmailAddress(String value) {

	// Deliberately plain: local part of common characters, a dotted domain with a TLD.
	private static final Pattern SHAPE = Pattern
		.compile("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
				+ "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.[A-Za-z]{2,63}$");

	public EmailAddress {
		if (value == null || value.length() > 254 || !SHAPE.matcher(value.strip()).matches() || value.contains("..")) {
			throw new IllegalArgumentException("'%s' is not a valid email address".formatted(value));
		}
		String trimmed = value.strip();
		int at = trimmed.lastIndexOf('@');
		value = trimmed.substring(0, at) + "@" + trimmed.substring(at + 1).toLowerCase(Locale.ROOT);
	}

	public static EmailAddress of(String value) {
		return new EmailAddress(value);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
