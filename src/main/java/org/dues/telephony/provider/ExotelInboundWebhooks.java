package org.dues.telephony.provider;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.dues.system.WebhookSignatures;
import org.dues.telephony.CallEvent;
import org.dues.telephony.CallEvents;
import org.dues.telephony.InboundCalls;
import org.dues.telephony.TelephonyProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Exotel's incoming calls, through the call flow of Dues's ExoPhone:
 * <ul>
 * <li>the <b>Connect applet's dynamic URL</b>,
 * {@code GET /webhooks/telephony/exotel/incoming?token=…}: Exotel asks with the call's
 * {@code CallSid}, {@code CallFrom}, {@code CallTo} and {@code Direction=incoming} as
 * query parameters (header {@code Exotel-Version: 1.0}); Dues answers the JSON the applet
 * takes: {@code destination.numbers} the agent who took the call, {@code record},
 * {@code recording_channels=dual}, {@code outgoing_phone_number}, the ring and
 * conversation limits and {@code start_call_playback} the recording disclosure (text, to
 * both); while the caller waits for an agent, an empty {@code destination} (the flow's
 * "nobody dialled" branch plays its hold greeting and comes back to the Connect applet,
 * which asks again);</li>
 * <li>a <b>Passthru applet</b> after it,
 * {@code GET /webhooks/telephony/exotel/incoming/ended?token=…} with {@code CallSid},
 * {@code DialCallStatus}, {@code DialCallDuration} and {@code RecordingUrl}: the
 * conversation (bridged when it lasted), the recording and the end.</li>
 * </ul>
 * Exotel signs neither: both URLs carry the secret
 * {@code DUES_EXOTEL_VOICE_INBOUND_TOKEN} set in the flow, compared in constant time (401
 * and recorded without it). 404 while Exotel voice or the token is not configured.
 */
@RestController
class ExotelInboundWebhooks {

	static final String INCOMING = "/webhooks/telephony/exotel/incoming";

	static final String ENDED = "/webhooks/telephony/exotel/incoming/ended";

	private static final Logger log = LoggerFactory.getLogger(ExotelInboundWebhooks.class);

	private final TelephonyProperties properties;

	private final String token;

	private final CallEvents events;

	private final InboundCalls inbound;

	ExotelInboundWebhooks(TelephonyProperties properties,
			@Value("${dues.telephony.exotel.inbound-token:}") String token, CallEvents events, InboundCalls inbound) {
		this.properties = properties;
		this.token = token.strip();
		this.events = events;
		this.inbound = inbound;
	}

	@GetMapping(path = INCOMING, produces = "application/json")
	ResponseEntity<Map<String, Object>> incoming(@RequestParam(name = "token", required = false) @Nullable String token,
			@RequestParam(name = "CallSid", required = false) @Nullable String callSid,
			@RequestParam(name = "CallFrom", required = false) @Nullable String from,
			@RequestParam(name = "CallTo", required = false) @Nullable String to) {
		ResponseEntity<Map<String, Object>> refused = refusal(token, INCOMING);
		if (refused != null) {
			return refused;
		}
		if (callSid == null || callSid.isBlank()) {
			return ResponseEntity.badRequest().body(Map.of("error", "CallSid is required"));
		}
		InboundCalls.Arrival arrival = this.inbound.arrive(ExotelVoice.NAME, callSid,
				Objects.requireNonNullElse(from, "anonymous"), to);
		if (!arrival.connected()) {
			this.inbound.route(arrival.callId());
			arrival = this.inbound.arrival(arrival.callId());
		}
		return ResponseEntity.ok(connect(arrival, to, this.properties));
	}

	@GetMapping(path = ENDED)
	ResponseEntity<Map<String, Object>> ended(@RequestParam(name = "token", required = false) @Nullable String token,
			@RequestParam(name = "CallSid", required = false) @Nullable String callSid,
			@RequestParam(name = "DialCallStatus", required = false) @Nullable String status,
			@RequestParam(name = "DialCallDuration", required = false) @Nullable String duration,
			@RequestParam(name = "RecordingUrl", required = false) @Nullable String recording) {
		ResponseEntity<Map<String, Object>> refused = refusal(token, ENDED);
		if (refused != null) {
			return refused;
		}
		if (callSid == null || callSid.isBlank()) {
			return ResponseEntity.badRequest().body(Map.of("error", "CallSid is required"));
		}
		int talked = seconds(duration);
		if (talked > 0) {
			this.events.take(ExotelVoice.NAME, null, callSid, callSid + ":bridged", CallEvent.bridged());
		}
		if (recording != null && !recording.isBlank() && !"null".equals(recording)) {
			this.events.take(ExotelVoice.NAME, null, callSid, callSid + ":recording",
					CallEvent.recording(recording, talked > 0 ? talked : null));
		}
		CallEvent.EndCause cause = talked > 0 || "completed".equalsIgnoreCase(status) ? CallEvent.EndCause.COMPLETED
				: "busy".equalsIgnoreCase(status) ? CallEvent.EndCause.BUSY : CallEvent.EndCause.NO_ANSWER;
		this.events.take(ExotelVoice.NAME, null, callSid, callSid + ":ended", CallEvent.ended(cause));
		return ResponseEntity.ok(Map.of());
	}

	/** The Connect applet's answer for where the call stands. */
	static Map<String, Object> connect(InboundCalls.Arrival arrival, @Nullable String to,
			TelephonyProperties properties) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("fetch_after_attempt", false);
		List<String> numbers = arrival.connected() && arrival.agentNumber() != null ? List.of(arrival.agentNumber())
				: List.of();
		answer.put("destination", Map.of("numbers", numbers));
		String callerId = properties.exotel().callerId();
		answer.put("outgoing_phone_number", callerId != null ? callerId : Objects.requireNonNullElse(to, ""));
		answer.put("record", arrival.disclosure() != null);
		answer.put("recording_channels", "dual");
		answer.put("max_ringing_duration", properties.ringTimeoutSeconds());
		answer.put("max_conversation_duration", properties.timeLimitSeconds());
		if (arrival.disclosure() != null) {
			answer.put("start_call_playback",
					Map.of("playback_to", "both", "type", "text", "value", arrival.disclosure()));
		}
		return answer;
	}

	private @Nullable ResponseEntity<Map<String, Object>> refusal(@Nullable String token, String path) {
		if (!this.properties.exotel().configured() || this.token.isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		if (WebhookSignatures.same(this.token, token)) {
			return null;
		}
		String why = (token == null || token.isBlank()) ? "no token" : "the token does not match";
		log.warn("Refused an Exotel incoming-call request on {}: {}", path, why);
		this.events.refused(ExotelVoice.NAME, path, why);
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", why));
	}

	private static int seconds(@Nullable String value) {
		try {
			return value == null ? 0 : Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
