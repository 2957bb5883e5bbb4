package org.dues.telephony.desk;

import org.dues.system.NotificationListener;

import org.springframework.stereotype.Component;

/**
 * How this node learns that an agent's phone state changed or a call popped on any node:
 * each {@code NOTIFY dues_phone} heard (through the node's one listening connection) goes
 * to {@link PhoneStreams}; after a lost connection every watched desk is told to reload
 * its state.
 */
@Component
class PhoneNotifications implements NotificationListener {

	static final String CHANNEL = "dues_phone";

	private final PhoneStreams streams;

	PhoneNotifications(PhoneStreams streams) {
		this.streams = streams;
	}

	@Override
	public String channel() {
		return CHANNEL;
	}

	@Override
	public void heard(String payload) {
		this.streams.heard(payload);
	}

	@Override
	public void reconnected() {
		this.streams.resync();
	}

	@Override
	public void heartbeat() {
		this.streams.heartbeat();
	}

	@Override
	public void stopped() {
		this.streams.closeAll();
	}

}
