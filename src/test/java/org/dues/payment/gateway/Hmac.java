package org.dues.payment.gateway;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 in hex computed here, apart from the code under test, as the gateways'
 * documentation describes their signatures.
 */
final class Hmac {

	private Hmac() {
	}

	static String sha256Hex(String secret, String data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Razorpay's webhook signature: the HMAC of the raw body. */
	static String razorpay(String secret, String body) {
		return sha256Hex(secret, body);
	}

	/** Stripe's header: {@code t=…,v1=…}, the HMAC of {@code t.body}. */
	static String stripe(String secret, long timestamp, String body) {
		return "t=" + timestamp + ",v1=" + sha256Hex(secret, timestamp + "." + body);
	}

}
