package org.dues.payment.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

/**
 * Slows down guessing of pay-page tokens: each client address may ask for 30 tokens that
 * do not exist, then one every 10 seconds (a Bucket4j token bucket per address, in
 * memory). Real tokens hold 128 random bits, so this only keeps the logs and the database
 * quiet; a customer with a right link never meets it.
 */
@Component
class PayPageThrottle {

	static final int CAPACITY = 30;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	/** Whether the address may look up another token. */
	boolean allowed(HttpServletRequest request) {
		Bucket bucket = this.buckets.get(request.getRemoteAddr());
		return bucket == null || bucket.getAvailableTokens() > 0;
	}

	/** Counts a token that did not exist against the address. */
	void missed(HttpServletRequest request) {
		if (this.buckets.size() > 100_000) {
			this.buckets.clear();
		}
		this.buckets
			.computeIfAbsent(request.getRemoteAddr(),
					(address) -> Bucket.builder()
						.addLimit(
								Bandwidth.builder().capacity(CAPACITY).refillGreedy(1, Duration.ofSeconds(10)).build())
						.build())
			.tryConsume(1);
	}

}
