package org.dues.telephony;

/**
 * What an agent is doing, as the dialer and the inbound router see it: ready for a call,
 * on a call, on a chat, wrapping up after a call (which ends by itself after the
 * campaign's wrap timer), on a break, or offline.
 */
public enum AgentState {

	READY, ON_CALL, ON_CHAT, WRAP_UP, BREAK, OFFLINE

}
