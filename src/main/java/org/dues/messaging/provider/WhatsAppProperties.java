package org.dues.messaging.provider;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The WhatsApp Cloud API ({@code DUES_WHATSAPP_*}).
 *
 * @param token a system user's access token, sent as a Bearer token
 * @param phoneNumberId the business phone number's id, in the path of every message
 * @param appSecret the Meta app's secret, the key of {@code X-Hub-Signature-256}
 * @param verifyToken the token Dues expects when Meta verifies the webhook (chosen by
 * whoever sets the webhook up in the app's dashboard)
 * @param baseUrl the Graph API, {@code https://graph.facebook.com}, or a stand-in's
 * @param version the Graph API version in the path
 */
@ConfigurationProperties("dues.whatsapp")
record WhatsAppProperties(@Nullable String token, @Nullable String phoneNumberId, @Nullable String appSecret,
		@Nullable String verifyToken, @DefaultValue("https://graph.facebook.com") String baseUrl,
		@DefaultValue("v21.0") String version, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("15s") Duration readTimeout) {

	WhatsAppProperties {
		baseUrl = (baseUrl == null || baseUrl.isBlank()) ? "https://graph.facebook.com" : baseUrl.strip();
		version = (version == null || version.isBlank()) ? "v21.0" : version.strip();
	}

}
