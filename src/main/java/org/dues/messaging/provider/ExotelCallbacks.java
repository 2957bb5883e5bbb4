package org.dues.messaging.provider;

import org.dues.system.WebhookSignatures;
import java.util.HexFormat;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The secret that Exotel's delivery reports carry back. Exotel signs nothing, so the
 * {@code StatusCallback} URL Dues gives on each SMS holds a token only Dues and Exotel
 * know: {@code /webhooks/exotel/sms-status?token=…}. The token is
 * {@code DUES_EXOTEL_CALLBACK_TOKEN} when set, else the first 32 hex digits of
 * HMAC-SHA256(API token, "dues-exotel-sms-status"): nothing to store, unguessable without
 * the API token, and new when the API token is rotated (a report for an SMS sent before
 * then is refused, and the status is still read from Exotel's dashboard).
 */
@Component
@ConditionalOnSet({ "dues.exotel.sid", "dues.exotel.api-key", "dues.exotel.api-token" })
@EnableConfigurationProperties(ExotelProperties.class)
class ExotelCallbacks {

	static final String STATUS = "/webhooks/exotel/sms-status";

	private final String token;

	private final PublicUrl publicUrl;

	ExotelCallbacks(ExotelProperties properties, PublicUrl publicUrl) {
		this.publicUrl = publicUrl;
		String configured = properties.callbackToken();
		this.token = (configured != null && !configured.isBlank()) ? configured.strip()
				: derived(Objects.requireNonNull(properties.apiToken()));
	}

	static String derived(String apiToken) {
		return HexFormat.of()
			.formatHex(WebhookSignatures.hmac("HmacSHA256", apiToken, "dues-exotel-sms-status"))
			.substring(0, 32);
	}

	/** The delivery-report URL, with its token. */
	String statusUrl() {
		return this.publicUrl.of(STATUS) + "?token=" + this.token;
	}

	boolean accepts(@Nullable String token) {
		return WebhookSignatures.same(this.token, token);
	}

}
