package org.dues.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.Portfolios;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.CreditorView;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The credits' daily sums give exactly what the credits give read one by one: every
 * grouping and filter, the reader's scope, the average days to pay, after payments,
 * reversals days later, back-dated payments written late, a credit delivered twice, a
 * snapshot stamping the credits again, deletions, and writers at the same time.
 */
@IntegrationTest
@ExtendWith(MutableClock.BackToStart.class)
class CreditsDailyTests {

	/** Monday 2 November 2026, 10:00 in New York. */
	private static final Instant PLACED = Instant.parse("2026-11-02T15:00:00Z");

	private static final LocalDate FIRST = LocalDate.of(2026, 10, 20);

	private static final List<@Nullable String> AGENTS = java.util.Arrays.asList("daily-ann", "daily-bob", "daily-cid",
			null);

	private static final List<@Nullable String> BUCKETS = java.util.Arrays.asList("CURRENT", "B1", "B2", null);

	@Autowired
	Portfolios portfolios;

	@Autowired
	MutableClock clock;

	@Autowired
	CollectionsQuery collections;

	@Autowired
	Measures measures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void theDailySumsGiveWhatTheCreditsGive() {
		this.clock.set(PLACED);
		CreditorView issuer = this.portfolios.usIssuer();
		UUID creditor = issuer.id().value();
		List<UUID> accounts = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			AccountView account = this.portfolios.overdue(issuer, 30 + 20 * i, "9000.00");
			accounts.add(account.id().value());
		}
		Random random = new Random(22);
		List<Credit> payments = new ArrayList<>();
		for (int i = 0; i < 150; i++) {
			payments.add(new Credit(UUID.randomUUID(), "PAYMENT", accounts.get(random.nextInt(accounts.size())),
					amount(random), AGENTS.get(random.nextInt(AGENTS.size())), FIRST.plusDays(random.nextInt(40)), 0));
		}
		insert(creditor, payments);
		check(creditor, Set.of());

