package org.dues.telephony;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A call as Dues keeps it.
 *
 * @param status PLACED, RINGING, ANSWERED, BRIDGED or ENDED
 * @param amdResult HUMAN or MACHINE once answered
 * @param endCause why it ended
 */
public record CallView(UUID id, String provider, @Nullable String providerCallId, UUID accountId, UUID interactionId,
		String customerNumber, String agent, String agentNumber, String callerId, String status,
		@Nullable String disclosure, String callbackToken, Instant createdAt, @Nullable Instant endedAt,
		@Nullable String amdResult, CallEvent.@Nullable EndCause endCause, @Nullable String recordingUrl,
		@Nullable Integer recordingSeconds) {

	/**
	 * @return whether the call is recorded
	 */
	public boolean recorded() {
		return this.disclosure != null;
	}

}
