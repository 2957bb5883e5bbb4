package org.dues.payment.gateway;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Currency;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.dues.shared.Money;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * What the gateway adapters share: a {@link RestClient} with timeouts, JSON, and money in
 * a currency's minor units (paise, cents) as gateways count it.
 */
final class GatewayHttp {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private GatewayHttp() {
	}

	static RestClient client(String baseUrl, Duration connectTimeout, Duration readTimeout) {
		// HTTP/1.1: a JSON body on an upgrade to h2c is cancelled by some servers
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(connectTimeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
		factory.setReadTimeout(readTimeout);
		return RestClient.builder().baseUrl(baseUrl).requestFactory(factory).build();
	}

	/**
	 * Sends the request; the answer's JSON when it is a 2xx, else a
	 * {@link GatewayException}.
	 */
	static JsonNode exchange(String gateway, RestClient.RequestHeadersSpec<?> request) {
		try {
			return request.exchange((req, res) -> {
				String body = new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8);
				if (!res.getStatusCode().is2xxSuccessful()) {
					throw new GatewayException("%s refused the checkout (%d): %s".formatted(gateway,
							res.getStatusCode().value(), body.substring(0, Math.min(body.length(), 300))));
				}
				return JSON.readTree(body);
			});
		}
		catch (RestClientException ex) {
			throw new GatewayException(gateway + " could not be reached: " + ex.getMostSpecificCause(), ex);
		}
	}

	static JsonNode read(byte[] body) {
		try {
			JsonNode json = JSON.readTree(body);
			if (json == null || !json.isObject()) {
				throw new WebhookRefusedException("the body is not a JSON object");
			}
			return json;
		}
		catch (tools.jackson.core.JacksonException ex) {
			throw new WebhookRefusedException("the body is not JSON");
		}
	}

	static long minorUnits(Money money) {
		return money.amount().movePointRight(scale(money.currency())).longValueExact();
	}

	static Money fromMinorUnits(long units, String currencyCode) {
		Currency currency = Currency.getInstance(currencyCode.toUpperCase(java.util.Locale.ROOT));
		return new Money(BigDecimal.valueOf(units, scale(currency)), currency);
	}

	static int scale(Currency currency) {
		return Math.max(currency.getDefaultFractionDigits(), 0);
	}

	/** A text field of the node, or null when absent, null or blank. */
	static @org.jspecify.annotations.Nullable String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		if (value.isMissingNode() || value.isNull()) {
			return null;
		}
		String text = value.asString();
		return text.isBlank() ? null : text;
	}

}
