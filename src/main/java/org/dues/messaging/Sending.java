package org.dues.messaging;

import org.dues.portfolio.AccountId;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * A message sent now, from the desk or the API: queued, then let go at once if the gate
 * allows it (else it waits in the queue with its reasons, or is blocked).
 */
@Service
public class Sending {

	private final Messages messages;

	private final Dispatcher dispatcher;

	private final java.time.Clock clock;

	private final Replies replies;

	Sending(Messages messages, Replies replies, Dispatcher dispatcher, java.time.Clock clock) {
		this.messages = messages;
		this.replies = replies;
		this.dispatcher = dispatcher;
		this.clock = clock;
	}

	/**
	 * Queues the message and dispatches it at once; not within a caller's transaction.
	 */
	public MessageView send(NewMessage message, String actor) {
		return dispatchNow(this.messages.queue(message, actor));
	}

	/**
	 * Queues an agent's free-text WhatsApp answer, within the customer's 24-hour window
	 * ({@link Replies#queue}), and dispatches it at once through the gate; not within a
	 * caller's transaction.
	 */
	public MessageView reply(AccountId account, String text, @Nullable String to, String actor) {
		return dispatchNow(this.replies.queue(account, text, to, actor));
	}

	private MessageView dispatchNow(MessageView queued) {
		if (queued.status() == MessageStatus.QUEUED && !queued.nextAttemptAt().isAfter(this.clock.instant())) {
			this.dispatcher.dispatch(queued.id());
		}
		return this.messages.get(queued.id());
	}

}
