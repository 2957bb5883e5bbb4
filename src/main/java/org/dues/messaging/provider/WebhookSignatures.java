package org.dues.messaging.provider;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * The signatures providers put on their webhooks, computed as each documents them, and a
 * comparison that takes as long whatever the first differing byte.
 */
final class WebhookSignatures {

	private WebhookSignatures() {
	}

	/**
	 * Twilio's {@code X-Twilio-Signature}: Base64 of the HMAC-SHA1, keyed with the auth
	 * token, of the full URL Twilio called followed by each POST parameter's name and
	 * value, the parameters sorted by name (and a repeated name's values sorted).
	 */
	static String twilio(String authToken, String url, Map<String, List<String>> parameters) {
		StringBuilder data = new StringBuilder(url);
		new TreeMap<>(parameters).forEach((name, values) -> {
			List<String> sorted = new ArrayList<>(values);
			sorted.sort(null);
			sorted.forEach((value) -> data.append(name).append(value));
		});
		return Base64.getEncoder().encodeToString(hmac("HmacSHA1", authToken, data.toString()));
	}

	/**
	 * Meta's {@code X-Hub-Signature-256}: {@code sha256=} and the hex HMAC-SHA256, keyed
	 * with the app secret, of the raw request body.
	 */
	static String meta(String appSecret, byte[] body) {
		return "sha256=" + HexFormat.of().formatHex(hmac("HmacSHA256", appSecret, body));
	}

	static byte[] hmac(String algorithm, String key, String data) {
		return hmac(algorithm, key, data.getBytes(StandardCharsets.UTF_8));
	}

	static byte[] hmac(String algorithm, String key, byte[] data) {
		try {
			Mac mac = Mac.getInstance(algorithm);
			mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(algorithm + " is not available", ex);
		}
	}

	/** Whether the two are equal, in a time that does not tell where they differ. */
	static boolean same(@Nullable String expected, @Nullable String given) {
		if (expected == null || given == null) {
			return false;
		}
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
	}

}
