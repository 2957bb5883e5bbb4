package org.dues.work;

import org.dues.messaging.events.ReplyReceived;
import org.dues.messaging.events.ReplySent;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A customer's SMS or WhatsApp reply puts a "reply waiting" item on the worklist of
 * whoever works the account, once per reply and account however often the event is
 * delivered; an agent's answer in their own words takes the account's replies off it.
 */
@Component
class MessagingReactions {

	private final FollowUps followUps;

	MessagingReactions(FollowUps followUps) {
		this.followUps = followUps;
	}

	@ApplicationModuleListener
	void on(ReplyReceived reply) {
		this.followUps.raiseReply(reply.account(), reply.inboundId(), reply.channel(), reply.from(), reply.text(),
				reply.receivedAt());
	}

	@ApplicationModuleListener
	void on(ReplySent sent) {
		this.followUps.answered(sent.account(), sent.agent(), sent.at());
	}

}
