package org.dues.system;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Wrong right-party answers per user and account and day: after {@value #LIMIT} the user
 * may not try again on that account that day, so the last four characters of an id cannot
 * be found by trying every value (a new login does not reset it).
 */
@Component
public class VerificationAttempts {

	static final int LIMIT = 5;

	private final Map<String, Integer> failures = new ConcurrentHashMap<>();

	private final Clock clock;

	VerificationAttempts(Clock clock) {
		this.clock = clock;
	}

	public boolean mayTry(String user, UUID account) {
		return this.failures.getOrDefault(key(user, account), 0) < LIMIT;
	}

	public void failed(String user, UUID account) {
		LocalDate today = LocalDate.now(this.clock.withZone(ZoneOffset.UTC));
		// yesterday's counts go
		this.failures.keySet().removeIf((k) -> !k.startsWith(today + "/"));
		this.failures.merge(key(user, account), 1, Integer::sum);
	}

	private String key(String user, UUID account) {
		return LocalDate.now(this.clock.withZone(ZoneOffset.UTC)) + "/" + user + "/" + account;
	}

}
