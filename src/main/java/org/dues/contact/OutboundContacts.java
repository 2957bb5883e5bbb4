package org.dues.contact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.dues.compliance.Channel;
import org.dues.compliance.ContactGate;
import org.dues.compliance.ContactResult;
import org.dues.shared.ConflictException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * The one path from Dues to a channel adapter: ask the gate (which records the decision),
 * log the attempt, and only when it is allowed hand a {@link ClearedContact} to the
 * adapter and record its result.
 */
@Service
public class OutboundContacts {

	private final ContactLog log;

	private final Map<Channel, ChannelAdapter> adapters = new EnumMap<>(Channel.class);

	OutboundContacts(ContactLog log, List<ChannelAdapter> adapters) {
		this.log = log;
		adapters.forEach((adapter) -> this.adapters.put(adapter.channel(), adapter));
	}

	/**
	 * Sends a contact through its channel's adapter if the gate allows it now.
	 * @return the logged attempt: blocked (nothing sent) or made, with the adapter's
	 * result
	 */
	public ContactLog.Attempt send(ContactGate.Request request, String content, String actor) {
		ChannelAdapter adapter = this.adapters.get(request.channel());
		if (adapter == null) {
			throw new ConflictException("No adapter is configured for " + request.channel());
		}
		ContactLog.Attempt attempt = this.log.attempt(request, null, null, actor);
		if (!attempt.allowed()) {
			return attempt;
		}
		InteractionView made = attempt.interaction();
		ContactResult result = adapter.deliver(
				new ClearedContact(made.id(), attempt.decision().id(), request.channel(), made.address(), content));
		return new ContactLog.Attempt(this.log.complete(made.id(), result, null), attempt.decision());
	}

	/**
	 * Asks the gate about a message leaving now and logs the attempt (in progress, its
	 * result to come from the provider's delivery report). Only when the gate allows it
	 * does the answer carry the {@link ClearedContact} a message provider takes; the
	 * caller hands it over after its own transaction commits and completes the
	 * interaction through {@link ContactLog#complete} when the provider reports.
	 */
	public Clearance clear(ContactGate.Request request, String content, String actor) {
		ContactLog.Attempt attempt = this.log.attempt(request, null, null, actor);
		if (!attempt.allowed()) {
			return new Clearance(attempt, null);
		}
		InteractionView made = attempt.interaction();
		return new Clearance(attempt,
				new ClearedContact(made.id(), attempt.decision().id(), request.channel(), made.address(), content));
	}

	/**
	 * {@link #clear} for many messages at once, each decided as it would be alone after
	 * those before it ({@link ContactLog#attemptAll}).
	 * @param contents the text of each message, in the order of the attempts
	 * @return for each, its answer: the clearance (allowed or blocked), else why it was
	 * not asked (the sender's refusal, an error)
	 */
	public List<Cleared> clearAll(List<ContactLog.Asked> asked, List<String> contents, boolean nextOpening) {
		List<ContactLog.Batched> attempts = this.log.attemptAll(asked, nextOpening);
		List<Cleared> cleared = new ArrayList<>(attempts.size());
		for (int i = 0; i < attempts.size(); i++) {
			ContactLog.Batched batched = attempts.get(i);
			ContactLog.Attempt attempt = batched.attempt();
			Clearance clearance = null;
			if (attempt != null) {
				InteractionView made = attempt.interaction();
				clearance = new Clearance(attempt, attempt.allowed() ? new ClearedContact(made.id(),
						attempt.decision().id(), made.channel(), made.address(), contents.get(i)) : null);
			}
			cleared.add(new Cleared(clearance, batched.nextOpening(), batched.refused(), batched.error()));
		}
		return cleared;
	}

	/**
	 * The answer on one message of {@link #clearAll}: its clearance, or the sender's
	 * refusal, or the error that stopped it being asked.
	 */
	public record Cleared(@Nullable Clearance clearance, @Nullable Instant nextOpening,
			CallerCheck.@Nullable Refusal refused, @Nullable RuntimeException error) {
	}

	/**
	 * The gate's answer on a message: the logged attempt, and the cleared contact when it
	 * was allowed.
	 */
	public record Clearance(ContactLog.Attempt attempt, @Nullable ClearedContact contact) {

		public boolean allowed() {
			return this.contact != null;
		}

	}

}
