package org.dues.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Base64;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password hashing, needed with or without the web server. New hashes are
 * {@code {bcrypt-sha256}}: bcrypt of the Base64 SHA-256 of the NFKC-normalised password,
 * because bcrypt itself reads only the first 72 bytes (a long passphrase, or a shorter
 * one in Devanagari at three bytes a character, would otherwise be cut silently). Hashes
 * stored earlier ({@code {bcrypt}} and the other ids Spring Security knows) still match
 * and are re-hashed at the next login.
 */
@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

	static final String DEFAULT_ID = "bcrypt-sha256";

	@Bean
	PasswordEncoder passwordEncoder() {
		DelegatingPasswordEncoder legacy = (DelegatingPasswordEncoder) PasswordEncoderFactories
			.createDelegatingPasswordEncoder();
		DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder(DEFAULT_ID,
				Map.of(DEFAULT_ID, new PreHashedBcrypt(), "bcrypt", new BCryptPasswordEncoder()));
		encoder.setDefaultPasswordEncoderForMatches(legacy);
		return encoder;
	}

	/** bcrypt over a fixed-length digest of the whole password. */
	static final class PreHashedBcrypt implements PasswordEncoder {

		private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

		@Override
		public String encode(CharSequence raw) {
			return this.bcrypt.encode(digest(raw));
		}

		@Override
		public boolean matches(CharSequence raw, String encoded) {
			return this.bcrypt.matches(digest(raw), encoded);
		}

		@Override
		public boolean upgradeEncoding(String encoded) {
			return this.bcrypt.upgradeEncoding(encoded);
		}

		private static String digest(CharSequence raw) {
			try {
				String normalised = Normalizer.normalize(raw, Normalizer.Form.NFKC);
				byte[] sha = MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
				return Base64.getEncoder().encodeToString(sha);
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
