package org.dues.telephony;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Telephony's providers ({@code DUES_TWILIO_VOICE_*}, {@code DUES_EXOTEL_VOICE_*},
 * falling back to the SMS accounts' {@code DUES_TWILIO_*} and {@code DUES_EXOTEL_*}) and
 * the simulated carrier used when none is configured.
 *
 * @param ringTimeoutSeconds how long a leg rings before it counts as not answered
 * @param timeLimitSeconds the longest a call may last
 */
@ConfigurationProperties("dues.telephony")
public record TelephonyProperties(@DefaultValue Twilio twilio, @DefaultValue Exotel exotel,
		@DefaultValue Simulated simulated, @DefaultValue("30") int ringTimeoutSeconds,
		@DefaultValue("3600") int timeLimitSeconds) {

	/**
	 * Twilio Voice (US, UK).
	 *
	 * @param accountSid the account's SID, the user of HTTP Basic
	 * @param authToken its auth token, the password and the key of
	 * {@code X-Twilio-Signature}
	 * @param callerId the Twilio number customers see, E.164
	 * @param baseUrl Twilio's API or a stand-in's
	 */
	public record Twilio(@Nullable String accountSid, @Nullable String authToken, @Nullable String callerId,
			@DefaultValue("https://api.twilio.com") String baseUrl, @DefaultValue("5s") Duration connectTimeout,
			@DefaultValue("15s") Duration readTimeout) {

		/**
		 * @return whether the account, token and caller id are all set
		 */
		public boolean configured() {
			return set(this.accountSid) && set(this.authToken) && set(this.callerId);
		}

	}

	/**
	 * Exotel (India).
	 *
	 * @param sid the account SID, in the path
	 * @param apiKey the API key, the user of HTTP Basic
	 * @param apiToken the API token, its password
	 * @param callerId the ExoPhone customers see
	 * @param subdomain {@code api.exotel.com} (Singapore) or {@code api.in.exotel.com}
	 * (Mumbai), when no base URL is given
	 * @param baseUrl the API's base URL, a stand-in's in tests
	 */
	public record Exotel(@Nullable String sid, @Nullable String apiKey, @Nullable String apiToken,
			@Nullable String callerId, @Nullable String subdomain, @Nullable String baseUrl,
			@DefaultValue("5s") Duration connectTimeout, @DefaultValue("15s") Duration readTimeout) {

		/**
		 * @return whether the account, key, token and caller id are all set
		 */
		public boolean configured() {
			return set(this.sid) && set(this.apiKey) && set(this.apiToken) && set(this.callerId);
		}

		/**
		 * @return the base URL, else {@code https://} and the subdomain
		 */
		public String api() {
			if (set(this.baseUrl)) {
				return this.baseUrl.strip();
			}
			return "https://" + (set(this.subdomain) ? this.subdomain.strip() : "api.exotel.com");
		}

	}

	/**
	 * The simulated carrier.
	 *
	 * @param seed the seed of its draws
	 * @param timeScale real seconds per simulated second (0 runs at once, 1 in real time)
	 * @param callerId the caller id it shows
	 */
	public record Simulated(@DefaultValue("23") long seed, @DefaultValue("1") double timeScale,
			@DefaultValue("+15550100000") String callerId) {
	}

	static boolean set(@Nullable String value) {
		return value != null && !value.isBlank();
	}

}
