package org.dues.messaging.provider;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Exotel for SMS in India ({@code DUES_EXOTEL_*}).
 *
 * @param sid the account SID, in the path of every request
 * @param apiKey the API key, the user of HTTP Basic
 * @param apiToken the API token, its password
 * @param subdomain the account's cluster ({@code api.exotel.com}, Singapore, or
 * {@code api.in.exotel.com}, Mumbai) when no base URL is given
 * @param baseUrl the API's base URL, a stand-in's in tests; by default {@code https://}
 * and the subdomain
 * @param callbackToken the secret in the delivery-report URL; by default derived from the
 * API token
 */
@ConfigurationProperties("dues.exotel")
record ExotelProperties(@Nullable String sid, @Nullable String apiKey, @Nullable String apiToken,
		@Nullable String subdomain, @Nullable String baseUrl, @Nullable String callbackToken,
		@DefaultValue("5s") Duration connectTimeout, @DefaultValue("15s") Duration readTimeout) {

	/**
	 * The API's base URL: the configured one, else {@code https://} and the subdomain.
	 */
	String api() {
		if (this.baseUrl != null && !this.baseUrl.isBlank()) {
			return this.baseUrl.strip();
		}
		String host = (this.subdomain == null || this.subdomain.isBlank()) ? "api.exotel.com" : this.subdomain.strip();
		return "https://" + host;
	}

}
