package org.dues.messaging.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dues.messaging.BulkView;
import org.jspecify.annotations.Nullable;

/**
 * A bulk send as the API answers it. {@code accounts} (the same as {@code selected}),
 * {@code queued}, {@code wouldGoNow}, {@code heldBackNow} and {@code skipped} keep the
 * shape the first bulk answer had. {@code gated} is how many accounts the gate was asked
 * about in the preview; {@code estimated}, whether the counts were estimated from that
 * even spread of a large bulk send.
 */
record BulkJson(UUID id, String status, String selector, Map<String, Object> selection, String channel, String template,
		@Nullable String language, @Nullable Instant notBefore, @Nullable LocalDateTime scheduledAt, String startedBy,
		Instant createdAt, @Nullable Instant queuedAt, @Nullable Instant cancelledAt, @Nullable String cancelledBy,
		int accounts, int selected, int wouldGoNow, int heldBackNow, int unaddressable,
		Map<String, Integer> heldBackByRule, int gated, boolean estimated, int queued, Progress progress,
		List<Skipped> skipped) {

	static BulkJson of(BulkView view) {
		BulkView.Progress p = view.progress();
		return new BulkJson(view.id(), view.status(), view.selector(), view.selection(), view.channel().name(),
				view.template(), view.language(), view.notBefore(), view.scheduledAt(), view.startedBy(),
				view.createdAt(), view.queuedAt(), view.cancelledAt(), view.cancelledBy(), view.selected(),
				view.selected(), view.wouldGoNow(), view.heldBackNow(), view.unaddressable(), view.heldByRule(),
				view.gated(), view.estimated(), p.queued(),
				new Progress(p.queued(), p.waiting(), p.heldBack(), p.sending(), p.sent(), p.delivered(), p.failed(),
						p.blocked(), p.cancelled(), p.percent()),
				view.unaddressableAccounts().stream().map((a) -> new Skipped(a, "no usable address")).toList());
	}

	/** Where the messages stand now, counted from them. */
	record Progress(int queued, int waiting, int heldBack, int sending, int sent, int delivered, int failed,
			int blocked, int cancelled, int percent) {
	}

	/** An account no message was made for, and why (the first 100). */
	record Skipped(UUID accountId, String reason) {
	}

}