		// reversals of one payment in five, made up to six days later (another day)
		List<Credit> reversals = payments.stream()
			.filter((c) -> random.nextInt(5) == 0)
			.map((c) -> new Credit(c.id(), "REVERSAL", c.account(), c.amount().negate(), c.agent(), c.receivedOn(),
					random.nextInt(7)))
			.toList();
		insert(creditor, reversals);
		// payments received on days long gone, written only now; then everything
		// delivered again
		List<Credit> late = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			late.add(new Credit(UUID.randomUUID(), "PAYMENT", accounts.get(random.nextInt(accounts.size())),
					amount(random), AGENTS.get(random.nextInt(AGENTS.size())), FIRST.plusDays(random.nextInt(10)), 0));
		}
		insert(creditor, late);
		insert(creditor, payments);
		insert(creditor, reversals);
		check(creditor, Set.of("reversals", "late"));

		// a snapshot stamping credits again with their accounts' dimensions, then some
		// credits taken away
		int restamped = 0;
		for (int i = 0; i < 6; i++) {
			restamped += this.jdbc.sql("""
					UPDATE reporting_payment_credits SET bucket = :bucket, region = :region, language = :language
					WHERE creditor_id = :c AND account_id = :a AND day >= :from""")
				.param("bucket", BUCKETS.get(random.nextInt(BUCKETS.size())))
				.param("region", (random.nextBoolean()) ? "MA" : null)
				.param("language", (random.nextBoolean()) ? "en" : "es")
				.param("c", creditor)
				.param("a", accounts.get(random.nextInt(accounts.size())))
				.param("from", FIRST.plusDays(random.nextInt(40)))
				.update();
		}
		assertThat(restamped).isPositive();
		check(creditor, Set.of("restamped"));
		this.jdbc.sql("""
				DELETE FROM reporting_payment_credits WHERE creditor_id = :c AND kind = 'REVERSAL'
				  AND account_id = :a""").param("c", creditor).param("a", accounts.get(0)).update();
		check(creditor, Set.of("deleted"));
	}

	@Test
	void writersAtTheSameTimeAndTheSameCreditTwiceCountOnce() throws Exception {
		this.clock.set(PLACED);
		CreditorView issuer = this.portfolios.usIssuer();
		UUID creditor = issuer.id().value();
		UUID account = this.portfolios.overdue(issuer, 45, "9000.00").id().value();
		Random random = new Random(7);
		List<Credit> shared = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			shared.add(new Credit(UUID.randomUUID(), "PAYMENT", account, amount(random), "daily-ann",
					FIRST.plusDays(random.nextInt(3)), 0));
		}
		int writers = 4;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(writers);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int w = 0; w < writers; w++) {
				List<Credit> own = new ArrayList<>(shared);
				for (int i = 0; i < 10; i++) {
					own.add(new Credit(UUID.randomUUID(), "PAYMENT", account, amount(random), "daily-ann",
							FIRST.plusDays(random.nextInt(3)), 0));
				}
				done.add(pool.submit(() -> {
					start.await();
					for (Credit c : own) {
						this.transactions.executeWithoutResult((s) -> insert(creditor, List.of(c)));
					}
					this.transactions.executeWithoutResult((s) -> insert(creditor, own));
					return null;
				}));
			}
			start.countDown();
			for (Future<?> f : done) {
				f.get();
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(this.jdbc.sql("SELECT sum(payments) FROM reporting_credits_daily WHERE creditor_id = :c")
			.param("c", creditor)
			.query(Long.class)
			.single()).isEqualTo(40 + writers * 10);
		check(creditor, Set.of("concurrent"));
	}

	/**
	 * Every grouping, with and without a reader's scope and filters, read from the daily
	 * sums and from the credits, and the daily sums against the credits summed again.
	 */
	private void check(UUID creditor, Set<String> stage) {
		assertThat(differences(creditor, "reporting_credits_daily_dims",
				"day, currency, agent, product, bucket, queue_id, region, language"))
			.as("daily sums by every dimension against the credits summed again, %s", stage)
			.isZero();
		assertThat(differences(creditor, "reporting_credits_daily", "day, currency, agent"))
			.as("daily sums by agent against the credits summed again, %s", stage)
			.isZero();
		ReportFilter period = ReportFilter.period(FIRST, FIRST.plusDays(45)).forCreditor(creditor);
		List<ReportFilter> filters = List.of(period, period.over(FIRST.plusDays(3), FIRST.plusDays(17)),
				period.within(Set.of("daily-ann", "daily-bob")), period.within(Set.of()),
				period.within(Set.of("nobody-here")),
				new ReportFilter(FIRST, FIRST.plusDays(45), creditor, null, "B2", null, "daily-cid", null, null, null,
						null),
				new ReportFilter(FIRST, FIRST.plusDays(45), creditor, null, null, null, null, null, "MA", "en",
						Set.of("daily-cid", "daily-ann")));
		boolean some = false;
		for (ReportFilter f : filters) {
			Set<String> agents = this.measures.agents(f);
			for (GroupBy by : GroupBy.values()) {
				CollectionsReport daily = this.collections.collections(f, agents, by);
				assertThat(daily).as("%s by %s, %s", f.applied(), by, stage)
					.isEqualTo(this.collections.live(f, agents, by));
				some |= !daily.rows().isEmpty();
			}
			PeriodMeasures m = this.measures.measures(f);
			assertThat(m.averageDaysToPay()).as("days to pay, %s, %s", f.applied(), stage)
				.isEqualTo(liveDaysToPay(f, agents));
		}
		assertThat(some).isTrue();
		assertThat(this.collections.collections(period.within(Set.of("daily-ann")), Set.of("daily-ann"), GroupBy.AGENT)
			.rows()).allMatch((r) -> r.key().equals("daily-ann"));
	}

	/**
	 * The rows of the daily sums that the credits summed again by the same keys lack, and
	 * back.
	 */
	private long differences(UUID creditor, String sums, String keys) {
		String again = """
				SELECT %s, count(*) FILTER (WHERE kind = 'PAYMENT'), coalesce(sum(amount) FILTER (WHERE kind = 'PAYMENT'), 0),
				       count(*) FILTER (WHERE kind = 'REVERSAL'), coalesce(-sum(amount) FILTER (WHERE kind = 'REVERSAL'), 0),
				       count(*) FILTER (WHERE kind = 'PAYMENT' AND placed_on IS NOT NULL),
				       coalesce(sum(greatest(received_on - placed_on, 0)) FILTER (WHERE kind = 'PAYMENT'), 0)
				FROM reporting_payment_credits WHERE creditor_id = :c AND kind IN ('PAYMENT', 'REVERSAL')
				GROUP BY %s"""
			.formatted(keys, keys);
		String kept = "SELECT %s, payments, paid, reversals, reversed, timed, days_to_pay FROM %s WHERE creditor_id = :c"
			.formatted(keys, sums);
		return this.jdbc
			.sql("SELECT count(*) FROM ((%s EXCEPT %s) UNION ALL (%s EXCEPT %s)) d".formatted(again, kept, kept, again))
			.param("c", creditor)
			.query(Long.class)
			.single();
	}

	private @Nullable BigDecimal liveDaysToPay(ReportFilter f, @Nullable Set<String> agents) {
		FilterSql where = FilterSql.of(f, agents,
				Map.of(FilterSql.Dim.CREDITOR, "p.creditor_id", FilterSql.Dim.AGENT, "p.agent", FilterSql.Dim.PRODUCT,
						"p.product", FilterSql.Dim.BUCKET, "p.bucket", FilterSql.Dim.QUEUE, "p.queue_id",
						FilterSql.Dim.REGION, "p.region", FilterSql.Dim.LANGUAGE, "p.language"));
		Map<String, Object> p = new HashMap<>(where.params());
		p.put("from", f.from());
		p.put("to", f.to());
		BigDecimal mean = this.jdbc
			.sql("""
					SELECT avg(greatest(p.received_on - p.placed_on, 0)) FROM reporting_payment_credits p
					WHERE p.kind = 'PAYMENT' AND p.day BETWEEN :from AND :to AND p.placed_on IS NOT NULL %s"""
				.formatted(where.sql()))
			.params(p)
			.query((rs, i) -> rs.getBigDecimal(1))
			.optional()
			.orElse(null);
		return (mean == null) ? null : mean.setScale(1, RoundingMode.HALF_EVEN);
	}

	/**
	 * The credits as payment's events would write them: each once, whatever comes again.
	 */
	private void insert(UUID creditor, List<Credit> credits) {
		for (Credit c : credits) {
			Instant at = c.receivedOn()
				.plusDays(c.daysLater())
				.atTime(11, 0)
				.atZone(ZoneId.of("America/New_York"))
				.toInstant();
			this.jdbc
				.sql("""
						INSERT INTO reporting_payment_credits (payment_id, kind, account_id, amount, currency, agent,
						    credited_as, received_on, at, recorded_at, creditor_id)
						VALUES (:id, :kind, :account, :amount, 'USD', :agent, CASE WHEN :agent IS NOT NULL THEN 'ACCOUNT_HOLDER' END,
						    :received, :at, :at, :c)
						ON CONFLICT DO NOTHING""")
				.param("id", c.id())
				.param("kind", c.kind())
				.param("account", c.account())
				.param("amount", c.amount())
				.param("agent", c.agent(), java.sql.Types.VARCHAR)
				.param("received", c.receivedOn())
				.param("at", Timestamp.from(at))
				.param("c", creditor)
				.update();
		}
	}

	private static BigDecimal amount(Random random) {
		return BigDecimal.valueOf(100 + random.nextInt(90_000), 2);
	}

	private record Credit(UUID id, String kind, UUID account, BigDecimal amount, @Nullable String agent,
			LocalDate receivedOn, int daysLater) {
	}

}
