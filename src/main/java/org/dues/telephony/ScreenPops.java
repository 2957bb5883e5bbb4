package org.dues.telephony;

import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens an account on an agent's desk as a call connects (a screen pop): the call is
 * noted on the agent's state and announced on {@code dues_phone} with PostgreSQL
 * {@code NOTIFY}, which every node hears; the node that holds the agent's desk stream
 * ({@code GET /desk/phone/stream}) sends it a {@code pop} event and the desk opens the
 * account. The notification is sent when the transaction commits, so a pop is never seen
 * for a call that was rolled back.
 */
@Service
public class ScreenPops {

	private static final Set<String> DIRECTIONS = Set.of("OUTBOUND", "INBOUND");

	private final AgentStates states;

	ScreenPops(AgentStates states) {
		this.states = states;
	}

	/**
	 * Pops the account on the agent's desk.
	 * @param username the agent the call is connected to
	 * @param accountId the account the call is about
	 * @param callId the call
	 * @param direction {@code OUTBOUND} or {@code INBOUND}
	 */
	@Transactional
	public void pop(String username, UUID accountId, UUID callId, String direction) {
		if (!DIRECTIONS.contains(direction)) {
			throw new IllegalArgumentException("a call is OUTBOUND or INBOUND, not " + direction);
		}
		this.states.attach(username, callId, accountId, direction);
		this.states.notify("pop", username, accountId.toString(), callId.toString(), direction);
	}

}
