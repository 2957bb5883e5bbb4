package org.dues.telephony;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A call as Dues keeps it.
 *
 * @param accountId the account; null for an inbound call whose caller is not known yet
 * @param interactionId the attempt (or the inbound call) on the account's timeline
 * @param agent the agent; null for an inbound call no agent has taken yet
 * @param status QUEUED (an inbound call waiting), PLACED, RINGING, ANSWERED, BRIDGED or
 * ENDED
 * @param amdResult HUMAN or MACHINE once answered
 * @param endCause why it ended
 */
public record CallView(UUID id, String provider, @Nullable String providerCallId, @Nullable UUID accountId,
		@Nullable UUID interactionId, String customerNumber, @Nullable String agent, @Nullable String agentNumber,
		String callerId, String status, @Nullable String disclosure, String callbackToken, Instant createdAt,
		@Nullable Instant endedAt, @Nullable String amdResult, CallEvent.@Nullable EndCause endCause,
		@Nullable String recordingUrl, @Nullable Integer recordingSeconds) {

	/**
	 * @return whether the call is recorded
	 */
	public boolean recorded() {
		return this.disclosure != null;
	}

}
