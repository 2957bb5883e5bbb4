package org.dues.telephony;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.dues.compliance.ContactResult;
import org.dues.contact.ContactLog;
import org.dues.shared.ConflictException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one intake of every provider's call events, real or simulated, after the webhook
 * verified its caller: each event is recorded in {@code telephony_call_events} and taken
 * once per (provider, event key); an event for no call of ours is recorded and ignored; a
 * refused webhook (a bad signature or token) is recorded. When a call ends, the attempt
 * the gate logged when it was placed gets its result on the account's timeline.
 */
@Service
public class CallEvents {

	private static final Logger log = LoggerFactory.getLogger(CallEvents.class);

	private final Calls calls;

	private final ContactLog contacts;

	private final Recordings recordings;

	private final ObjectProvider<CallEnds> ends;

	private final Clock clock;

	private final ObjectProvider<CallReactions> reactions;

	CallEvents(Calls calls, ContactLog contacts, Recordings recordings, ObjectProvider<CallEnds> ends, Clock clock,
			ObjectProvider<CallReactions> reactions) {
		this.calls = calls;
		this.contacts = contacts;
		this.recordings = recordings;
		// taken when a call ends: those who react (inbound calls) themselves use the
		// intake
		this.ends = ends;
		this.clock = clock;
		this.reactions = reactions;
	}

	/**
	 * Takes an event a provider reported.
	 * @param provider the provider's name
	 * @param callId Dues's id of the call when the callback URL carried it, else null
	 * @param providerCallId the provider's id of the call (Twilio's CallSid…), when given
	 * @param eventKey what makes this event unique at the provider
	 * ({@code CallSid:status} or a sequence number): a second event with the key changes
	 * nothing
	 * @return what became of it
	 */
	@Transactional
	public Intake take(String provider, @Nullable UUID callId, @Nullable String providerCallId, String eventKey,
			CallEvent event) {
		Instant now = this.clock.instant();
		CallView call = this.calls.lock(provider, callId, providerCallId);
		if (call == null) {
			log.warn("{} reported {} for call {} / {}, which is none of ours", provider, event.kind(), callId,
					providerCallId);
			this.calls.record(provider, eventKey, providerCallId, null, event.kind().name(), "UNKNOWN_CALL",
					callId == null ? null : "call " + callId, now);
			return Intake.UNKNOWN_CALL;
		}
		if (providerCallId != null && call.providerCallId() == null) {
			this.calls.providerCallId(call.id(), providerCallId);
		}
		if (!this.calls.takeOnce(provider, eventKey, providerCallId, call.id(), event, now)) {
			this.calls.record(provider, eventKey, providerCallId, call.id(), event.kind().name(), "REPEAT", null, now);
			return Intake.REPEAT;
		}
		this.calls.apply(call.id(), event, now);
		String direction = this.calls.direction(call.id());
		if (event.kind() == CallEvent.Kind.RECORDING && event.recordingUrl() != null) {
			this.recordings.store(call, direction, event.recordingUrl(), event.recordingSeconds(), now);
		}
		if (event.kind() == CallEvent.Kind.ENDED && call.endedAt() == null) {
			if ("OUTBOUND".equals(direction)) {
				complete(call, event);
			}
			this.ends.orderedStream().forEach((end) -> end.ended(call, direction, now));
		}
		react(call.id(), event.kind());
		return Intake.TAKEN;
	}

	/**
	 * A callback that names no call of ours (or none at all): recorded, ignored.
	 */
	@Transactional
	public void unknown(String provider, @Nullable String providerCallId, String detail) {
		this.calls.record(provider, null, providerCallId, null, null, "UNKNOWN_CALL", detail, this.clock.instant());
	}

	/**
	 * A webhook refused for a missing or bad signature or token: recorded, nothing else.
	 */
	@Transactional
	public void refused(String provider, String path, String why) {
		this.calls.record(provider, null, null, null, null, "REFUSED", path + ": " + why, this.clock.instant());
	}

	/**
	 * @return the call, or null
	 */
	@Transactional(readOnly = true)
	public @Nullable CallView find(UUID callId) {
		return this.calls.find(callId);
	}

	/**
	 * @return the call the provider knows by that id, or null
	 */
	@Transactional(readOnly = true)
	public @Nullable CallView find(String provider, String providerCallId) {
		return this.calls.find(provider, providerCallId);
	}

	/**
	 * The provider's calls placed before the moment that have not ended: those a provider
	 * that keeps its calls in memory (the simulated carrier) lost when its process
	 * stopped.
	 */
	@Transactional(readOnly = true)
	public java.util.List<CallView> unfinished(String provider, Instant placedBefore) {
		return this.calls.unfinished(provider, placedBefore);
	}

	/** The dialer reacts to an answer or an end once the event is committed. */
	private void react(UUID callId, CallEvent.Kind kind) {
		if (kind != CallEvent.Kind.ANSWERED_HUMAN && kind != CallEvent.Kind.ENDED) {
			return;
		}
		CallReactions reaction = this.reactions.getIfAvailable();
		if (reaction == null) {
			return;
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					reaction.react(callId, kind);
				}
			});
		}
		else {
			reaction.react(callId, kind);
		}
	}

	private void complete(CallView call, CallEvent ended) {
		if (call.interactionId() == null) {
			return;
		}
		ContactResult result = result(ended.cause(), this.calls.bridgedAt(call.id()) != null, call.amdResult());
		try {
			this.contacts.complete(call.interactionId(), result, null);
		}
		catch (ConflictException ex) {
			// the agent recorded the outcome first: theirs stands
			log.debug("Call {} ended after its outcome was recorded", call.id());
		}
	}

	/**
	 * The attempt's result for a call that ended: a bridged call that completed is a
	 * conversation; a machine answer a voicemail; a person who answered and was not
	 * bridged an answered-and-dropped call (an abandon); a call cancelled before it was
	 * answered no answer.
	 */
	static ContactResult result(CallEvent.@Nullable EndCause cause, boolean bridged, @Nullable String amd) {
		if (cause == null) {
			return ContactResult.FAILED;
		}
		return switch (cause) {
			case COMPLETED -> bridged ? ContactResult.CONVERSATION
					: "MACHINE".equals(amd) ? ContactResult.VOICEMAIL : ContactResult.ANSWERED_DROPPED;
			case BUSY -> ContactResult.BUSY;
			case NO_ANSWER, CANCELED -> ContactResult.NO_ANSWER;
			case FAILED -> ContactResult.FAILED;
		};
	}

	/**
	 * What else happens when a call ends (an inbound call leaves its queue, its agent
	 * wraps up), in the transaction that takes the event.
	 */
	public interface CallEnds {

		void ended(CallView call, String direction, Instant at);

	}

	/** What became of a reported event. */
	public enum Intake {

		/** Taken: the call changed. */
		TAKEN,
		/** Taken before: nothing changed. */
		REPEAT,
		/** For no call of ours: recorded, ignored. */
		UNKNOWN_CALL

	}

}
