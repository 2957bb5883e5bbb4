package org.dues.messaging.chat;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.dues.system.NotificationListener;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * How this node learns that a chat changed on any node: each {@code NOTIFY dues_chat}
 * heard (through the node's one listening connection) names a chat, handed to
 * {@link ChatStreams} on a few delivery threads, a chat's deliveries coalesced while one
 * is pending. After a lost connection every watched chat is delivered once, so nothing
 * committed meanwhile is missed.
 */
@Component
class ChatNotifications implements NotificationListener {

	private static final Logger log = LoggerFactory.getLogger(ChatNotifications.class);

	private final ChatStreams streams;

	private final Set<UUID> pending = ConcurrentHashMap.newKeySet();

	private volatile @Nullable ExecutorService delivery;

	ChatNotifications(ChatStreams streams) {
		this.streams = streams;
	}

	@Override
	public String channel() {
		return Chats.CHANNEL;
	}

	@Override
	public void heard(String payload) {
		UUID chat;
		try {
			chat = UUID.fromString(payload);
		}
		catch (IllegalArgumentException ex) {
			log.warn("A chat notification that names no chat: {}", payload);
			return;
		}
		ExecutorService executor = this.delivery;
		if (executor == null || !this.pending.add(chat)) {
			return;
		}
		executor.execute(() -> {
			this.pending.remove(chat);
			try {
				this.streams.changed(chat);
			}
			catch (RuntimeException ex) {
				log.warn("Delivering chat {} failed: {}", chat, ex.getMessage());
			}
		});
	}

	@Override
	public void started() {
		this.pending.clear();
		this.delivery = Executors.newFixedThreadPool(4, (task) -> {
			Thread t = new Thread(task, "dues-chat-delivery");
			t.setDaemon(true);
			return t;
		});
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
		ExecutorService executor = this.delivery;
		this.delivery = null;
		if (executor != null) {
			executor.shutdownNow();
		}
	}

}
