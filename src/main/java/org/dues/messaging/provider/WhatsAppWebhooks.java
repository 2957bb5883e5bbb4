package org.dues.messaging.provider;

import java.util.Locale;
import java.util.Objects;

import org.dues.system.WebhookSignatures;
import org.dues.compliance.Channel;
import org.dues.messaging.MessageStatus;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The WhatsApp Cloud API's webhook, {@code /webhooks/whatsapp}: Meta's verification
 * request ({@code GET} with {@code hub.mode=subscribe}, {@code hub.verify_token} and
 * {@code hub.challenge}, answered with the challenge when the token is Dues's), and its
 * notifications ({@code POST}), taken only with an {@code X-Hub-Signature-256} equal to
 * {@code sha256=} and the hex HMAC-SHA256 of the raw body under the app secret (401 and
 * recorded as refused otherwise). Each message status ({@code sent}, {@code delivered},
 * {@code read}, {@code failed}) is reported once by its wamid and status, each message
 * from a person once by its id.
 */
@RestController
@ConditionalOnSet({ "dues.whatsapp.token", "dues.whatsapp.phone-number-id", "dues.whatsapp.app-secret" })
class WhatsAppWebhooks {

	static final String PATH = "/webhooks/whatsapp";

	private static final Logger log = LoggerFactory.getLogger(WhatsAppWebhooks.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final WhatsAppProperties properties;

	private final ProviderReports reports;

	WhatsAppWebhooks(WhatsAppProperties properties, ProviderReports reports) {
		this.properties = properties;
		this.reports = reports;
	}

	@GetMapping(PATH)
	ResponseEntity<String> verify(@RequestParam(name = "hub.mode", required = false) @Nullable String mode,
			@RequestParam(name = "hub.verify_token", required = false) @Nullable String token,
			@RequestParam(name = "hub.challenge", required = false) @Nullable String challenge) {
		String expected = this.properties.verifyToken();
		if (!"subscribe".equals(mode) || expected == null || expected.isBlank()
				|| !WebhookSignatures.same(expected, token) || challenge == null) {
			this.reports.refused(WhatsAppCloud.NAME, PATH, "verification with a wrong or missing verify token");
			return ResponseEntity.status(HttpStatus.FORBIDDEN).body("");
		}
		return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(challenge);
	}

	@PostMapping(PATH)
	ResponseEntity<Void> notify(@RequestBody(required = false) byte @Nullable [] body,
			@RequestHeader(name = "X-Hub-Signature-256", required = false) @Nullable String signature) {
		byte[] raw = body == null ? new byte[0] : body;
		String secret = Objects.requireNonNull(this.properties.appSecret());
		if (signature == null || signature.isBlank()) {
			return refuse("no X-Hub-Signature-256");
		}
		if (!WebhookSignatures.same(WebhookSignatures.meta(secret, raw), signature.strip().toLowerCase(Locale.ROOT))) {
			return refuse("X-Hub-Signature-256 does not match");
		}
		JsonNode notification;
		try {
			notification = JSON.readTree(raw);
		}
		catch (JacksonException ex) {
			return ResponseEntity.badRequest().build();
		}
		for (JsonNode entry : notification.path("entry")) {
			for (JsonNode change : entry.path("changes")) {
				JsonNode value = change.path("value");
				String to = value.path("metadata").path("display_phone_number").asString("");
				value.path("statuses").forEach(this::status);
				value.path("messages").forEach((message) -> inbound(message, to));
			}
		}
		return ResponseEntity.ok().build();
	}

	private void status(JsonNode status) {
		String id = status.path("id").asString("");
		String whatsApp = status.path("status").asString("");
		MessageStatus ours = switch (whatsApp) {
			case "sent" -> MessageStatus.SENT;
			case "delivered", "read" -> MessageStatus.DELIVERED;
			case "failed" -> MessageStatus.FAILED;
			default -> null;
		};
		if (id.isEmpty() || ours == null) {
			return;
		}
		JsonNode error = status.path("errors").path(0);
		String why = error.isMissingNode() ? null
				: "WhatsApp error %s %s".formatted(error.path("code").asString(""), error.path("title").asString(""))
					.strip();
		this.reports.status(WhatsAppCloud.NAME, id + ":" + whatsApp, id, ours, why);
	}

	private void inbound(JsonNode message, String to) {
		String id = message.path("id").asString("");
		String from = message.path("from").asString("");
		if (id.isEmpty() || from.isEmpty()) {
			return;
		}
		this.reports.inbound(WhatsAppCloud.NAME, id, Channel.WHATSAPP, e164(from), to.isEmpty() ? null : e164(to),
				text(message));
	}

	/**
	 * What the person wrote: a text's body, a quick-reply button's text, an interactive
	 * reply's title, a media's caption, or the kind of message in brackets.
	 */
	static String text(JsonNode message) {
		String type = message.path("type").asString("");
		String text = switch (type) {
			case "text" -> message.path("text").path("body").asString("");
			case "button" -> message.path("button").path("text").asString("");
			case "interactive" -> {
				JsonNode interactive = message.path("interactive");
				String title = interactive.path("button_reply").path("title").asString("");
				yield title.isEmpty() ? interactive.path("list_reply").path("title").asString("") : title;
			}
			default -> message.path(type).path("caption").asString("");
		};
		return text.isEmpty() ? "[" + (type.isEmpty() ? "message" : type) + "]" : text;
	}

	/** WhatsApp's numbers are digits with the country code; ours are E.164. */
	static String e164(String number) {
		String digits = number.replaceAll("[^0-9]", "");
		return "+" + digits;
	}

	private ResponseEntity<Void> refuse(String why) {
		log.warn("Refused a WhatsApp webhook: {}", why);
		this.reports.refused(WhatsAppCloud.NAME, PATH, why);
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
	}

}
