package org.dues.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.dues.compliance.Channel;
import org.dues.portfolio.AccountId;
import org.dues.shared.InvalidInputException;
import org.dues.shared.Phrase;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * A message to many accounts at once: previewed (how many would go now, how many the gate
 * would hold back, how many cannot be sent and why) or queued under one bulk id, each
 * decided by the gate when it leaves, not now.
 */
@Service
public class BulkSends {

	/** The most accounts one bulk send takes. */
	public static final int MOST = 10_000;

	private final Messages messages;

	BulkSends(Messages messages) {
		this.messages = messages;
	}

	/**
	 * Previews or queues the message for each account.
	 * @param dryRun only count: nothing is queued
	 */
	public Result send(List<AccountId> accounts, Channel channel, String template, @Nullable String language,
			@Nullable Instant notBefore, boolean dryRun, String actor) {
		if (accounts.isEmpty() || accounts.size() > MOST) {
			throw new InvalidInputException("accountIds", "give 1 to %d accounts".formatted(MOST),
					Phrase.of("validation.bulk.size", MOST));
		}
		UUID id = UUID.randomUUID();
		int queued = 0;
		int now = 0;
		int held = 0;
		List<Skipped> skipped = new ArrayList<>();
		for (AccountId account : accounts.stream().distinct().toList()) {
			NewMessage message = new NewMessage(account, channel, template, language, null, notBefore, null,
					dryRun ? null : id, null);
			try {
				Messages.Preview preview = this.messages.preview(message, actor);
				if (preview.address() == null) {
					skipped.add(new Skipped(account.value(), "no usable address"));
					continue;
				}
				if (preview.gate() == null || preview.gate().decision().allowed()) {
					now++;
				}
				else {
					held++;
				}
				if (!dryRun) {
					this.messages.queue(message, actor);
					queued++;
				}
			}
			catch (InvalidInputException ex) {
				skipped.add(new Skipped(account.value(), ex.getMessage()));
			}
		}
		return new Result(dryRun ? null : id, accounts.size(), queued, now, held, skipped);
	}

	/**
	 * @param id the bulk send's id (null for a preview)
	 * @param wouldGoNow how many the gate would let go at this moment
	 * @param heldBackNow how many it would hold back now (they wait or are blocked when
	 * they leave)
	 */
	public record Result(@Nullable UUID id, int accounts, int queued, int wouldGoNow, int heldBackNow,
			List<Skipped> skipped) {
	}

	/** An account the message could not be made for, and why. */
	public record Skipped(UUID accountId, String reason) {
	}

}
