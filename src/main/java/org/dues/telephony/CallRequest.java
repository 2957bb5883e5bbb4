package org.dues.telephony;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A call to originate: the customer's leg and the agent's leg, bridged.
 *
 * @param callId Dues's id of the call, carried in every callback URL
 * @param callbackToken the unguessable secret of this call's callback URLs (for providers
 * that sign nothing)
 * @param customerNumber the customer's number in E.164
 * @param agentNumber the agent's phone in E.164, or a SIP URI ({@code sip:…})
 * @param callerId the number the customer sees (an ExoPhone, a Twilio number)
 * @param machineDetection whether to detect answering machines (the agent is not
 * connected to one)
 * @param disclosure the recording disclosure to play to the customer before anything
 * else; null when the call is not recorded
 * @param ringTimeoutSeconds how long a leg rings before it counts as not answered
 * @param timeLimitSeconds the longest the call may last
 */
public record CallRequest(UUID callId, String callbackToken, String customerNumber, String agentNumber, String callerId,
		boolean machineDetection, @Nullable String disclosure, int ringTimeoutSeconds, int timeLimitSeconds) {

	/** The agent number of a dialer's call, followed by its campaign. */
	public static final String DIALER = "dialer:";

	public CallRequest {
		if (!customerNumber.matches("\\+[1-9][0-9]{6,14}")) {
			throw new IllegalArgumentException("the customer's number must be E.164: " + customerNumber);
		}
		if (agentNumber.isBlank() || callerId.isBlank()) {
			throw new IllegalArgumentException("a call needs the agent's number and a caller id");
		}
		if (ringTimeoutSeconds < 5 || timeLimitSeconds < 60 || timeLimitSeconds > 14400) {
			throw new IllegalArgumentException("ring timeout at least 5 s, time limit 60 s to 4 h");
		}
	}

	/**
	 * @return whether a dialer places the call with no agent yet: the customer who
	 * answers waits (two seconds at most) for the dialer to bridge an agent
	 */
	public boolean awaitsAgent() {
		return this.agentNumber.startsWith(DIALER);
	}

	/**
	 * @return whether the call is recorded (it is when a disclosure is to be played)
	 */
	public boolean recorded() {
		return this.disclosure != null;
	}

}
