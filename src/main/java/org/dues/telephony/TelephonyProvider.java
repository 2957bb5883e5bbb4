package org.dues.telephony;

import org.dues.contact.ClearedContact;

/**
 * A telephony provider speaking its own documented protocol (Twilio Voice, Exotel, the
 * simulated carrier): it originates a call that connects an agent leg and a customer leg,
 * and reports what happens to it through {@link CallEvents#take}, normalised to
 * {@link CallEvent}s. It takes only a {@link ClearedContact}, which the compliance gate
 * makes when it allows the call at that moment.
 */
public interface TelephonyProvider {

	/**
	 * @return the provider's name as stored with its calls ({@code twilio},
	 * {@code exotel})
	 */
	String name();

	/**
	 * @return the caller id the customer sees when the campaign names none
	 */
	String callerId();

	/**
	 * @return whether this provider places calls to the number (E.164)
	 */
	boolean serves(String customerNumber);

	/**
	 * Asks the provider to place the call; what follows arrives as events.
	 * @param cleared the gate's clearance of this call
	 * @return the provider's id of the call
	 * @throws TelephonyException when the provider refused or could not be reached
	 */
	String originate(ClearedContact cleared, CallRequest call);

	/**
	 * @return whether a dialer's call can go through this provider: the customer's leg
	 * placed with no agent yet ({@link CallRequest#awaitsAgent()}), and the agent the
	 * dialer finds once a person answers bridged to it (or the abandon message played). A
	 * provider that connects the agent first cannot (Exotel without its campaign flow),
	 * and a campaign leaves its numbers to preview.
	 */
	default boolean bridgesAtAnswer() {
		return false;
	}

	/**
	 * Connects a customer who answered a dialer's call
	 * ({@link CallRequest#awaitsAgent()}) to the agent the dialer found for them. The
	 * bridge arrives as a {@code BRIDGED} event.
	 * @param call the call
	 * @param agent the agent's name
	 */
	default void bridge(CallView call, String agent) {
		throw new TelephonyException(name() + " does not bridge dialer calls", false);
	}

	/**
	 * Plays the recorded message identifying the caller to a customer no agent was free
	 * for within two seconds, then hangs up (an abandoned call).
	 * @param call the call
	 */
	default void abandon(CallView call) {
		throw new TelephonyException(name() + " does not play the abandon message", false);
	}

}
