package org.dues.telephony.provider;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.dues.telephony.TelephonyException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The HTTP side of the voice adapters: a {@link RestClient} on the provider's base URL
 * with timeouts, and the answer as its status and JSON. An outage, a timeout, a 429 or a
 * 5xx is retryable; any other refusal is not.
 */
final class VoiceHttp {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private VoiceHttp() {
	}

	static RestClient client(String baseUrl, Duration connectTimeout, Duration readTimeout) {
		HttpClient http = HttpClient.newBuilder()
			.connectTimeout(connectTimeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
		factory.setReadTimeout(readTimeout);
		return RestClient.builder().baseUrl(baseUrl).requestFactory(factory).build();
	}

	static Answer exchange(String provider, RestClient.RequestHeadersSpec<?> request) {
		try {
			return request.exchange((req, res) -> new Answer(res.getStatusCode().value(),
					new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
		}
		catch (ResourceAccessException ex) {
			throw new TelephonyException(provider + " could not be reached: " + ex.getMostSpecificCause(), true, ex);
		}
		catch (RestClientException ex) {
			throw new TelephonyException(provider + " answered something unreadable: " + ex.getMessage(), true, ex);
		}
	}

	static JsonNode json(String body) {
		if (body.isBlank()) {
			return JSON.createObjectNode();
		}
		try {
			JsonNode json = JSON.readTree(body);
			return json == null ? JSON.createObjectNode() : json;
		}
		catch (JacksonException ex) {
			return JSON.createObjectNode();
		}
	}

	/** What a provider answered. */
	record Answer(int status, String body) {

		boolean ok() {
			return this.status >= 200 && this.status < 300;
		}

		JsonNode json() {
			return VoiceHttp.json(this.body);
		}

		TelephonyException refusal(String provider, String description) {
			return new TelephonyException(provider + " answered " + this.status + ": " + description,
					this.status == 429 || this.status >= 500);
		}

	}

}
