package org.dues.messaging.provider;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.dues.system.WebhookSignatures;
import org.dues.system.PostedForm;
import org.dues.compliance.Channel;
import org.dues.messaging.MessageStatus;
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
 * Twilio's webhooks: an inbound SMS ({@code POST /webhooks/twilio/sms}, set as the
 * number's "A message comes in" URL) and a message's status callbacks
 * ({@code POST /webhooks/twilio/status}, which {@link TwilioSms} names on each message).
 * Each is taken only with an {@code X-Twilio-Signature} that Twilio's documented
 * algorithm gives for the URL Twilio called (the public URL and the path) and the posted
 * fields; any other gets 401 and is recorded as refused.
 */
@RestController
@ConditionalOnSet({ "dues.twilio.account-sid", "dues.twilio.auth-token" })
class TwilioWebhooks {

	static final String INBOUND = "/webhooks/twilio/sms";

	static final String STATUS = "/webhooks/twilio/status";

	private static final Logger log = LoggerFactory.getLogger(TwilioWebhooks.class);

	private static final MediaType TEXT_XML = MediaType.parseMediaType("text/xml;charset=UTF-8");

	private final TwilioProperties properties;

	private final PublicUrl publicUrl;

	private final ProviderReports reports;

	TwilioWebhooks(TwilioProperties properties, PublicUrl publicUrl, ProviderReports reports) {
		this.properties = properties;
		this.publicUrl = publicUrl;
		this.reports = reports;
	}

	/** A message from a person: answered with empty TwiML, so Twilio sends no reply. */
	@PostMapping(INBOUND)
	ResponseEntity<String> inbound(HttpServletRequest request,
			@RequestHeader(name = "X-Twilio-Signature", required = false) @Nullable String signature) {
		Map<String, List<String>> form = PostedForm.of(request);
		if (!verified(request, form, signature)) {
			return unauthorized(INBOUND, signature);
		}
		String sid = PostedForm.first(form, "MessageSid");
		String from = PostedForm.first(form, "From");
		if (sid == null || from == null) {
			return ResponseEntity.badRequest().body("MessageSid and From are required");
		}
		String body = PostedForm.first(form, "Body");
		this.reports.inbound(TwilioSms.NAME, sid, Channel.SMS, from, PostedForm.first(form, "To"),
				body == null ? "" : body);
		return ResponseEntity.ok().contentType(TEXT_XML).body("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>");
	}

	/** A status callback: each (message, status) is reported once. */
	@PostMapping(STATUS)
	ResponseEntity<String> status(HttpServletRequest request,
			@RequestHeader(name = "X-Twilio-Signature", required = false) @Nullable String signature) {
		Map<String, List<String>> form = PostedForm.of(request);
		if (!verified(request, form, signature)) {
			return unauthorized(STATUS, signature);
		}
		String sid = PostedForm.first(form, "MessageSid");
		String twilioStatus = PostedForm.first(form, "MessageStatus");
		if (sid == null || twilioStatus == null) {
			return ResponseEntity.badRequest().body("MessageSid and MessageStatus are required");
		}
		MessageStatus status = status(twilioStatus);
		if (status != null) {
			String code = PostedForm.first(form, "ErrorCode");
			this.reports.status(TwilioSms.NAME, sid + ":" + twilioStatus, sid, status,
					(code == null || code.isBlank()) ? null : "Twilio error " + code);
		}
		return ResponseEntity.noContent().build();
	}

	/**
	 * Twilio's message status as ours: {@code queued}, {@code accepted}, {@code sending}
	 * and {@code sent} are SENT (sent is handed to the carrier, not delivered),
	 * {@code delivered} DELIVERED, {@code undelivered} and {@code failed} FAILED; others
	 * ({@code read}, {@code receiving}…) change nothing.
	 */
	static @Nullable MessageStatus status(String twilio) {
		return switch (twilio.toLowerCase(Locale.ROOT)) {
			case "queued", "accepted", "scheduled", "sending", "sent" -> MessageStatus.SENT;
			case "delivered" -> MessageStatus.DELIVERED;
			case "undelivered", "failed" -> MessageStatus.FAILED;
			default -> null;
		};
	}

	private boolean verified(HttpServletRequest request, Map<String, List<String>> form, @Nullable String signature) {
		return WebhookSignatures.twilioValid(this.properties.token(), this.publicUrl.called(request), form, signature);
	}

	private ResponseEntity<String> unauthorized(String path, @Nullable String signature) {
		String why = (signature == null || signature.isBlank()) ? "no X-Twilio-Signature"
				: "X-Twilio-Signature does not match";
		log.warn("Refused a Twilio webhook on {}: {}", path, why);
		this.reports.refused(TwilioSms.NAME, path, why);
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(why);
	}

}
