package org.dues.telephony.web;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A key from a form as a UUID, or null when it is none. */
final class RecordLocatorKeys {

	private RecordLocatorKeys() {
	}

	static @Nullable UUID uuid(@Nullable String key) {
		if (key == null || key.strip().length() != 36) {
			return null;
		}
		try {
			return UUID.fromString(key.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
