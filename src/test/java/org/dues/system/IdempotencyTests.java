package org.dues.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.jayway.jsonpath.JsonPath;
import org.dues.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An Idempotency-Key retry is the same request when its JSON says the same in another
 * order or spacing, and a retry that overtakes the first waits for the first's answer.
 */
@IntegrationTest
class IdempotencyTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	static String creditor(String code, String name) {
		return """
				{"code": "%s", "name": "%s", "country": "IN", "currency": "INR", "jurisdiction": "IN",
				 "timeZone": "Asia/Kolkata"}""".formatted(code, name);
	}

	@Test
	void aRetryWithItsKeysInAnotherOrderIsTheSameRequestAndAnotherValueIsNot() throws Exception {
		String first = this.mvc
			.perform(post("/api/v1/creditors").with(httpBasic("admin", "admin-secret"))
				.header("Idempotency-Key", "order-1")
				.contentType(MediaType.APPLICATION_JSON)
				.content(creditor("IDEM-ORDER", "Ordered")))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String reordered = """
				{ "timeZone":"Asia/Kolkata",
				  "jurisdiction" : "IN", "currency":"INR","country":"IN","name":"Ordered",   "code":"IDEM-ORDER" }""";
		this.mvc
			.perform(post("/api/v1/creditors").with(httpBasic("admin", "admin-secret"))
				.header("Idempotency-Key", "order-1")
				.contentType(MediaType.APPLICATION_JSON)
				.content(reordered))
			.andExpect(status().isCreated())
			.andExpect(header().string("Idempotent-Replayed", "true"))
			.andExpect(jsonPath("$.id").value((String) JsonPath.read(first, "$.id")));
		this.mvc
			.perform(post("/api/v1/creditors").with(httpBasic("admin", "admin-secret"))
				.header("Idempotency-Key", "order-1")
				.contentType(MediaType.APPLICATION_JSON)
				.content(creditor("IDEM-ORDER", "Another name")))
			.andExpect(status().isUnprocessableContent());
	}

	@Test
	void aRetryThatOvertakesTheFirstWaitsForItsAnswer() throws Exception {
		String body = creditor("IDEM-WAIT", "Waited");
		String hash = IdempotencyFilter.hash("POST", "/api/v1/creditors", null, "application/json",
				body.getBytes(StandardCharsets.UTF_8));
		// The first request has claimed the key and is still running.
		this.jdbc.sql("""
				INSERT INTO system_idempotency_keys (username, key, request_hash, status, created_at)
				VALUES ('admin', 'wait-1', :hash, 0, :now)""")
			.param("hash", hash)
			.param("now", OffsetDateTime.ofInstant(IntegrationTest.START, ZoneOffset.UTC))
			.update();
		CompletableFuture<HttpResponse<String>> retry = send(body, "wait-1");
		Thread.sleep(500);
		assertThat(retry).as("the retry waits while the first runs").isNotDone();
		// The first finishes.
		this.jdbc
			.sql("""
					UPDATE system_idempotency_keys SET status = 201, content_type = 'application/json',
					    location = '/api/v1/creditors/IDEM-WAIT', body = :body WHERE username = 'admin' AND key = 'wait-1'""")
			.param("body", "{\"code\":\"IDEM-WAIT\"}".getBytes(StandardCharsets.UTF_8))
			.update();
		HttpResponse<String> answer = retry.get();
		assertThat(answer.statusCode()).isEqualTo(201);
		assertThat(answer.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(answer.body()).isEqualTo("{\"code\":\"IDEM-WAIT\"}");
	}

	@Test
	void twoConcurrentRequestsWithOneKeyCreateOneCreditorAndBothGetItsAnswer() throws Exception {
		String body = creditor("IDEM-TWIN", "Twins");
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Callable<HttpResponse<String>> call = () -> {
				start.await();
				return send(body, "twin-1").get();
			};
			Future<HttpResponse<String>> one = pool.submit(call);
			Future<HttpResponse<String>> two = pool.submit(call);
			start.countDown();
			List<HttpResponse<String>> answers = List.of(one.get(), two.get());
			assertThat(answers).extracting(HttpResponse::statusCode).containsExactly(201, 201);
			assertThat(answers).extracting(HttpResponse::body).allMatch((b) -> b.equals(answers.get(0).body()));
			assertThat(this.jdbc.sql("SELECT count(*) FROM portfolio_creditors WHERE code = 'IDEM-TWIN'")
				.query(Integer.class)
				.single()).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	CompletableFuture<HttpResponse<String>> send(String body, String key) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/creditors"))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString("admin:admin-secret".getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", key)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofString());
	}

}
