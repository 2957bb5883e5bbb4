package org.dues.messaging.provider;

import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.dues.system.FieldEncryption;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The one-click unsubscribe links of emails (RFC 8058):
 * {@code {DUES_PUBLIC_URL}/unsubscribe/{token}}, where the token is the email address
 * sealed with the field-encryption keyset (AES-256-SIV, the purpose as associated data)
 * and Base64url-encoded. Only Dues can make a token (a changed or made-up one does not
 * open), a token names its address without a table to look it up in, and the address
 * cannot be read from the link; the same address always gets the same link, so a link in
 * an old email keeps working.
 */
@Component
public class UnsubscribeLinks {

	static final String PATH = "/unsubscribe/";

	private static final String PURPOSE = "messaging.unsubscribe";

	private final PublicUrl publicUrl;

	private final Function<String, byte[]> seal;

	private final Function<byte[], String> open;

	@Autowired
	UnsubscribeLinks(PublicUrl publicUrl, FieldEncryption encryption) {
		this(publicUrl, (address) -> encryption.encrypt(address, PURPOSE),
				(sealed) -> encryption.decrypt(sealed, PURPOSE));
	}

	UnsubscribeLinks(PublicUrl publicUrl, Function<String, byte[]> seal, Function<byte[], String> open) {
		this.publicUrl = publicUrl;
		this.seal = seal;
		this.open = open;
	}

	/**
	 * The unsubscribe URL for this email address, for {@link Outgoing#unsubscribeUrl()}.
	 */
	public String url(String address) {
		return this.publicUrl.of(PATH + token(address));
	}

	String token(String address) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(this.seal.apply(canonical(address)));
	}

	/** The address a token was made for, or empty for a token Dues did not make. */
	Optional<String> address(String token) {
		try {
			return Optional.of(this.open.apply(Base64.getUrlDecoder().decode(token)));
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			return Optional.empty();
		}
	}

	private static String canonical(String address) {
		return address.strip().toLowerCase(Locale.ROOT);
	}

}
