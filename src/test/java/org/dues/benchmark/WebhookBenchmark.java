package org.dues.benchmark;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.zaxxer.hikari.HikariDataSource;
import org.dues.Portfolios;
import org.dues.customer.CustomerManagement;
import org.dues.payment.LinkPurpose;
import org.dues.payment.NewPaymentLink;
import org.dues.payment.PaymentLinkView;
import org.dues.payment.PaymentLinks;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.portfolio.Placements;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20's webhook figure: Razorpay {@code payment_link.paid} webhooks, signed, sent
 * over HTTP at a fixed rate to {@code /webhooks/razorpay}, each for its own link on its
 * own account; the time from sending one to its 200 (verified, recorded, the payment
 * posted by the waterfall with the link counted, in one transaction), p50 and p99,
 * against 200 ms p99 at 50 a second for 60 seconds. A warm-up of 5 seconds at the same
 * rate is not counted. Not part of {@code ./mvnw verify}:
 * {@code ./mvnw -Pbenchmark test -Dtest=WebhookBenchmark} (-Dwebhooks.rate,
 * -Dwebhooks.seconds).
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "dues.data-dir=target/benchmark/webhooks-${random.uuid}", "dues.demo=false",
				"dues.admin-password=benchmark", "dues.aging.cron=-", "dues.arrangements.cron=-",
				"dues.work.order-cron=-", "dues.messaging.dispatch-enabled=false", "dues.messaging.reminders-cron=-",
				"dues.razorpay.key-id=rzp_bench", "dues.razorpay.key-secret=bench",
				"dues.razorpay.webhook-secret=" + WebhookBenchmark.SECRET, "logging.level.org.dues=warn" })
class WebhookBenchmark {

	static final String SECRET = "benchmark-webhook-secret";

	static final int RATE = Integer.getInteger("webhooks.rate", 50);

	static final int SECONDS = Integer.getInteger("webhooks.seconds", 60);

	static final int WARMUP_SECONDS = 5;

	@LocalServerPort
	int port;

	@Autowired
	Creditors creditors;

	@Autowired
	Placements placements;

	@Autowired
	CustomerManagement customers;

	@Autowired
	Clock clock;

	@Autowired
	PaymentLinks links;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	javax.sql.DataSource dataSource;

	@Test
	void webhookToPostedPayment() throws Exception {
		Portfolios portfolios = new Portfolios(this.creditors, this.placements, this.clock, this.customers);
		CreditorView nbfc = portfolios.indianNbfc();
		int warmup = RATE * WARMUP_SECONDS;
		int measured = RATE * SECONDS;
		List<PaymentLinkView> all = new ArrayList<>();
		long loading = System.nanoTime();
		for (int i = 0; i < warmup + measured; i++) {
			AccountView account = portfolios.overdue(nbfc, 40, "5000.00");
			all.add(this.links.create(account.id(), NewPaymentLink.of(LinkPurpose.OVERDUE), "benchmark"));
		}
		System.out.printf("WEBHOOKS loaded %d accounts with a link each in %.1f s%n", all.size(),
				(System.nanoTime() - loading) / 1e9);

		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.executor(Executors.newFixedThreadPool(16))
			.build();
		send(http, all.subList(0, warmup), new Latencies(), new AtomicInteger());
		Latencies latencies = new Latencies();
		AtomicInteger failures = new AtomicInteger();
		long gcBefore = gcMillis();
		long started = System.nanoTime();
		String waits;
		try (WaitSampler sampler = new WaitSampler(this.dataSource.unwrap(HikariDataSource.class))) {
			send(http, all.subList(warmup, warmup + measured), latencies, failures);
			waits = sampler.summary();
		}
		double elapsed = (System.nanoTime() - started) / 1e9;
		long backlog = this.jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
			.query(Long.class)
			.single();
		System.out.printf("WEBHOOKS %s; GC %d ms during the run; listener publications still open at its end: %d%n",
				waits, gcMillis() - gcBefore, backlog);

		Latencies.Summary summary = latencies.summary();
		long heapMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() / (1024 * 1024);
		System.out.printf(
				"WEBHOOKS rate %d/s for %d s (%.1f s): %d sent, %d failed; latency ms p50 %.1f p90 %.1f p99 %.1f max %.1f;"
						+ " %d cores, max heap %d MB, Java %s%n",
				RATE, SECONDS, elapsed, summary.count(), failures.get(), summary.ms(50), summary.ms(90), summary.ms(99),
				summary.maxMs(), Runtime.getRuntime().availableProcessors(), heapMb,
				System.getProperty("java.version"));
		int posted = this.jdbc
			.sql("SELECT count(*) FROM payment_payments WHERE link_id IS NOT NULL AND recorded_by = 'gateway:razorpay'")
			.query(Integer.class)
			.single();
		assertThat(failures.get()).isZero();
		assertThat(posted).isEqualTo(warmup + measured);
		assertThat(summary.ms(99)).as("p99 in ms").isLessThanOrEqualTo(200);
	}

	/** Sends one webhook per link at the rate, and waits for every answer. */
	void send(HttpClient http, List<PaymentLinkView> links, Latencies latencies, AtomicInteger failures)
			throws Exception {
		long interval = 1_000_000_000L / RATE;
		long start = System.nanoTime();
		List<CompletableFuture<?>> answers = new ArrayList<>();
		for (int i = 0; i < links.size(); i++) {
			long due = start + i * interval;
			long wait = due - System.nanoTime();
			if (wait > 0) {
				TimeUnit.NANOSECONDS.sleep(wait);
			}
			PaymentLinkView link = links.get(i);
			String body = paid(link, "pay_B" + link.reference(), i);
			HttpRequest request = HttpRequest
				.newBuilder(URI.create("http://localhost:" + this.port + "/webhooks/razorpay"))
				.header("Content-Type", "application/json")
				.header("X-Razorpay-Signature", hmac(body))
				.header("x-razorpay-event-id", "evt_B" + link.reference())
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build();
			long sent = System.nanoTime();
			answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, ex) -> {
				latencies.add(System.nanoTime() - sent);
				if (ex != null || response.statusCode() != 200) {
					failures.incrementAndGet();
				}
			}));
		}
		CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
	}

	private static long gcMillis() {
		return ManagementFactory.getGarbageCollectorMXBeans()
			.stream()
			.mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime)
			.sum();
	}

	static String paid(PaymentLinkView link, String paymentId, int n) {
		return """
				{"entity":"event","account_id":"acc_BFQ7uQEaa7j2z7","event":"payment_link.paid",
				 "contains":["payment_link","order","payment"],
				 "payload":{"payment_link":{"entity":{"amount":500000,"amount_paid":500000,"currency":"INR",
				  "id":"plink_B%1$s","notes":{"link_reference":"%1$s"},"reference_id":"%1$s-1","status":"paid"}},
				  "payment":{"entity":{"id":"%2$s","entity":"payment","amount":500000,"currency":"INR",
				   "status":"captured","method":"%3$s","captured":true,"notes":[],"created_at":1764150290}}},
				 "created_at":1764150300}""".formatted(link.reference(), paymentId, n % 2 == 0 ? "upi" : "card");
	}

	static String hmac(String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
