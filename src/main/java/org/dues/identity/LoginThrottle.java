package org.dues.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failed logins slow down, then lock out, per user and per source address, with Bucket4j
 * token buckets kept in PostgreSQL so every node of a cluster counts the same attempts.
 * Each attempt takes a token from the user's bucket and the address's bucket before any
 * password is checked; a success gives them back. The buckets refill slower the more is
 * taken, so the delays grow: a user may fail 5 times at once, then once a minute; after
 * 10 in an hour, once every 6 minutes; after 20 in a day, once every 72 minutes (at most
 * about 40 guesses a day, well under NIST SP 800-63B-4's 100). An address may fail 20
 * times at once, then once every 30 seconds, and 100 times a day. A failure that empties
 * a user's bucket is a lockout, recorded (and audited through {@link LoginLockedOut})
 * until an administrator unlocks the user or the bucket refills.
 */
@Component
class LoginThrottle {

	static final BucketConfiguration PER_USER = BucketConfiguration.builder()
		.addLimit(Bandwidth.builder().capacity(5).refillGreedy(5, Duration.ofMinutes(5)).build())
		.addLimit(Bandwidth.builder().capacity(10).refillGreedy(10, Duration.ofHours(1)).build())
		.addLimit(Bandwidth.builder().capacity(20).refillGreedy(20, Duration.ofDays(1)).build())
		.build();

	static final BucketConfiguration PER_ADDRESS = BucketConfiguration.builder()
		.addLimit(Bandwidth.builder().capacity(20).refillGreedy(20, Duration.ofMinutes(10)).build())
		.addLimit(Bandwidth.builder().capacity(100).refillGreedy(100, Duration.ofDays(1)).build())
		.build();

	private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final UserLogins logins;

	LoginThrottle(PostgreSQLSelectForUpdateBasedProxyManager<String> buckets, JdbcClient jdbc, Clock clock,
			ApplicationEventPublisher events, TransactionTemplate transactions, UserLogins logins) {
		this.buckets = buckets;
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
		this.transactions = transactions;
		this.logins = logins;
	}

	/**
	 * Takes an attempt from the user's and the address's buckets.
	 * @throws LoginThrottledException if either is empty; nothing is taken then
	 */
	Attempt begin(String username, @Nullable String address) {
		BucketProxy user = user(username);
		ConsumptionProbe probe = user.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			throw new LoginThrottledException(Duration.ofNanos(probe.getNanosToWaitForRefill()));
		}
		BucketProxy from = null;
		if (address != null) {
			from = address(address);
			ConsumptionProbe fromProbe = from.tryConsumeAndReturnRemaining(1);
			if (!fromProbe.isConsumed()) {
				user.addTokens(1);
				throw new LoginThrottledException(Duration.ofNanos(fromProbe.getNanosToWaitForRefill()));
			}
		}
		return new Attempt(username, address, user, from, probe.getRemainingTokens());
	}

	/**
	 * The password was right: the user's failures are forgotten, the address's attempt
	 * given back.
	 */
	void succeeded(Attempt attempt) {
		attempt.user().reset();
		if (attempt.from() != null) {
			attempt.from().addTokens(1);
		}
	}

	/**
	 * The password was wrong: when that emptied the user's bucket, the user is locked
	 * out.
	 */
	void failed(Attempt attempt) {
		if (attempt.remaining() > 0) {
			return;
		}
		Duration wait = Duration.ofNanos(attempt.user().estimateAbilityToConsume(1).getNanosToWaitForRefill());
		Instant now = this.clock.instant();
		Instant until = now.plus(wait);
		if (!this.logins.exists(attempt.username())) {
			return;
		}
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.sql("""
					INSERT INTO identity_lockouts (username, locked_at, until) VALUES (:u, :at, :until)
					ON CONFLICT (username) DO UPDATE SET locked_at = EXCLUDED.locked_at, until = EXCLUDED.until""")
				.param("u", attempt.username())
				.param("at", now.atOffset(ZoneOffset.UTC))
				.param("until", until.atOffset(ZoneOffset.UTC))
				.update();
			// a client still holding the right password in some node's cache is refused
			// too
			this.logins.restamp(attempt.username());
			this.events.publishEvent(new LoginLockedOut(attempt.username(), attempt.address(), now, until));
		});
	}

	/**
	 * Lets the user try again at once.
	 * @return whether the user had been locked out (or had failed logins counted)
	 */
	boolean unlock(String username, String by) {
		Instant now = this.clock.instant();
		return Boolean.TRUE.equals(this.transactions.execute((status) -> {
			int rows = this.jdbc.sql("DELETE FROM identity_lockouts WHERE username = :u").param("u", username).update();
			this.buckets.removeProxy(userKey(username));
			this.events.publishEvent(new LoginUnlocked(username, by, now));
			return rows > 0;
		}));
	}

	private BucketProxy user(String username) {
		return this.buckets.builder().build(userKey(username), () -> PER_USER);
	}

	private BucketProxy address(String address) {
		return this.buckets.builder().build("address:" + address, () -> PER_ADDRESS);
	}

	private static String userKey(String username) {
		String name = (username.length() > 100) ? username.substring(0, 100) : username;
		return "user:" + name;
	}

	/** One login attempt in progress. */
	record Attempt(String username, @Nullable String address, BucketProxy user, @Nullable BucketProxy from,
			long remaining) {
	}

	@Configuration(proxyBeanMethods = false)
	static class Buckets {

		/** Buckets in identity_login_buckets, timed by the application's clock. */
		@Bean
		PostgreSQLSelectForUpdateBasedProxyManager<String> loginBuckets(DataSource dataSource, Clock clock) {
			return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
				.primaryKeyMapper(PrimaryKeyMapper.STRING)
				.table("identity_login_buckets")
				.idColumn("id")
				.stateColumn("state")
				.expiresAtColumn("expires_at")
				.clientClock(new TimeMeter() {
					@Override
					public long currentTimeNanos() {
						return clock.millis() * 1_000_000;
					}

					@Override
					public boolean isWallClockBased() {
						return true;
					}
				})
				.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
				.build();
		}

		/** Removes the buckets that have refilled (nothing to remember) every hour. */
		@Bean
		RecurringTask<Void> loginBucketsCleanup(PostgreSQLSelectForUpdateBasedProxyManager<String> buckets) {
			return Tasks.recurring("identity-login-buckets-cleanup", Schedules.cron("0 17 * * * *"))
				.execute((instance, context) -> {
					while (buckets.removeExpired(1000) == 1000) {
						// a batch at a time
					}
				});
		}

	}

}
