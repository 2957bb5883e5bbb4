package org.dues.messaging.provider;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The HTTP side the adapters share: a {@link RestClient} on the provider's base URL with
 * a connect and a read timeout, and the provider's answer as its status and JSON, from
 * which each adapter reads what its provider documents. An outage, a timeout, a 429 or a
 * 5xx is retryable; any other refusal is not.
 */
final class ProviderHttp {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ProviderHttp() {
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

	/**
	 * Sends the request and reads the answer, whatever its status.
	 * @throws ProviderException (retryable) when the provider could not be reached or did
	 * not answer in time
	 */
	static Answer exchange(String provider, RestClient.RequestHeadersSpec<?> request) {
		try {
			return request.exchange((req, res) -> {
				byte[] body = res.getBody().readAllBytes();
				return new Answer(res.getStatusCode().value(), new String(body, StandardCharsets.UTF_8));
			});
		}
		catch (ResourceAccessException ex) {
			Throwable cause = ex.getMostSpecificCause();
			// never connected: the provider cannot have the message; else it may have it
			boolean reached = true;
			for (Throwable t = ex; t != null; t = t.getCause()) {
				if (t instanceof java.net.ConnectException || t instanceof java.net.http.HttpConnectTimeoutException
						|| t instanceof java.net.UnknownHostException || t instanceof java.net.NoRouteToHostException) {
					reached = false;
				}
			}
			throw new ProviderException(provider + (reached ? " did not answer: " : " could not be reached: ") + cause,
					true, reached, ex);
		}
		catch (RestClientException ex) {
			throw new ProviderException(provider + " answered something unreadable: " + ex.getMessage(), true, true,
					ex);
		}
	}

	/**
	 * What a provider answered.
	 */
	record Answer(int status, String body) {

		boolean ok() {
			return this.status >= 200 && this.status < 300;
		}

		/** Whether trying again later may succeed: a 429 or a 5xx. */
		boolean retryable() {
			return this.status == 429 || this.status >= 500;
		}

		/** The body as JSON, or an empty object when it is not JSON. */
		JsonNode json() {
			if (this.body.isBlank()) {
				return JSON.createObjectNode();
			}
			try {
				JsonNode json = JSON.readTree(this.body);
				return (json == null) ? JSON.createObjectNode() : json;
			}
			catch (JacksonException ex) {
				return JSON.createObjectNode();
			}
		}

		/**
		 * The refusal this answer is, described by the provider's own error fields.
		 */
		ProviderException refusal(String provider, Function<JsonNode, String> describe) {
			return new ProviderException(provider + " answered " + this.status + ": " + describe.apply(json()),
					retryable());
		}

	}

}
