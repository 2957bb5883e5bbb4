package org.dues.identity;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
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
 * Failed logins slow down, then lock out, with Bucket4j token buckets kept in PostgreSQL
 * so every node of a cluster counts the same attempts. Following OWASP's and NIST SP
 * 800-63B-4's advice against lockouts that anyone can cause, failures are counted in
 * three places, and only failures spend tokens (a right password is never refused while
 * the buckets have tokens, however many arrive at once):
 * <ul>
 * <li>per user and source address (IPv6 by its /64): 5 at once, then once a minute; after
 * 10 in an hour, once every 6 minutes; after 20 in a day, once every 72 minutes; a
 * success from there forgets them;</li>
 * <li>per user from everywhere, slower and more generous: 30 in an hour, 100 in a day
 * (what takes many addresses); while this is empty the user is refused from every address
 * except those they logged in from in the last {@link #KNOWN_FOR} days;</li>
 * <li>per address, whatever the user: 20 at once, then once every 30 seconds, 100 a
 * day.</li>
 * </ul>
 * Wrong one-time codes count per user on their own bucket (as the first limit), which
 * only a right code empties of failures. A failure that empties a user's bucket is a
 * lockout, recorded (and audited through {@link LoginLockedOut}) until an administrator
 * or an operator unlocks the user or the bucket refills.
 */
@Component
class LoginThrottle {

	/** How long an address a user logged in from stays theirs. */
	static final Duration KNOWN_FOR = Duration.ofDays(30);

	static final BucketConfiguration PER_USER_AND_ADDRESS = BucketConfiguration.builder()
		.addLimit(Bandwidth.builder().capacity(5).refillGreedy(5, Duration.ofMinutes(5)).build())
		.addLimit(Bandwidth.builder().capacity(10).refillGreedy(10, Duration.ofHours(1)).build())
		.addLimit(Bandwidth.builder().capacity(20).refillGreedy(20, Duration.ofDays(1)).build())
		.build();

	static final BucketConfiguration PER_USER = BucketConfiguration.builder()
		.addLimit(Bandwidth.builder().capacity(30).refillGreedy(30, Duration.ofHours(1)).build())
		.addLimit(Bandwidth.builder().capacity(100).refillGreedy(100, Duration.ofDays(1)).build())
		.build();

	static final BucketConfiguration PER_ADDRESS = BucketConfiguration.builder()
		.addLimit(Bandwidth.builder().capacity(20).refillGreedy(20, Duration.ofMinutes(10)).build())
		.addLimit(Bandwidth.builder().capacity(100).refillGreedy(100, Duration.ofDays(1)).build())
		.build();

	static final BucketConfiguration PER_USER_CODES = PER_USER_AND_ADDRESS;

	static final String EVERYWHERE = "all";

	static final String SECOND_FACTOR = "second-factor";

	private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final UserLogins logins;

	private final SecurityStamps stamps;

	private final LoginTally tally = new LoginTally();

	LoginThrottle(PostgreSQLSelectForUpdateBasedProxyManager<String> buckets, JdbcClient jdbc, Clock clock,
			ApplicationEventPublisher events, TransactionTemplate transactions, UserLogins logins,
			SecurityStamps stamps) {
		this.buckets = buckets;
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
		this.transactions = transactions;
		this.logins = logins;
		this.stamps = stamps;
	}

	/**
	 * Whether a password may be checked now; nothing is spent.
	 * @throws LoginThrottledException if the address, the user from that address, or the
	 * user everywhere (unless the address is one of theirs) has no failures left
	 */
	void check(String username, @Nullable String address) {
		String from = addressKey(address);
		try {
			if (from != null) {
				refuseIfEmpty(bucket("address:" + from, PER_ADDRESS));
				refuseIfEmpty(bucket(pairKey(username, from), PER_USER_AND_ADDRESS));
			}
			BucketProxy everywhere = bucket(userKey(username), PER_USER);
			if (everywhere.getAvailableTokens() <= 0 && !known(username, from)) {
				refuseIfEmpty(everywhere);
			}
		}
		catch (LoginThrottledException ex) {
			this.tally.refusedPasswords.increment();
			throw ex;
		}
	}

	/** The password was right: this address's failures for the user are forgotten. */
	void succeeded(String username, @Nullable String address) {
		String from = addressKey(address);
		if (from == null) {
			return;
		}
		this.buckets.removeProxy(pairKey(username, from));
		if (this.logins.exists(username)) {
			this.jdbc.sql("""
					INSERT INTO identity_login_addresses (username, address, last_login) VALUES (:u, :a, :at)
					ON CONFLICT (username, address) DO UPDATE SET last_login = EXCLUDED.last_login""")
				.param("u", username)
				.param("a", from)
				.param("at", this.clock.instant().atOffset(ZoneOffset.UTC))
				.update();
		}
	}

	/**
	 * The password was wrong: a failure is spent from each bucket; one that this emptied
	 * locks the user out (everywhere, or from this address).
	 */
	void failed(String username, @Nullable String address) {
		this.tally.wrongPasswords.increment();
		String from = addressKey(address);
		if (from != null) {
			spend(bucket("address:" + from, PER_ADDRESS));
			BucketProxy pair = bucket(pairKey(username, from), PER_USER_AND_ADDRESS);
			if (spend(pair)) {
				lockOut(username, "address:" + from, address, pair);
			}
		}
		BucketProxy everywhere = bucket(userKey(username), PER_USER);
		if (spend(everywhere)) {
			lockOut(username, EVERYWHERE, address, everywhere);
		}
	}

	/**
	 * Whether a one-time code may be checked now; nothing is spent.
	 * @throws LoginThrottledException if the user or the address has no failures left
	 */
	void checkCode(String username, @Nullable String address) {
		String from = addressKey(address);
		try {
			if (from != null) {
				refuseIfEmpty(bucket("address:" + from, PER_ADDRESS));
			}
			refuseIfEmpty(bucket(codeKey(username), PER_USER_CODES));
		}
		catch (LoginThrottledException ex) {
			this.tally.refusedCodes.increment();
			throw ex;
		}
	}

	/** The code was right: the user's wrong codes are forgotten. */
	void codeSucceeded(String username) {
		this.buckets.removeProxy(codeKey(username));
	}

	/** The code was wrong: when that emptied the user's bucket of codes, a lockout. */
	void codeFailed(String username, @Nullable String address) {
		this.tally.wrongCodes.increment();
		String from = addressKey(address);
		if (from != null) {
			spend(bucket("address:" + from, PER_ADDRESS));
		}
		BucketProxy codes = bucket(codeKey(username), PER_USER_CODES);
		if (spend(codes)) {
			lockOut(username, SECOND_FACTOR, address, codes);
		}
	}

	/**
	 * Lets the user try again at once, from everywhere, passwords and codes alike.
	 * @param by who unlocks (an administrator, or the operator's command)
	 * @return whether the user had been locked out
	 */
	boolean unlock(String username, String by) {
		Instant now = this.clock.instant();
		return Boolean.TRUE.equals(this.transactions.execute((status) -> {
			int rows = this.jdbc.sql("DELETE FROM identity_lockouts WHERE username = :u").param("u", username).update();
			this.jdbc.sql("DELETE FROM identity_login_buckets WHERE id IN (:user, :codes) OR starts_with(id, :pairs)")
				.param("user", userKey(username))
				.param("codes", codeKey(username))
				.param("pairs", pairKey(username, ""))
				.update();
			this.events.publishEvent(new LoginUnlocked(username, by, now));
			return rows > 0;
		}));
	}

	/**
	 * The key an address is counted under: an IPv4 address as it is, an IPv6 address by
	 * its /64 (one subscriber's whole network), anything else as given.
	 */
	static @Nullable String addressKey(@Nullable String address) {
		if (address == null || address.isBlank()) {
			return null;
		}
		String literal = address.strip();
		if (literal.startsWith("[") && literal.endsWith("]")) {
			literal = literal.substring(1, literal.length() - 1);
		}
		int zone = literal.indexOf('%');
		if (zone >= 0) {
			literal = literal.substring(0, zone);
		}
		if (!literal.contains(":") || !literal.matches("[0-9A-Fa-f:.]+")) {
			return literal;
		}
		try {
			// a literal with ':' only: parsed, never looked up
			InetAddress parsed = InetAddress.getByName(literal);
			if (parsed instanceof Inet6Address) {
				byte[] bytes = parsed.getAddress();
				Arrays.fill(bytes, 8, 16, (byte) 0);
				return InetAddress.getByAddress(bytes).getHostAddress().replaceFirst("(:0)+$", "::") + "/64";
			}
			return parsed.getHostAddress();
		}
		catch (UnknownHostException ex) {
			return literal;
		}
	}

	private boolean known(String username, @Nullable String from) {
		if (from == null) {
			return false;
		}
		return this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM identity_login_addresses
				WHERE username = :u AND address = :a AND last_login > :since)""")
			.param("u", username)
			.param("a", from)
			.param("since", this.clock.instant().minus(KNOWN_FOR).atOffset(ZoneOffset.UTC))
			.query(Boolean.class)
			.single();
	}

	private static void refuseIfEmpty(BucketProxy bucket) {
		EstimationProbe probe = bucket.estimateAbilityToConsume(1);
		if (!probe.canBeConsumed()) {
			throw new LoginThrottledException(Duration.ofNanos(probe.getNanosToWaitForRefill()));
		}
	}

	/**
	 * Spends a failure; failures that arrive together are all counted (the bucket goes
	 * into debt, which lengthens the wait).
	 * @return whether this failure emptied the bucket
	 */
	private static boolean spend(BucketProxy bucket) {
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (probe.isConsumed()) {
			return probe.getRemainingTokens() == 0;
		}
		bucket.consumeIgnoringRateLimits(1);
		return false;
	}

	private void lockOut(String username, String scope, @Nullable String address, BucketProxy bucket) {
		if (!this.logins.exists(username)) {
			return;
		}
		Duration wait = Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
		Instant now = this.clock.instant();
		Instant until = now.plus(wait);
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc
				.sql("""
						INSERT INTO identity_lockouts (username, scope, locked_at, until) VALUES (:u, :scope, :at, :until)
						ON CONFLICT (username, scope) DO UPDATE SET locked_at = EXCLUDED.locked_at, until = EXCLUDED.until""")
				.param("u", username)
				.param("scope", scope)
				.param("at", now.atOffset(ZoneOffset.UTC))
				.param("until", until.atOffset(ZoneOffset.UTC))
				.update();
			if (EVERYWHERE.equals(scope)) {
				// a client still holding the right password in some node's cache is
				// refused too
				this.stamps.restamp(username);
			}
			this.events.publishEvent(new LoginLockedOut(username, address, scope, now, until));
		});
		this.tally.lockedOut(scope);
	}

	/** What this throttle saw on this node, for {@link LoginMetrics}. */
	LoginTally tally() {
		return this.tally;
	}

	private BucketProxy bucket(String key, BucketConfiguration configuration) {
		return this.buckets.builder().build(key, () -> configuration);
	}

	private static String name(String username) {
		return (username.length() > 100) ? username.substring(0, 100) : username;
	}

	private static String userKey(String username) {
		return "user:" + name(username);
	}

	private static String codeKey(String username) {
		return "code:" + name(username);
	}

	private static String pairKey(String username, String address) {
		return "pair:" + name(username) + "|" + address;
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

		/**
		 * Removes the buckets that have refilled (nothing to remember) and the addresses
		 * no longer recent every hour.
		 */
		@Bean
		RecurringTask<Void> loginBucketsCleanup(PostgreSQLSelectForUpdateBasedProxyManager<String> buckets,
				JdbcClient jdbc, Clock clock) {
			return Tasks.recurring("identity-login-buckets-cleanup", Schedules.cron("0 17 * * * *"))
				.execute((instance, context) -> {
					while (buckets.removeExpired(1000) == 1000) {
						// a batch at a time
					}
					jdbc.sql("DELETE FROM identity_login_addresses WHERE last_login < :before")
						.param("before", clock.instant().minus(KNOWN_FOR).atOffset(ZoneOffset.UTC))
						.update();
				});
		}

	}

}
