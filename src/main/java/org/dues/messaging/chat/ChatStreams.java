package org.dues.messaging.chat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The server-sent event streams this node holds open: a customer's widget watches their
 * chat, an agent's panel every chat given to them. When {@link ChatNotifications} hears
 * that a chat changed (on any node), each watcher of it here is sent the lines it has not
 * seen, read from PostgreSQL, and the chat's state: nothing is delivered from this node's
 * memory alone, so a line written on one node reaches watchers on every node.
 * <p>
 * Events: {@code line} ({@code id}, {@code chat}, {@code sender}, {@code text},
 * {@code at}; an agent's name only to agents) and {@code chat} ({@code chat},
 * {@code status}, {@code verified}).
 */
@Component
class ChatStreams {

	/** How long a stream stays open before the browser opens it again. */
	static final long TIMEOUT_MS = 30 * 60 * 1000L;

	private static final Logger log = LoggerFactory.getLogger(ChatStreams.class);

	private final Chats chats;

	private final Map<UUID, Set<Watcher>> byChat = new ConcurrentHashMap<>();

	private final Map<String, Set<Watcher>> byAgent = new ConcurrentHashMap<>();

	ChatStreams(Chats chats) {
		this.chats = chats;
	}

	/** A stream of the customer's chat, from its first line. */
	SseEmitter customer(ChatView chat) {
		Watcher watcher = new Watcher(new SseEmitter(TIMEOUT_MS), null, chat.id());
		register(this.byChat.computeIfAbsent(chat.id(), (id) -> ConcurrentHashMap.newKeySet()), watcher);
		deliver(chat, List.of(watcher));
		return watcher.emitter;
	}

	/** A stream of every chat given to the agent, now and later. */
	SseEmitter agent(String agent) {
		Watcher watcher = new Watcher(new SseEmitter(TIMEOUT_MS), agent, null);
		register(this.byAgent.computeIfAbsent(agent, (a) -> ConcurrentHashMap.newKeySet()), watcher);
		for (ChatView chat : this.chats.of(agent)) {
			deliver(chat, List.of(watcher));
		}
		return watcher.emitter;
	}

	/** Whether anybody on this node watches anything. */
	boolean watched() {
		return !this.byChat.isEmpty() || !this.byAgent.isEmpty();
	}

	/** The chat changed: its watchers here are sent what they have not seen. */
	void changed(UUID chat) {
		if (!watched()) {
			return;
		}
		Optional<ChatView> found = this.chats.find(chat);
		if (found.isEmpty()) {
			return;
		}
		ChatView view = found.get();
		List<Watcher> watchers = new ArrayList<>(this.byChat.getOrDefault(chat, Set.of()));
		if (view.agent() != null) {
			watchers.addAll(this.byAgent.getOrDefault(view.agent(), Set.of()));
		}
		if (!watchers.isEmpty()) {
			deliver(view, watchers);
		}
	}

	/** Every chat watched here, once (after the listening connection was lost). */
	void resync() {
		Set<UUID> watched = ConcurrentHashMap.newKeySet();
		watched.addAll(this.byChat.keySet());
		this.byAgent.keySet().forEach((agent) -> this.chats.of(agent).forEach((c) -> watched.add(c.id())));
		watched.forEach(this::changed);
	}

	/**
	 * A comment on every stream, so that idle proxies keep them and dead ones are found.
	 */
	void heartbeat() {
		List<Watcher> all = new ArrayList<>();
		this.byChat.values().forEach(all::addAll);
		this.byAgent.values().forEach(all::addAll);
		for (Watcher watcher : all) {
			synchronized (watcher) {
				try {
					watcher.emitter.send(SseEmitter.event().comment("ping"));
				}
				catch (IOException | IllegalStateException ex) {
					gone(watcher);
				}
			}
		}
	}

	/**
	 * Ends every stream (the node stops): browsers open them again, on another node if
	 * need be, and the server's graceful shutdown does not wait on them.
	 */
	void closeAll() {
		List<Watcher> all = new ArrayList<>();
		this.byChat.values().forEach(all::addAll);
		this.byAgent.values().forEach(all::addAll);
		all.forEach(this::gone);
	}

	private void deliver(ChatView chat, List<Watcher> watchers) {
		long from = Long.MAX_VALUE;
		for (Watcher watcher : watchers) {
			from = Math.min(from, watcher.seen.getOrDefault(chat.id(), 0L));
		}
		List<ChatLine> lines = this.chats.lines(chat.id(), from);
		for (Watcher watcher : watchers) {
			synchronized (watcher) {
				try {
					long seen = watcher.seen.getOrDefault(chat.id(), 0L);
					for (ChatLine line : lines) {
						if (line.id() > seen) {
							watcher.emitter.send(SseEmitter.event()
								.name("line")
								.data(line(line, watcher.agent != null), MediaType.APPLICATION_JSON));
							seen = line.id();
						}
					}
					watcher.seen.put(chat.id(), seen);
					Map<String, Object> state = new LinkedHashMap<>();
					state.put("chat", chat.id().toString());
					state.put("status", chat.status().name());
					state.put("verified", chat.verified());
					watcher.emitter.send(SseEmitter.event().name("chat").data(state, MediaType.APPLICATION_JSON));
				}
				catch (IOException | IllegalStateException ex) {
					gone(watcher);
				}
			}
		}
	}

	private static Map<String, Object> line(ChatLine line, boolean toAgent) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("id", line.id());
		data.put("chat", line.chatId().toString());
		data.put("sender", line.sender().name());
		if (toAgent && line.author() != null) {
			data.put("author", line.author());
		}
		data.put("text", line.text());
		data.put("at", line.at().toString());
		return data;
	}

	private void register(Set<Watcher> set, Watcher watcher) {
		set.add(watcher);
		Runnable remove = () -> gone(watcher);
		watcher.emitter.onCompletion(remove);
		watcher.emitter.onTimeout(remove);
		watcher.emitter.onError((ex) -> remove.run());
	}

	private void gone(Watcher watcher) {
		if (watcher.chat != null) {
			this.byChat.computeIfPresent(watcher.chat, (id, set) -> {
				set.remove(watcher);
				return set.isEmpty() ? null : set;
			});
		}
		if (watcher.agent != null) {
			this.byAgent.computeIfPresent(watcher.agent, (a, set) -> {
				set.remove(watcher);
				return set.isEmpty() ? null : set;
			});
		}
		try {
			watcher.emitter.complete();
		}
		catch (IllegalStateException ex) {
			log.trace("stream already complete", ex);
		}
	}

	/** One open stream and the last line of each chat it was sent. */
	private static final class Watcher {

		final SseEmitter emitter;

		final @Nullable String agent;

		final @Nullable UUID chat;

		final Map<UUID, Long> seen = new ConcurrentHashMap<>();

		Watcher(SseEmitter emitter, @Nullable String agent, @Nullable UUID chat) {
			this.emitter = emitter;
			this.agent = agent;
			this.chat = chat;
		}

	}

}
