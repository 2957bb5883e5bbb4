package org.dues.benchmark;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.dues.Portfolios;
import org.dues.TestAgents;
import org.dues.customer.CustomerManagement;
import org.dues.identity.NewUser;
import org.dues.identity.Role;
import org.dues.identity.Teams;
import org.dues.identity.UserManagement;
import org.dues.messaging.chat.ChatStatus;
import org.dues.messaging.chat.ChatView;
import org.dues.messaging.chat.Chats;
import org.dues.payment.LinkPurpose;
import org.dues.payment.NewPaymentLink;
import org.dues.payment.PaymentLinkView;
import org.dues.payment.PaymentLinks;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.portfolio.Placements;
import org.dues.work.Queues;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 23's chat figure: 500 chats open at once across 100 agents on one node, each
 * customer's widget holding its server-sent event stream over real HTTP. For 60 seconds
 * every chat gets a line about every 2 seconds, in turn from its customer (a POST to the
 * widget's endpoint, over HTTP) and from its agent (through {@link Chats}, as the desk's
 * POST does); the delivery time of a line is from just before it is sent to its arrival
 * on the customer's stream: the insert, the NOTIFY at commit, the LISTEN connection, the
 * read of the new lines and the event written. p50 and p99 against 200 ms p99. Not part
 * of {@code ./mvnw verify}: {@code ./mvnw -Pbenchmark test -Dtest=ChatBenchmark}
 * (-Dchat.chats, -Dchat.agents, -Dchat.seconds, -Dchat.every-ms).
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "dues.data-dir=target/benchmark/chat-${random.uuid}", "dues.demo=false",
				"dues.admin-password=benchmark", "dues.aging.cron=-", "dues.arrangements.cron=-",
				"dues.work.order-cron=-", "dues.messaging.dispatch-enabled=false", "dues.messaging.reminders-cron=-",
				"dues.chat.max-per-agent=5", "logging.level.org.dues=warn" })
class ChatBenchmark {

	static final int CHATS = Integer.getInteger("chat.chats", 500);

	static final int AGENTS = Integer.getInteger("chat.agents", 100);

	static final int SECONDS = Integer.getInteger("chat.seconds", 60);

	static final int EVERY_MS = Integer.getInteger("chat.every-ms", 2000);

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
	UserManagement users;

	@Autowired
	Teams teams;

	@Autowired
	Queues queues;

	@Autowired
	Chats chats;

	@Autowired
	JdbcClient jdbc;

	@Test
	void messageDelivery() throws Exception {
		Portfolios portfolios = new Portfolios(this.creditors, this.placements, this.clock, this.customers);
		CreditorView issuer = portfolios.usIssuer();
		String[] agents = new String[AGENTS];
		for (int i = 0; i < AGENTS; i++) {
			agents[i] = "chat-bench-" + i;
			this.users.createIfAbsent(
					new NewUser(agents[i], agents[i], "benchmark-secret", Set.of(Role.AGENT), List.of("en")));
			this.jdbc.sql("INSERT INTO messaging_chat_agents (agent, ready, changed_at) VALUES (:a, true, :now)")
				.param("a", agents[i])
				.param("now", Timestamp.from(this.clock.instant()))
				.update();
		}
		TestAgents.seeEveryPooledAccount(this.teams, this.queues, agents);
		long loading = System.nanoTime();
		List<Chats.Started> started = new ArrayList<>();
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < CHATS; i++) {
			AccountView account = portfolios.overdue(issuer, 40, "900.00");
			PaymentLinkView link = this.links.create(account.id(), NewPaymentLink.of(LinkPurpose.OVERDUE), "benchmark");
			started.add(this.chats.start(link.token(), "en", "hello " + i));
			tokens.add(link.token());
		}
		List<ChatView> given = started.stream().map((s) -> this.chats.get(s.chat().id())).toList();
		long active = given.stream().filter((c) -> c.status() == ChatStatus.ACTIVE).count();
		long agentsBusy = given.stream().map(ChatView::agent).distinct().count();
		System.out.printf("CHAT loaded %d chats (%d given, to %d agents) in %.1f s%n", CHATS, active, agentsBusy,
				(System.nanoTime() - loading) / 1e9);
		assertThat(active).isEqualTo(CHATS);

		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.executor(Executors.newFixedThreadPool(8))
			.build();
		Map<String, Long> sentAt = new ConcurrentHashMap<>();
		Latencies warm = new Latencies();
		Latencies latencies = new Latencies();
		long[] measureFrom = { Long.MAX_VALUE };
		List<HttpResponse<Stream<String>>> streams = new ArrayList<>();
		List<Thread> readers = new ArrayList<>();
		for (int i = 0; i < CHATS; i++) {
			String base = base(tokens.get(i), started.get(i).chat().id());
			HttpResponse<Stream<String>> stream = http
				.send(HttpRequest.newBuilder(URI.create(base + "/stream?secret=" + enc(started.get(i).secret())))
					.header("Accept", "text/event-stream")
					.GET()
					.build(), HttpResponse.BodyHandlers.ofLines());
			assertThat(stream.statusCode()).isEqualTo(200);
			streams.add(stream);
			readers.add(Thread.ofVirtual().start(() -> read(stream, (line) -> {
				int at = line.indexOf("#m");
				if (line.startsWith("data:") && at >= 0) {
					String key = line.substring(at, line.indexOf('#', at + 2) + 1);
					Long sent = sentAt.remove(key);
					if (sent != null) {
						(sent >= measureFrom[0] ? latencies : warm).add(System.nanoTime() - sent);
					}
				}
			})));
		}

