package org.dues.telephony.provider;

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
import org.dues.telephony.CallbackAddress;
import org.dues.telephony.DialerAnswers;
import org.dues.telephony.TelephonyProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio Voice's webhooks: the TwiML of an answered call ({@code /answer}), the call's
 * status callbacks ({@code /status}, the agent's leg with {@code leg=agent}) and its
 * recording ({@code /recording}). Each is taken only with the {@code X-Twilio-Signature}
 * Twilio's algorithm gives for the URL it called and the posted fields (401 and recorded
 * otherwise); events go to {@link CallEvents}, once per (CallSid, status); a CallSid of
 * no call of ours is recorded and ignored. 404 while Twilio Voice is not configured.
 */
@RestController
class TwilioVoiceWebhooks {

	private static final Logger log = LoggerFactory.getLogger(TwilioVoiceWebhooks.class);

	private static final MediaType TEXT_XML = MediaType.parseMediaType("text/xml;charset=UTF-8");

	private final TelephonyProperties.Twilio properties;

	private final CallbackAddress address;

	private final CallEvents events;

	private final DialerAnswers dialer;

	TwilioVoiceWebhooks(TelephonyProperties properties, CallbackAddress address, CallEvents events,
			DialerAnswers dialer) {
		this.properties = properties.twilio();
		this.address = address;
		this.events = events;
		this.dialer = dialer;
	}

	/**
	 * The answered call's TwiML: a machine is hung up on, a person hears the disclosure
	 * and is bridged.
	 */
	@PostMapping(TwilioVoice.ANSWER)
	ResponseEntity<String> answer(HttpServletRequest request,
			@RequestHeader(name = "X-Twilio-Signature", required = false) @Nullable String signature) {
		Map<String, List<String>> form = PostedForm.of(request);
		ResponseEntity<String> refused = refusal(request, form, signature, TwilioVoice.ANSWER);
		if (refused != null) {
			return refused;
		}
		String callSid = PostedForm.firstGiven(form, "CallSid");
		UUID callId = callId(request);
		boolean machine = machine(PostedForm.firstGiven(form, "AnsweredBy"));
		if (callSid == null) {
			this.events.unknown(TwilioVoice.NAME, null, "a TwiML request without a CallSid");
			return twiml("<Hangup/>");
		}
		CallEvents.Intake intake = this.events.take(TwilioVoice.NAME, callId, callSid, callSid + ":answered",
				machine ? CallEvent.answeredByMachine() : CallEvent.answeredByHuman());
		CallView call = callId == null ? null : this.events.find(callId);
		if (intake == CallEvents.Intake.UNKNOWN_CALL || call == null || machine) {
			return twiml("<Hangup/>");
		}
		StringBuilder twiml = new StringBuilder();
		if (call.disclosure() != null) {
			twiml.append("<Say>").append(xml(call.disclosure())).append("</Say>");
		}
		String agent = call.agentNumber();
		if (agent == null || agent.startsWith(CallRequest.DIALER)) {
			// a campaign's call: the agent the dialer finds now, or its message within
			// two seconds
			DialerAnswers.Decision decision = this.dialer.await(call.id());
			if (decision.kind() != DialerAnswers.Decision.Kind.BRIDGE || decision.agentNumber() == null) {
				if (decision.message() != null) {
					twiml.append(TwilioInboundWebhooks.say(decision.message(),
							Locale.forLanguageTag(String.valueOf(decision.language()))));
				}
				return twiml(twiml.append("<Hangup/>").toString());
			}
			agent = decision.agentNumber();
		}
		String agentStatus = this.address.of(TwilioVoice.STATUS) + "?call=" + call.id() + "&leg=agent";
		twiml.append("<Dial callerId=\"")
			.append(xml(call.callerId()))
			.append("\">")
			.append(agent.startsWith("sip:") ? "<Sip" : "<Number")
			.append(" statusCallbackEvent=\"answered\" statusCallback=\"")
			.append(xml(agentStatus))
			.append("\" statusCallbackMethod=\"POST\">")
			.append(xml(agent))
			.append(agent.startsWith("sip:") ? "</Sip>" : "</Number>")
			.append("</Dial>");
		return twiml(twiml.toString());
	}

