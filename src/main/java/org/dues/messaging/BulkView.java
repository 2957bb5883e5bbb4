package org.dues.messaging;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dues.compliance.Channel;
import org.jspecify.annotations.Nullable;

/**
 * A bulk send: what it chose, what its preview found, and (once queued) where its
 * messages stand now, counted from the messages themselves.
 *
 * @param status {@code PREVIEWED} (nothing queued yet), {@code QUEUED} or
 * {@code CANCELLED}
 * @param selector {@code ACCOUNTS}, {@code QUEUE}, {@code SELECTION} or {@code UPLOAD}
 * @param notBefore the moment it was scheduled for, if any
 * @param scheduledAt the local time it was scheduled for, in each account's creditor's
 * zone, if any
 * @param selected the accounts chosen
 * @param wouldGoNow those the gate would have let go at the preview
 * @param heldBackNow those it would have held back then (they wait for a lawful window,
 * or are blocked, when they leave)
 * @param unaddressable those whose customer has no usable address on the channel: no
 * message is made for them
 * @param heldByRule the held back, by the rule that held each
 * @param gated how many accounts the gate was asked about in the preview
 * @param estimated whether the preview asked about an even spread of the accounts only (a
 * large bulk send), the counts of those that would go and be held back estimated from it
 * @param unaddressableAccounts the first of those without an address (at most 100)
 */
public record BulkView(UUID id, String status, String selector, Map<String, Object> selection, Channel channel,
		String template, @Nullable String language, @Nullable Instant notBefore, @Nullable LocalDateTime scheduledAt,
		String startedBy, Instant createdAt, @Nullable Instant queuedAt, @Nullable Instant cancelledAt,
		@Nullable String cancelledBy, int selected, int wouldGoNow, int heldBackNow, int unaddressable,
		Map<String, Integer> heldByRule, int gated, boolean estimated, Progress progress,
		List<UUID> unaddressableAccounts) {

	public boolean previewed() {
		return "PREVIEWED".equals(this.status);
	}

	public boolean cancelled() {
		return "CANCELLED".equals(this.status);
	}

	/**
	 * Where the bulk send's messages stand now.
	 *
	 * @param queued the messages it made
	 * @param waiting queued, not yet asked about (or scheduled later)
	 * @param heldBack queued, held back by the gate until the next lawful window
	 * @param sending being handed to the provider
	 * @param sent taken by the provider, no delivery report yet
	 * @param failed failed or bounced
	 * @param blocked refused by the gate for good
	 * @param cancelled cancelled (the bulk send, an opt-out, a payment, a hold)
	 */
	public record Progress(int queued, int waiting, int heldBack, int sending, int sent, int delivered, int failed,
			int blocked, int cancelled) {

		/** The messages whose fate is settled: sent on, failed, blocked or cancelled. */
		public int done() {
			return this.sent + this.delivered + this.failed + this.blocked + this.cancelled;
		}

		/** The share settled, 0 to 100. */
		public int percent() {
			return (this.queued == 0) ? 0 : (int) Math.floor(100.0 * done() / this.queued);
		}

		/** Whether any is still queued or being handed over. */
		public boolean moving() {
			return this.waiting + this.heldBack + this.sending > 0;
		}

	}

}
