package org.dues.payment.gateway;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Razorpay for INR ({@code DUES_RAZORPAY_*}).
 *
 * @param keyId the API key's id, the user of HTTP Basic
 * @param keySecret the API key's secret, its password
 * @param webhookSecret the secret of {@code X-Razorpay-Signature}
 * @param baseUrl Razorpay's API, {@code https://api.razorpay.com}, or a stand-in's
 */
@ConfigurationProperties("dues.razorpay")
record RazorpayProperties(@Nullable String keyId, @Nullable String keySecret, @Nullable String webhookSecret,
		@DefaultValue("https://api.razorpay.com") String baseUrl, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("15s") Duration readTimeout) {

	RazorpayProperties {
		baseUrl = (baseUrl == null || baseUrl.isBlank()) ? "https://api.razorpay.com" : baseUrl.strip();
	}

	boolean configured() {
		return set(this.keyId) && set(this.keySecret) && set(this.webhookSecret);
	}

	static boolean set(@Nullable String value) {
		return value != null && !value.isBlank();
	}

}
