package org.dues.telephony.provider;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Twilio's {@code X-Twilio-Signature}: Base64 of the HMAC-SHA1, keyed with the auth
 * token, of the full URL Twilio called followed by each POST parameter's name and value,
 * sorted by name. Telephony's own copy of the algorithm, so that it depends on no other
 * module's adapters.
 */
final class TwilioSignature {

	private TwilioSignature() {
	}

	static String of(String authToken, String url, Map<String, List<String>> parameters) {
		StringBuilder data = new StringBuilder(url);
		new TreeMap<>(parameters).forEach((name, values) -> {
			List<String> sorted = new ArrayList<>(values);
			sorted.sort(null);
			sorted.forEach((value) -> data.append(name).append(value));
		});
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
			return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA1 is not available", ex);
		}
	}

	/**
	 * Whether the signature is Twilio's for the URL (with and without its default port,
	 * as Twilio signs either) and the fields.
	 */
	static boolean valid(String authToken, String url, Map<String, List<String>> parameters,
			@Nullable String signature) {
		if (signature == null || signature.isBlank()) {
			return false;
		}
		for (String candidate : withAndWithoutPort(url)) {
			if (same(of(authToken, candidate, parameters), signature.strip())) {
				return true;
			}
		}
		return false;
	}

	static boolean same(@Nullable String expected, @Nullable String given) {
		return expected != null && given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				given.getBytes(StandardCharsets.UTF_8));
	}

	static Set<String> withAndWithoutPort(String url) {
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
