package org.dues.compliance;

import org.jspecify.annotations.Nullable;

/**
 * How an interaction ended.
 */
public enum ContactResult {

	/** A telephone conversation (or a chat) with the person. */
	CONVERSATION,
	/** The phone rang and nobody answered. */
	NO_ANSWER,
	/** A voicemail greeting was reached (whether or not a message was left). */
	VOICEMAIL,
	/** A limited-content message (Reg F 1006.2(j)) was left. */
	LIMITED_CONTENT_MESSAGE,
	/** Answered, then dropped before a conversation. */
	ANSWERED_DROPPED,
	/** Busy signal: the call never connected to the dialled number. */
	BUSY,
	/** The number is not in service: the call never connected. */
	NOT_IN_SERVICE,
	/**
	 * Someone other than the person answered (a relative, a colleague): the call was
	 * placed and counts, but it was not a conversation with the person.
	 */
	THIRD_PARTY,
	/** The number turned out to belong to someone else. */
	WRONG_NUMBER,
	/** A message (SMS, email, WhatsApp, letter) was delivered. */
	DELIVERED,
	/**
	 * A message was handed to a carrier that reports no delivery: a letter gone to the
	 * print-and-post vendor is sent, and nothing later says it arrived.
	 */
	SENT,
	/** The attempt failed for a technical reason on our side or the provider's. */
	FAILED;

	/**
	 * Whether an outbound call with this result was "placed" for Reg F 1006.14(b): calls
	 * that never connected to the dialled number (busy, not in service) do not count, nor
	 * calls to a number that was someone else's. A {@code FAILED} call is counted: we
	 * cannot show it did not ring (the conservative reading). An unknown result (an
	 * attempt still in progress) is counted too.
	 */
	public static boolean countsAsPlacedCall(@Nullable ContactResult result) {
		return result == null || switch (result) {
			case BUSY, NOT_IN_SERVICE, WRONG_NUMBER -> false;
			default -> true;
		};
	}

	/** Whether the attempt reached the person or their voicemail or inbox. */
	public static boolean reached(@Nullable ContactResult result) {
		return result == null || switch (result) {
			case CONVERSATION, VOICEMAIL, LIMITED_CONTENT_MESSAGE, ANSWERED_DROPPED, DELIVERED, SENT -> true;
			default -> false;
		};
	}

}
