package org.dues.telephony.provider;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.dues.system.PostedForm;
import org.dues.system.WebhookSignatures;
import org.dues.telephony.CallEvents;
import org.dues.telephony.CallbackAddress;
import org.dues.telephony.InboundCalls;
import org.dues.telephony.TelephonyProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's incoming calls: the Voice URL of Dues's Twilio number,
 * {@code POST /webhooks/telephony/twilio/incoming} ({@code CallSid}, {@code From},
 * {@code To}), and, while the caller waits, {@code /incoming/wait?call=…}. Each is taken
 * only with the {@code X-Twilio-Signature} Twilio's algorithm gives (401 and recorded
 * otherwise). The answer is TwiML: the recording disclosure first, then, when an agent
 * took the call, {@code <Dial>} to the agent recording from the answer; else the caller's
 * place in the queue, a pause and a {@code <Redirect>} to ask again. The number's status
 * callback is {@code /webhooks/telephony/twilio/status}, which finds the call by its
 * CallSid. 404 while Twilio Voice is not configured.
 */
@RestController
class TwilioInboundWebhooks {

	static final String INCOMING = "/webhooks/telephony/twilio/incoming";

	static final String WAIT = "/webhooks/telephony/twilio/incoming/wait";

	private static final Logger log = LoggerFactory.getLogger(TwilioInboundWebhooks.class);

	private static final MediaType TEXT_XML = MediaType.parseMediaType("text/xml;charset=UTF-8");

	private final TelephonyProperties.Twilio properties;

	private final CallbackAddress address;

	private final CallEvents events;

	private final InboundCalls inbound;

	private final MessageSource messages;

	TwilioInboundWebhooks(TelephonyProperties properties, CallbackAddress address, CallEvents events,
			InboundCalls inbound, MessageSource messages) {
		this.properties = properties.twilio();
		this.address = address;
		this.events = events;
		this.inbound = inbound;
		this.messages = messages;
	}

	@PostMapping(INCOMING)
	ResponseEntity<String> incoming(HttpServletRequest request,
			@RequestHeader(name = "X-Twilio-Signature", required = false) @Nullable String signature) {
		Map<String, List<String>> form = PostedForm.of(request);
		ResponseEntity<String> refused = refusal(request, form, signature, INCOMING);
		if (refused != null) {
			return refused;
		}
		String callSid = PostedForm.firstGiven(form, "CallSid");
		if (callSid == null) {
			return ResponseEntity.badRequest().body("CallSid is required");
		}
		String from = Objects.requireNonNullElse(PostedForm.firstGiven(form, "From"), "anonymous");
		InboundCalls.Arrival arrival = this.inbound.arrive(TwilioVoice.NAME, callSid, from,
				PostedForm.firstGiven(form, "To"));
		return twiml(arrival, true);
	}

	@PostMapping(WAIT)
	ResponseEntity<String> waiting(HttpServletRequest request,
			@RequestHeader(name = "X-Twilio-Signature", required = false) @Nullable String signature) {
		Map<String, List<String>> form = PostedForm.of(request);
		ResponseEntity<String> refused = refusal(request, form, signature, WAIT);
		if (refused != null) {
			return refused;
		}
		UUID callId = uuid(request.getParameter("call"));
		if (callId == null) {
			this.events.unknown(TwilioVoice.NAME, PostedForm.firstGiven(form, "CallSid"), "a wait without a call");
			return xml("<Hangup/>");
		}
		this.inbound.route(callId);
		return twiml(this.inbound.arrival(callId), false);
	}

	private ResponseEntity<String> twiml(InboundCalls.Arrival arrival, boolean first) {
		StringBuilder twiml = new StringBuilder();
		Locale locale = Locale.forLanguageTag(arrival.language() == null ? "en" : arrival.language());
		if (first && arrival.disclosure() != null) {
			twiml.append(say(arrival.disclosure(), locale));
		}
		if (arrival.connected() && arrival.agentNumber() != null) {
			String agent = arrival.agentNumber();
			boolean sip = agent.startsWith("sip:");
			String call = "?call=" + arrival.callId();
			twiml.append("<Dial");
			if (arrival.disclosure() != null) {
				twiml.append(" record=\"record-from-answer-dual\" recordingStatusCallback=\"")
					.append(TwilioVoiceWebhooks.xml(this.address.of(TwilioVoice.RECORDING) + call))
					.append("\" recordingStatusCallbackMethod=\"POST\" recordingStatusCallbackEvent=\"completed\"");
			}
			twiml.append(">")
				.append(sip ? "<Sip" : "<Number")
				.append(" statusCallbackEvent=\"answered\" statusCallback=\"")
				.append(TwilioVoiceWebhooks.xml(this.address.of(TwilioVoice.STATUS) + call + "&leg=agent"))
				.append("\" statusCallbackMethod=\"POST\">")
				.append(TwilioVoiceWebhooks.xml(agent))
				.append(sip ? "</Sip>" : "</Number>")
				.append("</Dial>");
			return xml(twiml.toString());
		}
		if (!"WAITING".equals(arrival.status())) {
			return xml(twiml.append("<Hangup/>").toString());
		}
		twiml
			.append(say(this.messages.getMessage("telephony.inbound.hold", new Object[] { arrival.position() }, locale),
					locale));
		twiml.append("<Pause length=\"10\"/><Redirect method=\"POST\">")
			.append(TwilioVoiceWebhooks.xml(this.address.of(WAIT) + "?call=" + arrival.callId()))
			.append("</Redirect>");
		return xml(twiml.toString());
	}

	static String say(String text, Locale locale) {
		String language = switch (locale.getLanguage()) {
			case "hi" -> "hi-IN";
			case "ml" -> "ml-IN";
			default -> "en-US";
		};
		return "<Say language=\"" + language + "\">" + TwilioVoiceWebhooks.xml(text) + "</Say>";
	}

	private @Nullable ResponseEntity<String> refusal(HttpServletRequest request, Map<String, List<String>> form,
			@Nullable String signature, String path) {
		if (!this.properties.configured()) {
			return ResponseEntity.notFound().build();
		}
		String token = Objects.requireNonNull(this.properties.authToken()).strip();
		if (WebhookSignatures.twilioValid(token, this.address.called(request), form, signature)) {
			return null;
		}
		String why = (signature == null || signature.isBlank()) ? "no X-Twilio-Signature"
				: "X-Twilio-Signature does not match";
		log.warn("Refused a Twilio incoming-call webhook on {}: {}", path, why);
		this.events.refused(TwilioVoice.NAME, path, why);
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(why);
	}

	private static @Nullable UUID uuid(@Nullable String value) {
		try {
			return value == null ? null : UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static ResponseEntity<String> xml(String verbs) {
		return ResponseEntity.ok()
			.contentType(TEXT_XML)
			.body("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>" + verbs + "</Response>");
	}

}
