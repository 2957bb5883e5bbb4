package org.dues.telephony.provider;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.dues.system.WebhookSignatures;
import org.dues.telephony.CallEvent;
import org.dues.telephony.CallEvents;
import org.dues.telephony.CallRequest;
import org.dues.telephony.CallView;
import org.dues.telephony.DialerAnswers;
import org.dues.telephony.TelephonyProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The campaign flow's two URLs, through which a campaign's call placed to the flow
 * ({@link ExotelVoice#placeToFlow}) reaches an agent:
 * <ul>
 * <li>the <b>Connect applet's dynamic URL</b>,
 * {@code GET /webhooks/telephony/exotel/dialer?token=…}, asked once the customer
 * answered, with the call's {@code CallSid} (the connect API's {@code Call.Sid}) and
 * {@code CallFrom}, {@code CallTo}, {@code Direction} (and {@code CustomField}, Dues's
 * call id, where Exotel passes it): the answer is taken (as a person's: Exotel detects no
 * machine before the applet), the request waits for the dialer's decision
 * ({@link DialerAnswers}, two seconds and a little more at most) and answers the applet's
 * JSON, {@code destination.numbers} the agent claimed with the recording and its
 * disclosure, or, with nobody free, no number at all: the call is an abandon and the
 * flow's branch for a Connect that dialled nobody plays the message;</li>
 * <li>the <b>Greeting applet's dynamic text</b> on that branch,
 * {@code GET /webhooks/telephony/exotel/dialer/message?token=…} with {@code CallSid}: the
 * message identifying the caller in the customer's language, as {@code text/plain}
 * (Exotel reads it out, then the flow hangs up).</li>
 * </ul>
 * Exotel signs neither: both URLs carry the flow's secret
 * ({@code DUES_EXOTEL_VOICE_INBOUND_TOKEN}), compared in constant time (401 and recorded
 * without it). A request for no campaign call of ours is recorded and answered with
 * nobody to dial. 404 while Exotel voice, the secret or the campaign flow is not set.
 */
@RestController
class ExotelDialerWebhooks {

	static final String CONNECT = "/webhooks/telephony/exotel/dialer";

	static final String MESSAGE = "/webhooks/telephony/exotel/dialer/message";

	private static final Logger log = LoggerFactory.getLogger(ExotelDialerWebhooks.class);

	private final TelephonyProperties properties;

	private final String token;

	private final String flow;

	private final CallEvents events;

	private final DialerAnswers dialer;

	ExotelDialerWebhooks(TelephonyProperties properties, @Value("${dues.telephony.exotel.inbound-token:}") String token,
			@Value("${dues.telephony.exotel.campaign-flow:}") String flow, CallEvents events, DialerAnswers dialer) {
		this.properties = properties;
		this.token = token.strip();
		this.flow = flow.strip();
		this.events = events;
		this.dialer = dialer;
	}

	@GetMapping(path = CONNECT, produces = "application/json")
	ResponseEntity<Map<String, Object>> connect(@RequestParam(name = "token", required = false) @Nullable String token,
			@RequestParam(name = "CallSid", required = false) @Nullable String callSid,
			@RequestParam(name = "CustomField", required = false) @Nullable String customField) {
		HttpStatus refused = refusal(token, CONNECT);
		if (refused != null) {
			return ResponseEntity.status(refused).body(Map.of("error", refused.getReasonPhrase()));
		}
		if (callSid == null || callSid.isBlank()) {
			return ResponseEntity.badRequest().body(Map.of("error", "CallSid is required"));
		}
		CallView call = call(callSid, customField);
		if (call == null || !dialled(call)) {
			this.events.unknown(ExotelVoice.NAME, callSid, "the campaign flow's Connect applet for no campaign call");
			return ResponseEntity.ok(answer(List.of(), callerId(null), null, this.properties));
		}
		this.events.take(ExotelVoice.NAME, call.id(), callSid, callSid + ":answered", CallEvent.answeredByHuman());
		DialerAnswers.Decision decision = this.dialer.await(call.id());
		if (decision.kind() == DialerAnswers.Decision.Kind.BRIDGE && decision.agentNumber() != null) {
			return ResponseEntity
				.ok(answer(List.of(decision.agentNumber()), call.callerId(), call.disclosure(), this.properties));
		}
		// nobody free within the two seconds: the flow's next applet plays the message
		return ResponseEntity.ok(answer(List.of(), call.callerId(), null, this.properties));
	}

	@GetMapping(path = MESSAGE)
	ResponseEntity<byte[]> message(@RequestParam(name = "token", required = false) @Nullable String token,
			@RequestParam(name = "CallSid", required = false) @Nullable String callSid,
			@RequestParam(name = "CustomField", required = false) @Nullable String customField) {
		HttpStatus refused = refusal(token, MESSAGE);
		if (refused != null) {
			return ResponseEntity.status(refused).build();
		}
		CallView call = (callSid == null || callSid.isBlank()) ? null : call(callSid, customField);
		if (call == null && callSid != null && !callSid.isBlank()) {
			this.events.unknown(ExotelVoice.NAME, callSid, "the campaign flow's message for no call of ours");
		}
		DialerAnswers.Decision message = this.dialer.abandonMessage((call == null) ? null : call.id(), callerId(call));
		// Exotel takes text/plain and nothing else; the text is UTF-8 (Hindi, Malayalam)
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_TYPE, "text/plain")
			.body(Objects.requireNonNullElse(message.message(), "").getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The Connect applet's answer: the numbers to dial (none: the flow goes on to the
	 * branch for nobody dialled), the ExoPhone, and for a recorded call the recording and
	 * its disclosure played first.
	 */
	static Map<String, Object> answer(List<String> numbers, String callerId, @Nullable String disclosure,
			TelephonyProperties properties) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("fetch_after_attempt", false);
		answer.put("destination", Map.of("numbers", numbers));
		answer.put("outgoing_phone_number", callerId);
		answer.put("record", disclosure != null);
		answer.put("recording_channels", "dual");
		answer.put("max_ringing_duration", properties.ringTimeoutSeconds());
		answer.put("max_conversation_duration", properties.timeLimitSeconds());
		if (disclosure != null) {
			answer.put("start_call_playback", Map.of("playback_to", "both", "type", "text", "value", disclosure));
		}
		return answer;
	}

	/**
	 * The call Exotel names by its {@code CallSid}, else by the {@code CustomField} Dues
	 * gave it when Exotel has not told its Sid yet.
	 */
	private @Nullable CallView call(String callSid, @Nullable String customField) {
		CallView call = this.events.find(ExotelVoice.NAME, callSid);
		if (call != null) {
			return call;
		}
		UUID id = uuid(customField);
		CallView named = (id == null) ? null : this.events.find(id);
		if (named != null && ExotelVoice.NAME.equals(named.provider())
				&& (named.providerCallId() == null || named.providerCallId().equals(callSid))) {
			return named;
		}
		return null;
	}

	/** A campaign's call, placed with no agent. */
	private static boolean dialled(CallView call) {
		return call.agentNumber() != null && call.agentNumber().startsWith(CallRequest.DIALER);
	}

	private String callerId(@Nullable CallView call) {
		if (call != null) {
			return call.callerId();
		}
		return Objects.requireNonNullElse(this.properties.exotel().callerId(), "").strip();
	}

	private @Nullable HttpStatus refusal(@Nullable String token, String path) {
		if (!this.properties.exotel().configured() || this.token.isEmpty() || this.flow.isEmpty()) {
			return HttpStatus.NOT_FOUND;
		}
		if (WebhookSignatures.same(this.token, token)) {
			return null;
		}
		String why = (token == null || token.isBlank()) ? "no token" : "the token does not match";
		log.warn("Refused an Exotel campaign-flow request on {}: {}", path, why);
		this.events.refused(ExotelVoice.NAME, path, why);
		return HttpStatus.UNAUTHORIZED;
	}

	private static @Nullable UUID uuid(@Nullable String value) {
		try {
			return value == null ? null : UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
