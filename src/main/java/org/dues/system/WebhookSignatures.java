package org.dues.system;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * The signatures providers put on their webhooks, computed as each documents them, and a
 * comparison that takes as long whatever the first differing byte.
 */
public final class WebhookSignatures {

	private WebhookSignatures() {
	}

	/**
	 * Twilio's {@code X-Twilio-Signature}: Base64 of the HMAC-SHA1, keyed with the auth
	 * token, of the full URL Twilio called followed by each POST parameter's name and
	 * value, the parameters sorted by name (and a repeated name's values sorted).
	 */
	public static String twilio(String authToken, String url, Map<String, List<String>> parameters) {
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
	public static String meta(String appSecret, byte[] body) {
		return "sha256=" + HexFormat.of().formatHex(hmac("HmacSHA256", appSecret, body));
	}

	public static byte[] hmac(String algorithm, String key, String data) {
		return hmac(algorithm, key, data.getBytes(StandardCharsets.UTF_8));
	}

	public static byte[] hmac(String algorithm, String key, byte[] data) {
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
	public static boolean same(@Nullable String expected, @Nullable String given) {
		if (expected == null || given == null) {
			return false;
		}
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Whether the {@code X-Twilio-Signature} is Twilio's for the URL called (with and
	 * without its default port, as Twilio signs either) and the posted fields.
	 */
	public static boolean twilioValid(String authToken, String url, Map<String, List<String>> parameters,
			@Nullable String signature) {
		if (signature == null || signature.isBlank()) {
			return false;
		}
		for (String candidate : withAndWithoutPort(url)) {
			if (same(twilio(authToken, candidate, parameters), signature.strip())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The URL as called, and with its default port added or taken away: Twilio signs some
	 * requests with the port and some without (as its own validator allows).
	 */
	private static Set<String> withAndWithoutPort(String url) {
		Set<String> urls = new LinkedHashSet<>();
		urls.add(url);
		try {
			URI uri = new URI(url);
			int standard = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
			if (uri.getPort() == -1) {
				urls.add(new URI(uri.getScheme(), uri.getUserInfo(), uri.getHost(), standard, uri.getPath(),
						uri.getQuery(), uri.getFragment())
					.toString());
			}
			else if (uri.getPort() == standard) {
				urls.add(new URI(uri.getScheme(), uri.getUserInfo(), uri.getHost(), -1, uri.getPath(), uri.getQuery(),
						uri.getFragment())
					.toString());
			}
		}
		catch (URISyntaxException ex) {
			// the URL as called is the only one to try
		}
		return urls;
	}

}
