package org.dues.messaging.provider;

import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An email that came back: one delivery status notification (RFC 3464) read from the
 * bounce mailbox, for the recipient it reports on.
 *
 * @param id the notification's own Message-ID, by which it is taken once
 * @param messageId our message it names (from the VERP envelope sender it came back to,
 * or the returned headers' {@code X-Dues-Message} or {@code Message-ID}); null when it
 * names none of ours
 * @param recipient the {@code Final-Recipient} (or {@code Original-Recipient}) address
 * @param action the {@code Action} field: {@code failed}, {@code delayed},
 * {@code delivered}, {@code relayed}, {@code expanded}
 * @param status the {@code Status} field, an enhanced status code ({@code 5.1.1})
 * @param diagnostic the remote server's {@code Diagnostic-Code}, if any
 */
public record Bounce(String id, @Nullable UUID messageId, @Nullable String recipient, String action, String status,
		@Nullable String diagnostic) {

	/** What became of a bounce when it was taken. */
	public enum Taken {

		/** It named one of our messages and was applied. */
		APPLIED,
		/** It was taken before: nothing more happened. */
		REPEAT,
		/** It named no message of ours: recorded, nothing else. */
		UNMATCHED

	}

	/** What a bounce means for the message and its address. */
	public enum Kind {

		/** Failed with a permanent status (5.x.x): the address is invalid. */
		HARD,
		/**
		 * Failed with a transient status (4.x.x), given up on: the message failed, the
		 * address stands.
		 */
		GIVEN_UP,
		/** Not delivered yet (Action: delayed, or a 4.x.x): noted only. */
		DELAYED,
		/** Anything else (delivered, relayed, expanded): noted only. */
		OTHER

	}

	/** The kind, by RFC 3464's {@code Action} and RFC 3463's status class. */
	public Kind kind() {
		String act = this.action.strip().toLowerCase(Locale.ROOT);
		String cls = this.status.strip();
		if (act.equals("failed") && cls.startsWith("5.")) {
			return Kind.HARD;
		}
		if (act.equals("failed")) {
			return Kind.GIVEN_UP;
		}
		if (act.equals("delayed") || cls.startsWith("4.")) {
			return Kind.DELAYED;
		}
		return Kind.OTHER;
	}

	/** A line for the message's history: the status, the action, the server's words. */
	public String detail() {
		String text = "%s %s".formatted(this.status.strip(), this.action.strip().toLowerCase(Locale.ROOT));
		if (this.diagnostic != null && !this.diagnostic.isBlank()) {
			text = text + ": " + this.diagnostic.strip();
		}
		return (text.length() > 500) ? text.substring(0, 500) + "…" : text;
	}

}
