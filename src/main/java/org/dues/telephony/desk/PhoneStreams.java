package org.dues.telephony.desk;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The desk streams this node holds open, one or more per agent. What
 * {@link PhoneNotifications} hears (on any node) is sent to the agent's streams here:
 * {@code state} when their state changed ({@code {}}: the desk reloads its phone panel)
 * and {@code pop} when a call connected to them ({@code account}, {@code call},
 * {@code direction}, {@code url}: the desk opens the account), {@code inbound} when an
 * inbound call whose caller is to be chosen or found connected ({@code call},
 * {@code url}). Nothing is delivered from this node's memory alone.
 */
@Component
class PhoneStreams {

	static final long TIMEOUT_MS = 30 * 60 * 1000L;

	private static final Logger log = LoggerFactory.getLogger(PhoneStreams.class);

	private final Map<String, Set<SseEmitter>> byAgent = new ConcurrentHashMap<>();

	/** A stream of the agent's phone events. */
	SseEmitter agent(String agent) {
		SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
		this.byAgent.computeIfAbsent(agent, (a) -> ConcurrentHashMap.newKeySet()).add(emitter);
		Runnable remove = () -> gone(agent, emitter);
		emitter.onCompletion(remove);
		emitter.onTimeout(remove);
		emitter.onError((ex) -> remove.run());
		send(agent, emitter, "state", Map.of());
		return emitter;
	}

	/** A notification: {@code kind \t agent [\t account \t call \t direction]}. */
	void heard(String payload) {
		String[] parts = payload.split("\t");
		if (parts.length < 2 || !this.byAgent.containsKey(parts[1])) {
			return;
		}
		String agent = parts[1];
		if ("pop".equals(parts[0]) && parts.length == 5) {
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("account", parts[2]);
			data.put("call", parts[3]);
			data.put("direction", parts[4]);
			data.put("url", "/accounts/" + parts[2]);
			sendAll(agent, "pop", data);
		}
		else if ("inbound".equals(parts[0]) && parts.length == 3) {
			// an inbound call whose caller the agent is to choose or find
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("call", parts[2]);
			data.put("url", "/desk/inbound/" + parts[2]);
			sendAll(agent, "inbound", data);
		}
		else if ("state".equals(parts[0])) {
			sendAll(agent, "state", Map.of());
		}
	}

	/** Every desk reloads its state (after the listening connection was lost). */
	void resync() {
		new ArrayList<>(this.byAgent.keySet()).forEach((agent) -> sendAll(agent, "state", Map.of()));
	}

	void heartbeat() {
		for (Map.Entry<String, Set<SseEmitter>> entry : this.byAgent.entrySet()) {
			for (SseEmitter emitter : new ArrayList<>(entry.getValue())) {
				synchronized (emitter) {
					try {
						emitter.send(SseEmitter.event().comment("ping"));
					}
					catch (IOException | IllegalStateException ex) {
						gone(entry.getKey(), emitter);
					}
				}
			}
		}
	}

	void closeAll() {
		for (Map.Entry<String, Set<SseEmitter>> entry : this.byAgent.entrySet()) {
			new ArrayList<>(entry.getValue()).forEach((e) -> gone(entry.getKey(), e));
		}
	}

	private void sendAll(String agent, String name, Map<String, Object> data) {
		List<SseEmitter> emitters = new ArrayList<>(this.byAgent.getOrDefault(agent, Set.of()));
		emitters.forEach((e) -> send(agent, e, name, data));
	}

	private void send(String agent, SseEmitter emitter, String name, Map<String, Object> data) {
		synchronized (emitter) {
			try {
				emitter.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
			}
			catch (IOException | IllegalStateException ex) {
				gone(agent, emitter);
			}
		}
	}

	private void gone(String agent, SseEmitter emitter) {
		this.byAgent.computeIfPresent(agent, (a, set) -> {
			set.remove(emitter);
			return set.isEmpty() ? null : set;
		});
		try {
			emitter.complete();
		}
		catch (IllegalStateException ex) {
			log.trace("stream already complete", ex);
		}
	}

}
