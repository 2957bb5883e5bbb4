package org.dues.messaging.chat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import org.dues.IntegrationTest;
import org.dues.Portfolios;
import org.dues.payment.LinkPurpose;
import org.dues.payment.NewPaymentLink;
import org.dues.payment.PaymentLinkView;
import org.dues.payment.PaymentLinks;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real-time delivery end to end, over real HTTP against the running server: the
 * customer's widget opens the chat's server-sent event stream and sees a line posted
 * through another request, and a line written to PostgreSQL with {@code NOTIFY} by
 * someone else entirely (as another node would, with no word to this node's memory)
 * arrives on the stream too.
 */
@IntegrationTest
class ChatStreamTests {

	@LocalServerPort
	int port;

	@Autowired
	Portfolios portfolios;

	@Autowired
	PaymentLinks links;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void aLinePostedInAnotherRequestOrByAnotherNodeArrivesOnTheStream() throws Exception {
		CreditorView creditor = this.portfolios.indianNbfc();
		Map<String, String> row = Portfolios.row(creditor, "2000.00");
		row.put("overdue_amount", "500.00");
		row.put("oldest_due_date", "2026-10-01");
		AccountView account = this.portfolios.place(creditor, row);
		PaymentLinkView link = this.links.create(account.id(), NewPaymentLink.of(LinkPurpose.OVERDUE), "tester");
		String base = "http://localhost:" + this.port + "/pay/" + link.token() + "/chat";

		HttpResponse<String> started = this.http.send(form(base + "?lang=hi", "text=" + enc("पहली पंक्ति")),
				HttpResponse.BodyHandlers.ofString());
		assertThat(started.statusCode()).isEqualTo(201);
		String chat = JsonPath.read(started.body(), "$.chat");
		String secret = JsonPath.read(started.body(), "$.secret");

		// a wrong secret opens no stream
		HttpResponse<String> refused = this.http.send(
				HttpRequest.newBuilder(URI.create(base + "/" + chat + "/stream?secret=nope")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(refused.statusCode()).isEqualTo(404);

		BlockingQueue<String> events = new LinkedBlockingQueue<>();
		CompletableFuture<HttpResponse<Stream<String>>> stream = this.http
			.sendAsync(HttpRequest.newBuilder(URI.create(base + "/" + chat + "/stream?secret=" + enc(secret)))
				.header("Accept", "text/event-stream")
				.GET()
				.build(), HttpResponse.BodyHandlers.ofLines());
		HttpResponse<Stream<String>> response = stream.get(10, TimeUnit.SECONDS);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
		Thread reader = Thread.ofVirtual().start(() -> response.body().forEach(events::add));
		try {
			assertThat(awaitData(events, "पहली पंक्ति")).isTrue();

			HttpResponse<String> said = this.http.send(
					form(base + "/" + chat + "/messages", "secret=" + enc(secret) + "&text=" + enc("दूसरी पंक्ति")),
					HttpResponse.BodyHandlers.ofString());
			assertThat(said.statusCode()).isEqualTo(204);
			assertThat(awaitData(events, "दूसरी पंक्ति")).isTrue();

			// another node: a line and its NOTIFY in one transaction of a connection of
			// its own, nothing through this node's code
			this.transactions.executeWithoutResult((tx) -> {
				this.jdbc.sql("""
						INSERT INTO messaging_chat_messages (chat_id, sender, text, at)
						VALUES (:chat, 'SYSTEM', 'from another node', now())""")
					.param("chat", UUID.fromString(chat))
					.update();
				this.jdbc.sql("SELECT pg_notify('dues_chat', :chat)").param("chat", chat).query((rs, n) -> 1).list();
			});
			assertThat(awaitData(events, "from another node")).isTrue();
		}
		finally {
			reader.interrupt();
			response.body().close();
		}
	}

	/** Whether a {@code data:} line with the text arrives within five seconds. */
	private static boolean awaitData(BlockingQueue<String> events, String text) throws InterruptedException {
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (System.nanoTime() < until) {
			String line = events.poll(100, TimeUnit.MILLISECONDS);
			if (line != null && line.startsWith("data:") && line.contains(text)) {
				return true;
			}
		}
		return false;
	}

	private static HttpRequest form(String url, String body) {
		return HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	private static String enc(String text) {
		return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
	}

}
