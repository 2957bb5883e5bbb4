package org.dues.messaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.dues.compliance.Channel;
import org.dues.system.DuesProperties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * One-click unsubscribe links (RFC 8058): the link names the channel and address and
 * carries an HMAC-SHA256 of them under a key kept outside the database
 * ({@code DUES_MESSAGING_SECRET}, else {@code messaging-secret} in the data directory,
 * made owner-only on first start), so nobody can unsubscribe an address they were not
 * sent a link for.
 */
@Component
public class Unsubscribes {

	private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();

	private final byte[] key;

	private final String base;

	Unsubscribes(DuesProperties properties, @Value("${dues.messaging.secret:}") String secret,
			@Value("${dues.public-url:http://localhost:8080}") String publicUrl) {
		this.key = secret.isBlank() ? fileKey(properties.dataDir().resolve("messaging-secret"))
				: secret.getBytes(StandardCharsets.UTF_8);
		this.base = publicUrl.replaceAll("/+$", "") + "/unsubscribe/";
	}

	/** The one-click link for the address. */
	public String url(Channel channel, String address) {
		return this.base + token(channel, address);
	}

	/** The token of the link. */
	public String token(Channel channel, String address) {
		String subject = channel.name() + ":" + address;
		return ENCODE.encodeToString(subject.getBytes(StandardCharsets.UTF_8)) + "."
				+ ENCODE.encodeToString(mac(subject));
	}

	/** The channel and address a token was made for, when it is genuine. */
	public Optional<Target> verify(String token) {
		int dot = token.indexOf('.');
		if (dot <= 0) {
			return Optional.empty();
		}
		try {
			String subject = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
			byte[] tag = Base64.getUrlDecoder().decode(token.substring(dot + 1));
			int colon = subject.indexOf(':');
			if (colon <= 0 || !MessageDigest.isEqual(tag, mac(subject))) {
				return Optional.empty();
			}
			return Optional.of(new Target(Channel.valueOf(subject.substring(0, colon)), subject.substring(colon + 1)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private byte[] mac(String subject) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.key, "HmacSHA256"));
			return mac.doFinal(subject.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] fileKey(Path file) {
		try {
			if (!Files.exists(file)) {
				byte[] fresh = new byte[32];
				new SecureRandom().nextBytes(fresh);
				Files.createDirectories(file.getParent());
				try {
					Files.createFile(file,
							PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
					Files.write(file, fresh);
				}
				catch (FileAlreadyExistsException ex) {
					// another instance made it first
				}
				catch (UnsupportedOperationException ex) {
					Files.write(file, fresh);
				}
			}
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read or create the messaging secret " + file, ex);
		}
	}

	/** The channel and address a link unsubscribes. */
	public record Target(Channel channel, String address) {
	}

}
