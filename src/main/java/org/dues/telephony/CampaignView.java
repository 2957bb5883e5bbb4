package org.dues.telephony;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A dial campaign.
 *
 * @param id its number
 * @param queueId the work queue whose accounts it dials, in the queue's order
 * @param hoursFrom the first moment of the day it dials, in {@code zone}
 * @param hoursTo the moment it stops dialling, in {@code zone}
 * @param maxDialRatio the most calls ringing at once per agent logged in
 * @param wrapSeconds the wrap-up after each call, ended by itself
 * @param callerIds the caller id per creditor and number prefix
 * @param members the agents who take its calls
 * @param running whether it dials now
 * @param margin the predictive pacer's margin now (standard deviations), when it runs
 * predictively
 */
public record CampaignView(long id, String name, UUID queueId, DialMode mode, LocalTime hoursFrom, LocalTime hoursTo,
		String zone, BigDecimal maxDialRatio, int wrapSeconds, Retries retries, List<CallerIdRule> callerIds,
		List<String> members, boolean running, @Nullable Double margin, String createdBy, Instant createdAt,
		int version) {

	/**
	 * The caller id for a call to {@code number} on an account of {@code creditor}: the
	 * rule naming the creditor before one naming none, then the longest matching prefix.
	 * @return the caller id, or null for the provider's
	 */
	public @Nullable String callerIdFor(String creditor, String number) {
		CallerIdRule best = null;
		for (CallerIdRule rule : this.callerIds) {
			boolean creditorFits = rule.creditor().isEmpty() || rule.creditor().equals(creditor);
			if (!creditorFits || !number.startsWith(rule.prefix())) {
				continue;
			}
			if (best == null || rank(rule) > rank(best)) {
				best = rule;
			}
		}
		return (best == null) ? null : best.callerId();
	}

	private static int rank(CallerIdRule rule) {
		return (rule.creditor().isEmpty() ? 0 : 100) + rule.prefix().length();
	}

	/**
	 * A caller id rule.
	 *
	 * @param creditor a creditor's code, or empty for any
	 * @param prefix the start of the customer's number in E.164 ({@code +1}, {@code +91},
	 * {@code +1212}), or empty for any
	 * @param callerId the number shown, E.164
	 */
	public record CallerIdRule(String creditor, String prefix, String callerId) {
	}

	/**
	 * When to try an account again after a call that reached nobody.
	 *
	 * @param minutes how long after
	 * @param maxTries the most tries of the account ending so
	 */
	public record Retry(int minutes, int maxTries) {
	}

	/**
	 * Retry rules per outcome.
	 */
	public record Retries(Retry busy, Retry noAnswer, Retry machine) {

		/**
		 * A busy line again after 10 minutes (3 tries), no answer after an hour (3), an
		 * answering machine after 4 hours (2).
		 */
		public static final Retries DEFAULTS = new Retries(new Retry(10, 3), new Retry(60, 3), new Retry(240, 2));

	}

}
