package org.dues.messaging.provider;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Twilio for SMS in the US and the UK ({@code DUES_TWILIO_*}).
 *
 * @param accountSid the account's SID ({@code AC…}), the user of HTTP Basic
 * @param authToken the auth token: the password of HTTP Basic and the key of
 * {@code X-Twilio-Signature}
 * @param from the sending number in E.164, or a Messaging Service's SID ({@code MG…}),
 * which is then sent as {@code MessagingServiceSid}
 * @param baseUrl Twilio's API, {@code https://api.twilio.com}, or a stand-in's
 */
@ConfigurationProperties("dues.twilio")
record TwilioProperties(@Nullable String accountSid, @Nullable String authToken, @Nullable String from,
		@DefaultValue("https://api.twilio.com") String baseUrl, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("15s") Duration readTimeout) {

	TwilioProperties {
		baseUrl = (baseUrl == null || baseUrl.isBlank()) ? "https://api.twilio.com" : baseUrl.strip();
	}

	String sid() {
		return required(this.accountSid, "DUES_TWILIO_ACCOUNT_SID");
	}

	String token() {
		return required(this.authToken, "DUES_TWILIO_AUTH_TOKEN");
	}

	static String required(@Nullable String value, String variable) {
		if (value == null || value.isBlank()) {
			throw new IllegalStateException(variable + " is not set");
		}
		return value.strip();
	}

}
