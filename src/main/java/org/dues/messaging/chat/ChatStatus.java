package org.dues.messaging.chat;

/**
 * A chat waits in the queue until an agent takes it, is active while they talk, and is
 * closed once, by the agent.
 */
public enum ChatStatus {

	WAITING, ACTIVE, CLOSED

}