	/** A status callback of the customer's leg, or (leg=agent) of the agent's. */
	@PostMapping(TwilioVoice.STATUS)
	ResponseEntity<String> status(HttpServletRequest request,
			@RequestHeader(name = "X-Twilio-Signature", required = false) @Nullable String signature) {
		Map<String, List<String>> form = PostedForm.of(request);
		ResponseEntity<String> refused = refusal(request, form, signature, TwilioVoice.STATUS);
		if (refused != null) {
			return refused;
		}
		String callSid = PostedForm.firstGiven(form, "CallSid");
		String callStatus = PostedForm.firstGiven(form, "CallStatus");
		if (callSid == null || callStatus == null) {
			return ResponseEntity.badRequest().body("CallSid and CallStatus are required");
		}
		UUID callId = callId(request);
		if ("agent".equals(request.getParameter("leg"))) {
			// the agent's leg answered: the customer is bridged to the agent
			String parent = PostedForm.firstGiven(form, "ParentCallSid");
			if ("in-progress".equalsIgnoreCase(callStatus) || "answered".equalsIgnoreCase(callStatus)) {
				this.events.take(TwilioVoice.NAME, callId, parent, callSid + ":bridged", CallEvent.bridged());
			}
			return ResponseEntity.noContent().build();
		}
		CallEvent event = event(callStatus, PostedForm.firstGiven(form, "AnsweredBy"));
		if (event != null) {
			String key = callSid + ":"
					+ (event.kind() == CallEvent.Kind.ANSWERED_HUMAN || event.kind() == CallEvent.Kind.ANSWERED_MACHINE
							? "answered" : callStatus.toLowerCase(Locale.ROOT));
			this.events.take(TwilioVoice.NAME, callId, callSid, key, event);
		}
		return ResponseEntity.noContent().build();
	}

	/** The call's recording is ready. */
	@PostMapping(TwilioVoice.RECORDING)
	ResponseEntity<String> recording(HttpServletRequest request,
			@RequestHeader(name = "X-Twilio-Signature", required = false) @Nullable String signature) {
		Map<String, List<String>> form = PostedForm.of(request);
		ResponseEntity<String> refused = refusal(request, form, signature, TwilioVoice.RECORDING);
		if (refused != null) {
			return refused;
		}
		String callSid = PostedForm.firstGiven(form, "CallSid");
		String recordingSid = PostedForm.firstGiven(form, "RecordingSid");
		String url = PostedForm.firstGiven(form, "RecordingUrl");
		if (callSid == null || recordingSid == null || url == null) {
			return ResponseEntity.badRequest().body("CallSid, RecordingSid and RecordingUrl are required");
		}
		if ("completed".equalsIgnoreCase(PostedForm.firstGiven(form, "RecordingStatus"))) {
			this.events.take(TwilioVoice.NAME, callId(request), callSid, recordingSid,
					CallEvent.recording(url, seconds(PostedForm.firstGiven(form, "RecordingDuration"))));
		}
		return ResponseEntity.noContent().build();
	}

	/**
	 * Twilio's call status as an event: {@code ringing} rings; {@code in-progress} is an
	 * answer only with AMD's {@code AnsweredBy} (the TwiML request says who answered
	 * otherwise); {@code completed}, {@code busy}, {@code no-answer}, {@code failed} and
	 * {@code canceled} end it; {@code queued} and {@code initiated} change nothing.
	 */
	static @Nullable CallEvent event(String status, @Nullable String answeredBy) {
		return switch (status.toLowerCase(Locale.ROOT)) {
			case "ringing" -> CallEvent.ringing();
			case "in-progress", "answered" -> answeredBy == null ? null
					: machine(answeredBy) ? CallEvent.answeredByMachine() : CallEvent.answeredByHuman();
			case "completed" -> CallEvent.ended(CallEvent.EndCause.COMPLETED);
			case "busy" -> CallEvent.ended(CallEvent.EndCause.BUSY);
			case "no-answer" -> CallEvent.ended(CallEvent.EndCause.NO_ANSWER);
			case "failed" -> CallEvent.ended(CallEvent.EndCause.FAILED);
			case "canceled" -> CallEvent.ended(CallEvent.EndCause.CANCELED);
			default -> null;
		};
	}

	/**
	 * AMD's answer: {@code machine_start}, {@code machine_end_…} and {@code fax} are
	 * machines.
	 */
	static boolean machine(@Nullable String answeredBy) {
		return answeredBy != null && (answeredBy.startsWith("machine") || answeredBy.equals("fax"));
	}

	private @Nullable ResponseEntity<String> refusal(HttpServletRequest request, Map<String, List<String>> form,
			@Nullable String signature, String path) {
		if (!this.properties.configured()) {
			return ResponseEntity.notFound().build();
		}
		String token = java.util.Objects.requireNonNull(this.properties.authToken()).strip();
		if (WebhookSignatures.twilioValid(token, this.address.called(request), form, signature)) {
			return null;
		}
		String why = (signature == null || signature.isBlank()) ? "no X-Twilio-Signature"
				: "X-Twilio-Signature does not match";
		log.warn("Refused a Twilio Voice webhook on {}: {}", path, why);
		this.events.refused(TwilioVoice.NAME, path, why);
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(why);
	}

	private static @Nullable UUID callId(HttpServletRequest request) {
		String call = request.getParameter("call");
		try {
			return call == null ? null : UUID.fromString(call);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	static @Nullable Integer seconds(@Nullable String value) {
		try {
			return value == null ? null : Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static ResponseEntity<String> twiml(String verbs) {
		return ResponseEntity.ok()
			.contentType(TEXT_XML)
			.body("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>" + verbs + "</Response>");
	}

	static String xml(String text) {
		return text.replace("&", "&amp;")
			.replace("<", "&lt;")
			.replace(">", "&gt;")
			.replace("\"", "&quot;")
			.replace("'", "&apos;");
	}

}
