package org.dues.telephony;

import org.jspecify.annotations.Nullable;

/**
 * What a provider reported about a call, normalised: ringing, answered by a human or a
 * machine, bridged to the agent, ended with a cause, or its recording ready.
 *
 * @param kind what happened
 * @param cause why it ended, for {@link Kind#ENDED} only
 * @param recordingUrl where the recording is, for {@link Kind#RECORDING} only
 * @param recordingSeconds how long it is, when the provider says
 */
public record CallEvent(Kind kind, @Nullable EndCause cause, @Nullable String recordingUrl,
		@Nullable Integer recordingSeconds) {

	public CallEvent {
		if ((kind == Kind.ENDED) != (cause != null)) {
			throw new IllegalArgumentException("an ended call and only an ended call has a cause");
		}
		if ((kind == Kind.RECORDING) != (recordingUrl != null && !recordingUrl.isBlank())) {
			throw new IllegalArgumentException("a recording and only a recording has a URL");
		}
	}

	/**
	 * @return the customer's phone rings
	 */
	public static CallEvent ringing() {
		return new CallEvent(Kind.RINGING, null, null, null);
	}

	/**
	 * @return a person answered
	 */
	public static CallEvent answeredByHuman() {
		return new CallEvent(Kind.ANSWERED_HUMAN, null, null, null);
	}

	/**
	 * @return an answering machine (or a fax) answered
	 */
	public static CallEvent answeredByMachine() {
		return new CallEvent(Kind.ANSWERED_MACHINE, null, null, null);
	}

	/**
	 * @return the customer and the agent are connected
	 */
	public static CallEvent bridged() {
		return new CallEvent(Kind.BRIDGED, null, null, null);
	}

	/**
	 * @return the call is over
	 */
	public static CallEvent ended(EndCause cause) {
		return new CallEvent(Kind.ENDED, cause, null, null);
	}

	/**
	 * @return the call's recording is ready
	 */
	public static CallEvent recording(String url, @Nullable Integer seconds) {
		return new CallEvent(Kind.RECORDING, null, url, seconds);
	}

	/** What happened to a call. */
	public enum Kind {

		RINGING, ANSWERED_HUMAN, ANSWERED_MACHINE, BRIDGED, ENDED, RECORDING

	}

	/** Why a call ended. */
	public enum EndCause {

		/** It was answered and then hung up. */
		COMPLETED,
		/** The line was busy. */
		BUSY,
		/** Nobody answered before the ring timeout. */
		NO_ANSWER,
		/** The network or the provider could not place it (an invalid number…). */
		FAILED,
		/** Dues cancelled it before it was answered. */
		CANCELED

	}

}
