package org.dues.telephony.provider;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.dues.system.WebhookSignatures;
import org.dues.system.PostedForm;
import org.dues.telephony.CallEvent;
import org.dues.telephony.CallEvents;
import org.dues.telephony.CallRequest;
import org.dues.telephony.CallView;
import org.dues.telephony.TelephonyProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Exotel's call status callbacks,
 * {@code POST /webhooks/telephony/exotel/status?call=…&token=…}, as JSON (what Dues asks
 * for) or as a form: {@code CallSid}, {@code EventType} ({@code answered},
 * {@code terminal}), {@code Status} ({@code completed}, {@code failed}, {@code busy},
 * {@code no-answer}), {@code RecordingUrl}, {@code ConversationDuration},
 * {@code CustomField} and {@code Legs} (the agent's leg first, then the customer's, each
 * with {@code Status}, {@code OnCallDuration} and {@code AnsweredBy}). Exotel signs
 * nothing: a callback is taken only with its call's own token (401 and recorded
 * otherwise); one for no call of ours is recorded and ignored. 404 while Exotel voice is
 * not configured. A campaign's call, placed to the campaign flow with the customer first,
 * is read by {@link #flowEvents}.
 */
@RestController
class ExotelVoiceWebhooks {

	private static final Logger log = LoggerFactory.getLogger(ExotelVoiceWebhooks.class);

	private final TelephonyProperties.Exotel properties;

	private final CallEvents events;

	ExotelVoiceWebhooks(TelephonyProperties properties, CallEvents events) {
		this.properties = properties.exotel();
		this.events = events;
	}

	@PostMapping(ExotelVoice.STATUS)
	ResponseEntity<String> status(HttpServletRequest request,
			@RequestParam(name = "call", required = false) @Nullable String call,
			@RequestParam(name = "token", required = false) @Nullable String token) throws IOException {
		if (!this.properties.configured()) {
			return ResponseEntity.notFound().build();
		}
		JsonNode body = body(request);
		String callSid = text(body, "CallSid");
		UUID callId = uuid(call);
		CallView known = callId == null ? null : this.events.find(callId);
		if (known == null || !ExotelVoice.NAME.equals(known.provider())) {
			// no call of ours: recorded and ignored
			this.events.unknown(ExotelVoice.NAME, callSid, "call " + call);
			return ResponseEntity.ok().build();
		}
		if (!WebhookSignatures.same(known.callbackToken(), token)) {
			String why = (token == null || token.isBlank()) ? "no token" : "the token does not match";
			log.warn("Refused an Exotel call callback for {}: {}", callId, why);
			this.events.refused(ExotelVoice.NAME, ExotelVoice.STATUS, why);
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(why);
		}
		String status = text(body, "Status");
		if (callSid == null) {
			return ResponseEntity.badRequest().body("CallSid is required");
		}
		String agent = known.agentNumber();
		boolean flow = agent != null && agent.startsWith(CallRequest.DIALER);
		String eventType = text(body, "EventType");
		for (Keyed keyed : flow ? flowEvents(callSid, eventType, status, body)
				: events(callSid, eventType, status, body)) {
			this.events.take(ExotelVoice.NAME, callId, callSid, keyed.key(), keyed.event());
		}
		return ResponseEntity.ok().build();
	}

	/**
	 * The events one callback means. {@code answered}: the customer's leg answered (it is
	 * bridged to the agent, who was called first and is on the line) as a person or, by
	 * the leg's {@code AnsweredBy}, a machine; only the agent's leg answered, the
	 * customer's phone now rings. {@code terminal} (or no event type, Exotel's default
	 * callback): a conversation of some length was bridged, the recording is ready, and
	 * the call ended with its status.
	 */
	static List<Keyed> events(String callSid, @Nullable String eventType, @Nullable String status, JsonNode body) {
		List<Keyed> events = new ArrayList<>();
		JsonNode customerLeg = body.path("Legs").path(1);
		if ("answered".equalsIgnoreCase(eventType)) {
			if (answered(customerLeg)) {
				boolean machine = "MACHINE".equalsIgnoreCase(customerLeg.path("AnsweredBy").asString(""));
				events.add(new Keyed(callSid + ":answered",
						machine ? CallEvent.answeredByMachine() : CallEvent.answeredByHuman()));
				events.add(new Keyed(callSid + ":bridged", CallEvent.bridged()));
			}
			else {
				events.add(new Keyed(callSid + ":ringing", CallEvent.ringing()));
			}
			return events;
		}
		if (status == null) {
			return events;
		}
		int talked = number(body, "ConversationDuration");
		if ("completed".equalsIgnoreCase(status) && talked > 0) {
			events.add(new Keyed(callSid + ":bridged", CallEvent.bridged()));
		}
		String recording = text(body, "RecordingUrl");
		if (recording != null && !"null".equals(recording)) {
			events.add(new Keyed(callSid + ":recording", CallEvent.recording(recording, talked > 0 ? talked : null)));
		}
		events.add(new Keyed(callSid + ":ended", CallEvent.ended(cause(status))));
		return events;
	}

	/**
	 * The events one callback of a campaign's call means, which Exotel placed to the
	 * campaign flow: its first leg is the customer ({@code From}), its second the agent
	 * the flow's Connect applet dialled. {@code answered}: the customer answered, taken
	 * as a person (Exotel detects no machine before the Connect applet), and, when the
	 * agent's leg answered too, bridged. {@code terminal}: bridged only when the agent's
	 * leg was on the call (without legs, when the conversation lasted), the recording,
	 * and the end. The answer is the same event as the Connect applet's request, so
	 * whichever comes first is taken and the other is a repeat.
	 */
	static List<Keyed> flowEvents(String callSid, @Nullable String eventType, @Nullable String status, JsonNode body) {
		List<Keyed> events = new ArrayList<>();
		JsonNode legs = body.path("Legs");
		JsonNode customerLeg = legs.path(0);
		JsonNode agentLeg = legs.path(1);
		if ("answered".equalsIgnoreCase(eventType)) {
			if (customerLeg.isMissingNode() || answered(customerLeg)) {
				events.add(new Keyed(callSid + ":answered", CallEvent.answeredByHuman()));
			}
			if (answered(agentLeg)) {
				events.add(new Keyed(callSid + ":bridged", CallEvent.bridged()));
			}
			return events;
		}
		if (status == null) {
			return events;
		}
		int talked = number(body, "ConversationDuration");
		boolean agentTalked = legs.isArray() && !legs.isEmpty()
				? answered(agentLeg) && Math.max(talked, agentLeg.path("OnCallDuration").asInt(0)) > 0 : talked > 0;
		if ("completed".equalsIgnoreCase(status) && agentTalked) {
			events.add(new Keyed(callSid + ":bridged", CallEvent.bridged()));
		}
		String recording = text(body, "RecordingUrl");
		if (recording != null && !"null".equals(recording)) {
			events.add(new Keyed(callSid + ":recording", CallEvent.recording(recording, talked > 0 ? talked : null)));
		}
		events.add(new Keyed(callSid + ":ended", CallEvent.ended(cause(status))));
		return events;
	}

	private static CallEvent.EndCause cause(String status) {
		return switch (status.toLowerCase(Locale.ROOT)) {
			case "completed" -> CallEvent.EndCause.COMPLETED;
			case "busy" -> CallEvent.EndCause.BUSY;
			case "no-answer" -> CallEvent.EndCause.NO_ANSWER;
			case "canceled" -> CallEvent.EndCause.CANCELED;
			default -> CallEvent.EndCause.FAILED;
		};
	}

	private static boolean answered(JsonNode leg) {
		String status = leg.path("Status").asString("").toLowerCase(Locale.ROOT);
		return status.equals("in-progress") || status.equals("answered") || status.equals("completed");
	}

	/** The callback's fields: its JSON, or its form fields as a JSON object. */
	static JsonNode body(HttpServletRequest request) throws IOException {
		String type = request.getContentType();
		if (type != null && type.toLowerCase(Locale.ROOT).contains("json")) {
			return VoiceHttp.json(new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
		}
		Map<String, List<String>> form = PostedForm.of(request);
		var json = VoiceHttp.JSON.createObjectNode();
		form.forEach((name, values) -> json.put(name, values.isEmpty() ? "" : values.get(0)));
		return json;
	}

	private static @Nullable String text(JsonNode body, String name) {
		JsonNode value = body.path(name);
		if (value.isMissingNode() || value.isNull()) {
			return null;
		}
		String text = value.asString("");
		return text.isBlank() ? null : text;
	}

	private static int number(JsonNode body, String name) {
		String text = text(body, name);
		try {
			return text == null ? 0 : Integer.parseInt(text.strip());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private static @Nullable UUID uuid(@Nullable String value) {
		try {
			return value == null ? null : UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** An event and what makes it unique at Exotel. */
	record Keyed(String key, CallEvent event) {
	}

}
