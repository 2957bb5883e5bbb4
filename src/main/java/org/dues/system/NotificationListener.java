package org.dues.system;

/**
 * What a module does with the notifications of its channel; a bean of this type is
 * listened for on every node. Called on the listening thread: hand long work to a thread
 * of one's own.
 */
public interface NotificationListener {

	/** The channel, as the module's {@code NOTIFY} names it (lower case). */
	String channel();

	/** A notification's payload. */
	void heard(String payload);

	/** The node starts listening (again, after a stop). */
	default void started() {
	}

	/**
	 * The node is listening on its connection, which has just answered: what is announced
	 * from here on will be heard. Called once the channels are listened to, and again
	 * every couple of seconds while the connection keeps answering (after handing on what
	 * it heard before answering); a listener that relies on hearing everything trusts
	 * what it holds only while these calls keep coming.
	 */
	default void listening() {
	}

	/**
	 * The listening connection failed: what is announced until it is open again
	 * ({@link #reconnected()}) is not heard.
	 */
	default void lost() {
	}

	/** Listening again after a lost connection: catch up on what was missed. */
	default void reconnected() {
	}

	/** Every 20 seconds or so. */
	default void heartbeat() {
	}

	/** The node is stopping. */
	default void stopped() {
	}

}
