package org.dues.payment.gateway;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Stripe for USD and GBP ({@code DUES_STRIPE_*}).
 *
 * @param secretKey the secret API key ({@code sk_…}), sent as a bearer token
 * @param webhookSecret the endpoint's signing secret ({@code whsec_…})
 * @param tolerance how far a webhook's signed timestamp may be from the clock
 * @param baseUrl Stripe's API, {@code https://api.stripe.com}, or a stand-in's
 */
@ConfigurationProperties("dues.stripe")
record StripeProperties(@Nullable String secretKey, @Nullable String webhookSecret,
		@DefaultValue("300s") Duration tolerance, @DefaultValue("https://api.stripe.com") String baseUrl,
		@DefaultValue("5s") Duration connectTimeout, @DefaultValue("15s") Duration readTimeout) {

	StripeProperties {
		baseUrl = (baseUrl == null || baseUrl.isBlank()) ? "https://api.stripe.com" : baseUrl.strip();
		tolerance = (tolerance == null) ? Duration.ofSeconds(300) : tolerance;
	}

	boolean configured() {
		return RazorpayProperties.set(this.secretKey) && RazorpayProperties.set(this.webhookSecret);
	}

}