		AtomicInteger failures = new AtomicInteger();
		AtomicInteger sent = new AtomicInteger();
		ExecutorService senders = Executors.newFixedThreadPool(16);
		long start = System.nanoTime();
		long end = start + TimeUnit.SECONDS.toNanos(WARMUP_SECONDS + SECONDS);
		measureFrom[0] = start + TimeUnit.SECONDS.toNanos(WARMUP_SECONDS);
		long gcBefore = gcMillis();
		// every chat's turn comes round each EVERY_MS, the chats spread evenly over it
		long interval = TimeUnit.MILLISECONDS.toNanos(EVERY_MS) / CHATS;
		for (long n = 0;; n++) {
			long due = start + n * interval;
			if (due >= end) {
				break;
			}
			long wait = due - System.nanoTime();
			if (wait > 0) {
				TimeUnit.NANOSECONDS.sleep(wait);
			}
			int chat = (int) (n % CHATS);
			boolean customer = (n / CHATS) % 2 == 0;
			String key = "#m" + n + "#";
			senders.execute(() -> {
				Chats.Started s = started.get(chat);
				String text = (customer ? "customer " : "agent ") + key;
				sentAt.put(key, System.nanoTime());
				try {
					if (customer) {
						HttpResponse<Void> answer = http.send(
								HttpRequest.newBuilder(URI.create(base(tokens.get(chat), s.chat().id()) + "/messages"))
									.header("Content-Type", "application/x-www-form-urlencoded")
									.POST(HttpRequest.BodyPublishers
										.ofString("secret=" + enc(s.secret()) + "&text=" + enc(text)))
									.build(),
								HttpResponse.BodyHandlers.discarding());
						if (answer.statusCode() != 204) {
							failures.incrementAndGet();
						}
					}
					else {
						this.chats.agentSays(s.chat().id(), given.get(chat).agent(), text);
					}
					sent.incrementAndGet();
				}
				catch (Exception ex) {
					failures.incrementAndGet();
				}
			});
		}
		senders.shutdown();
		senders.awaitTermination(1, TimeUnit.MINUTES);
		Thread.sleep(2000);
		long gc = gcMillis() - gcBefore;
		int lost = sentAt.size();
		streams.forEach((s) -> s.body().close());
		readers.forEach(Thread::interrupt);

		Latencies.Summary summary = latencies.summary();
		long heapMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() / (1024 * 1024);
		System.out.printf(
				"CHAT %d chats, %d agents, a line per chat every %d ms for %d s (after %d s warm-up): %d sent,"
						+ " %d delivered and measured, %d never delivered, %d failed; delivery ms p50 %.1f p90 %.1f"
						+ " p99 %.1f max %.1f; GC %d ms; %d cores, max heap %d MB, Java %s%n",
				CHATS, AGENTS, EVERY_MS, SECONDS, WARMUP_SECONDS, sent.get(), summary.count(), lost, failures.get(),
				summary.ms(50), summary.ms(90), summary.ms(99), summary.maxMs(), gc,
				Runtime.getRuntime().availableProcessors(), heapMb, System.getProperty("java.version"));
		assertThat(failures.get()).isZero();
		assertThat(lost).isZero();
		assertThat(summary.ms(99)).as("p99 in ms").isLessThanOrEqualTo(200);
	}

	/** Reads the stream's lines until it is closed at the end of the run. */
	private static void read(HttpResponse<Stream<String>> stream, java.util.function.Consumer<String> each) {
		try {
			stream.body().forEach(each);
		}
		catch (java.io.UncheckedIOException ex) {
			// closed by the benchmark once it is done
		}
	}

	private String base(String token, UUID chat) {
		return "http://localhost:" + this.port + "/pay/" + token + "/chat/" + chat;
	}

	private static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static long gcMillis() {
		return ManagementFactory.getGarbageCollectorMXBeans()
			.stream()
			.mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime)
			.sum();
	}

}
