package org.dues.contact;

import java.util.UUID;

import org.dues.compliance.Channel;
import org.jspecify.annotations.Nullable;

/**
 * A contact the compliance gate allowed a moment ago: the only thing a
 * {@link ChannelAdapter} accepts. Its constructor is package-private and called only by
 * {@link OutboundContacts} after an allowed decision (an architecture test checks it).
 */
public final class ClearedContact {

	private final UUID interactionId;

	private final UUID decisionId;

	private final Channel channel;

	private final @Nullable String address;

	private final String content;

	ClearedContact(UUID interactionId, UUID decisionId, Channel channel, @Nullable String address, String content) {
		this.interactionId = interactionId;
		this.decisionId = decisionId;
		this.channel = channel;
		this.address = address;
		this.content = content;
	}

	public UUID interactionId() {
		return this.interactionId;
	}

	public UUID decisionId() {
		return this.decisionId;
	}

	public Channel channel() {
		return this.channel;
	}

	public @Nullable String address() {
		return this.address;
	}

	public String content() {
		return this.content;
	}

}
