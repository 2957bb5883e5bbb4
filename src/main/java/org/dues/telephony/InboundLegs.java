package org.dues.telephony;

/**
 * A provider that must be told when a waiting inbound call of its own was given to an
 * agent (the simulated carrier connects the agent's leg; Twilio and Exotel ask Dues again
 * and hear it then).
 */
public interface InboundLegs {

	/** The provider's name, as its calls are kept. */
	String name();

	/** The call, now with its agent, is to be connected; called after the commit. */
	void connect(CallView call);

}
