package org.dues.messaging.provider;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dues.compliance.Channel;
import org.dues.contact.ClearedContact;
import org.dues.messaging.MessageStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * WhatsApp messages through the WhatsApp Cloud API: {@code POST
 * /{version}/{phone-number-id}/messages} with a Bearer token and a JSON body, a template
 * message (name, language, body parameters) when the message names an approved template,
 * else a text message, which WhatsApp takes only within 24 hours of the person's last
 * message (the core decides which). The answer's {@code messages[0].id} (a {@code wamid})
 * is the provider id. Rate limits (codes 4, 80007, 130429, 131056) and Meta's own errors
 * (1, 2, 131000) are tried again; any other refusal (131047, outside the 24 hours;
 * 132001, an unknown template) is final. Made only when {@code DUES_WHATSAPP_TOKEN} and
 * {@code DUES_WHATSAPP_PHONE_NUMBER_ID} are set.
 */
@Component
@ConditionalOnSet({ "dues.whatsapp.token", "dues.whatsapp.phone-number-id" })
@EnableConfigurationProperties(WhatsAppProperties.class)
public class WhatsAppCloud implements MessageProvider {

	static final String NAME = "whatsapp";

	private static final Set<Integer> RETRYABLE = Set.of(1, 2, 4, 80007, 130429, 131000, 131056);

	private static final Logger log = LoggerFactory.getLogger(WhatsAppCloud.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final WhatsAppProperties properties;

	private final RestClient http;

	WhatsAppCloud(WhatsAppProperties properties) {
		this.properties = properties;
		this.http = ProviderHttp.client(properties.baseUrl(), properties.connectTimeout(), properties.readTimeout());
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Channel channel() {
		return Channel.WHATSAPP;
	}

	/** Every phone number: WhatsApp is the same in every country. */
	@Override
	public boolean serves(Route route) {
		return route.address().startsWith("+");
	}

	@Override
	public Handover send(ClearedContact cleared, Outgoing message) {
		Cleared.check(cleared, message);
		return handOver(message);
	}

	/** The request itself, for a message the gate cleared. */
	Handover handOver(Outgoing message) {
		ProviderHttp.Answer answer = ProviderHttp.exchange(NAME, this.http.post()
			.uri("/{version}/{phoneNumberId}/messages", this.properties.version(), this.properties.phoneNumberId())
			.headers((headers) -> headers.setBearerAuth(String.valueOf(this.properties.token())))
			.accept(MediaType.APPLICATION_JSON)
			.contentType(MediaType.APPLICATION_JSON)
			.body(JSON.writeValueAsString(body(message))));
		if (!answer.ok()) {
			JsonNode error = answer.json().path("error");
			int code = error.path("code").asInt(0);
			boolean retryable = answer.retryable() || RETRYABLE.contains(code);
			String text = "WhatsApp answered %d: %d %s".formatted(answer.status(), code,
					error.path("message").asString("no error message"));
			log.warn("WhatsApp refused message {}: {}", message.messageId(), text);
			throw new ProviderException(text, retryable);
		}
		String id = answer.json().path("messages").path(0).path("id").asString("");
		if (id.isEmpty()) {
			// it may have been taken: sending it again could send it twice
			throw new ProviderException("WhatsApp answered " + answer.status() + " without a message id", false);
		}
		return new Handover(id, MessageStatus.SENT);
	}

	/** The message as the Cloud API takes it. */
	static Map<String, Object> body(Outgoing message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("messaging_product", "whatsapp");
		body.put("recipient_type", "individual");
		body.put("to", message.to());
		Outgoing.WhatsAppTemplate template = message.whatsApp();
		if (template == null) {
			body.put("type", "text");
			body.put("text", Map.of("preview_url", false, "body", message.body()));
			return body;
		}
		Map<String, Object> content = new LinkedHashMap<>();
		content.put("name", template.name());
		content.put("language", Map.of("code", template.languageCode()));
		if (!template.parameters().isEmpty()) {
			List<Map<String, String>> parameters = template.parameters()
				.stream()
				.map((text) -> Map.of("type", "text", "text", text))
				.toList();
			content.put("components", List.of(Map.of("type", "body", "parameters", parameters)));
		}
		body.put("type", "template");
		body.put("template", content);
		return body;
	}

}
