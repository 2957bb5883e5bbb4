package org.dues.compliance;

import java.util.Locale;

import org.dues.shared.EmailAddress;
import org.dues.shared.InvalidInputException;
import org.dues.shared.PhoneNumber;

/**
 * The canonical form of the address a contact uses, so that bans, history and the contact
 * itself compare equal however a person typed them: phone numbers in E.164 (national
 * forms read in the creditor's country), emails lower-cased.
 */
public final class ContactAddress {

	private ContactAddress() {
	}

	/**
	 * @throws InvalidInputException naming {@code field} when the text is no valid
	 * address for the channel
	 */
	public static String canonical(Channel channel, String text, String defaultRegion, String field) {
		String value = text.strip();
		try {
			return switch (channel) {
				case CALL, SMS, WHATSAPP -> PhoneNumber.e164(value, defaultRegion);
				case EMAIL -> EmailAddress.of(value).value().toLowerCase(Locale.ROOT);
				case LETTER, VISIT, CHAT -> value;
			};
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(field, "'%s' is not a valid %s address: %s".formatted(value,
					channel.name().toLowerCase(Locale.ROOT), ex.getMessage()));
		}
	}

}
