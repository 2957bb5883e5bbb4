package org.dues.telephony;

import org.dues.messaging.events.ChatClosed;
import org.dues.messaging.events.ChatTaken;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Live chats move an agent's telephony state (blended work): a chat given to them puts
 * them on a chat, the last one closed takes them back, however often and in whatever
 * order messaging's events are delivered. Messaging's tables are never read.
 */
@Component
class ChatReactions {

	private final AgentStates states;

	ChatReactions(AgentStates states) {
		this.states = states;
	}

	@ApplicationModuleListener
	void on(ChatTaken taken) {
		this.states.chatTaken(taken.agent(), taken.chat());
	}

	@ApplicationModuleListener
	void on(ChatClosed closed) {
		this.states.chatClosed(closed.agent(), closed.chat());
	}

}
