package org.dues.telephony.pacing;

/**
 * How a dialled call ended its ringing: a person answered, a machine answered (detected),
 * the network failed it at once (busy, unreachable, invalid), or nobody answered before
 * the ring timeout.
 */
public enum CallOutcome {

	LIVE, MACHINE, FAILED, NO_ANSWER

}
