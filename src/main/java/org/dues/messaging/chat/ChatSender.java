package org.dues.messaging.chat;

/** Who wrote a line of a chat: the customer, the agent, or Dues itself. */
public enum ChatSender {

	CUSTOMER, AGENT, SYSTEM

}
