package org.dues.system;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Between the port opening and the end of the start (the demo users being made), a login
 * is answered 503 with the reason and when to try again, not 401; the probes answer for
 * themselves; once ready, everything goes on; when stopping, it says so.
 */
class NotReadyFilterTest {

	final ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();

	final NotReadyFilter filter = new NotReadyFilter(this.availability, messages(), true);

	@Test
	void aLoginWhileTheDemoUsersAreBeingCreatedIsAnswered503() throws Exception {
		MockHttpServletResponse response = send("POST", "/login");

		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("3");
		assertThat(response.getContentType()).startsWith("text/html");
		assertThat(response.getContentAsString()).contains("Dues is starting; the demo users are being created.")
			.contains("<meta http-equiv=\"refresh\" content=\"3\">");
	}

	@Test
	void thePageIsInTheBrowsersLanguage() throws Exception {
		MockHttpServletRequest request = request("GET", "/login");
		request.addPreferredLocale(Locale.forLanguageTag("hi"));

		MockHttpServletResponse response = send(request);

		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getContentAsString()).contains("डेमो उपयोगकर्ता बनाए जा रहे हैं").contains("lang=\"hi\"");
	}

	@Test
	void theApiGetsProblemDetails() throws Exception {
		MockHttpServletResponse response = send("GET", "/api/v1/creditors");

		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("3");
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(response.getContentAsString()).contains("\"status\":503")
			.contains("\"detail\":\"Dues is starting; the demo users are being created.\"");
	}

	@Test
	void theProbesAnswerForThemselves() throws Exception {
		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(request("GET", "/actuator/health/readiness"), new MockHttpServletResponse(), chain);

		assertThat(chain.getRequest()).as("passed on").isNotNull();
	}

	@Test
	void onceReadyEveryRequestGoesOnAndAStopSaysSo() throws Exception {
		publish(ReadinessState.ACCEPTING_TRAFFIC);
		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(request("POST", "/login"), new MockHttpServletResponse(), chain);
		assertThat(chain.getRequest()).as("passed on").isNotNull();

		publish(ReadinessState.REFUSING_TRAFFIC);
		MockHttpServletResponse response = send("GET", "/work");
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getContentAsString()).contains("Dues is stopping").doesNotContain("demo users");
	}

	@Test
	void withoutTheDemoItSaysOnlyThatDuesIsStarting() throws Exception {
		NotReadyFilter plain = new NotReadyFilter(this.availability, messages(), false);
		MockHttpServletResponse response = new MockHttpServletResponse();
		plain.doFilter(request("GET", "/"), response, new MockFilterChain());

		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getContentAsString()).contains("Dues is starting.").doesNotContain("demo users");
	}

	private void publish(ReadinessState state) {
		this.availability.onApplicationEvent(new AvailabilityChangeEvent<>(this, state));
	}

	private MockHttpServletResponse send(String method, String uri) throws Exception {
		return send(request(method, uri));
	}

	private MockHttpServletResponse send(MockHttpServletRequest request) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(request, response, chain);
		assertThat(chain.getRequest()).as("not passed on while not ready").isNull();
		return response;
	}

	private static MockHttpServletRequest request(String method, String uri) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
		request.addPreferredLocale(Locale.ENGLISH);
		return request;
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
