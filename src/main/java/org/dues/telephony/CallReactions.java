package org.dues.telephony;

import java.util.UUID;

/**
 * What reacts to a call's events once they are committed (the dialer: a person answered a
 * campaign's call, a campaign's call ended). Called on the thread that took the event, on
 * whichever node it arrived.
 */
interface CallReactions {

	void react(UUID callId, CallEvent.Kind kind);

}
