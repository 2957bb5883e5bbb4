package org.dues.messaging;

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

	Sending(Messages messages, Dispatcher dispatcher, java.time.Clock clock) {
		this.messages = messages;
		this.dispatcher = dispatcher;
		this.clock = clock;
	}

	/**
	 * Queues the message and dispatches it at once; not within a caller's transaction.
	 */
	public MessageView send(NewMessage message, String actor) {
		MessageView queued = this.messages.queue(message, actor);
		if (queued.status() == MessageStatus.QUEUED && !queued.nextAttemptAt().isAfter(this.clock.instant())) {
			this.dispatcher.dispatch(queued.id());
		}
		return this.messages.get(queued.id());
	}

}
