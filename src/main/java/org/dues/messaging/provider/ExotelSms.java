package org.dues.messaging.provider;

import org.dues.compliance.Channel;
import org.dues.contact.ClearedContact;
import org.dues.messaging.MessageStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * SMS to Indian numbers through Exotel's SMS API, which carries the DLT registration TRAI
 * requires: {@code POST /v1/Accounts/{sid}/Sms/send.json}, form-encoded {@code From} (the
 * DLT header), {@code To}, {@code Body}, {@code DltEntityId}, {@code DltTemplateId},
 * {@code SmsType=transactional}, {@code EncodingType} ({@code unicode} for Hindi or
 * Malayalam), {@code CustomField} (our message id) and {@code StatusCallback} (Dues's
 * {@code /webhooks/exotel/sms-status} with its secret token), with HTTP Basic of the API
 * key and token. The answer's {@code SMSMessage.Sid} is the provider id. A message
 * without its DLT registration is refused here, since operators drop it. Made only when
 * {@code DUES_EXOTEL_SID}, {@code DUES_EXOTEL_API_KEY} and {@code DUES_EXOTEL_API_TOKEN}
 * are set.
 */
@Component
@ConditionalOnSet({ "dues.exotel.sid", "dues.exotel.api-key", "dues.exotel.api-token" })
@EnableConfigurationProperties(ExotelProperties.class)
public class ExotelSms implements MessageProvider {

	static final String NAME = "exotel";

	private static final Logger log = LoggerFactory.getLogger(ExotelSms.class);

	private final ExotelProperties properties;

	private final ExotelCallbacks callbacks;

	private final RestClient http;

	ExotelSms(ExotelProperties properties, ExotelCallbacks callbacks) {
		this.properties = properties;
		this.callbacks = callbacks;
		this.http = ProviderHttp.client(properties.api(), properties.connectTimeout(), properties.readTimeout());
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Channel channel() {
		return Channel.SMS;
	}

	/** Indian numbers (+91). */
	@Override
	public boolean serves(Route route) {
		return route.address().startsWith("+91");
	}

	@Override
	public Handover send(ClearedContact cleared, Outgoing message) {
		Cleared.check(cleared, message);
		return handOver(message);
	}

	/** The request itself, for a message the gate cleared. */
	Handover handOver(Outgoing message) {
		Outgoing.Dlt dlt = message.dlt();
		if (dlt == null || dlt.entityId().isBlank() || dlt.header().isBlank() || dlt.templateId().isBlank()) {
			throw new ProviderException("an Indian SMS needs its DLT entity id, header and template id", false);
		}
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("From", dlt.header());
		form.add("To", message.to());
		form.add("Body", message.body());
		form.add("EncodingType", Gsm7.encodes(message.body()) ? "plain" : "unicode");
		form.add("DltEntityId", dlt.entityId());
		form.add("DltTemplateId", dlt.templateId());
		form.add("SmsType", "transactional");
		form.add("CustomField", message.messageId().toString());
		form.add("StatusCallback", this.callbacks.statusUrl());
		ProviderHttp.Answer answer = ProviderHttp.exchange(NAME,
				this.http.post()
					.uri("/v1/Accounts/{sid}/Sms/send.json", this.properties.sid())
					.headers((headers) -> headers.setBasicAuth(this.properties.apiKey(), this.properties.apiToken()))
					.header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
					.contentType(MediaType.APPLICATION_FORM_URLENCODED)
					.body(form));
		if (!answer.ok()) {
			ProviderException refusal = answer.refusal(NAME, ExotelSms::describe);
			log.warn("Exotel refused message {}: {}", message.messageId(), refusal.getMessage());
			throw refusal;
		}
		JsonNode sms = answer.json().path("SMSMessage");
		String sid = sms.path("Sid").asString("");
		if (sid.isEmpty()) {
			// it may have been taken: sending it again could send it twice
			throw new ProviderException("Exotel answered " + answer.status() + " without an SMS Sid", false);
		}
		log.debug("Exotel took message {} as {} ({})", message.messageId(), sid, sms.path("Status").asString(""));
		return new Handover(sid, MessageStatus.SENT);
	}

	/** Exotel's error: {@code RestException.Message}. */
	static String describe(JsonNode answer) {
		String text = answer.path("RestException").path("Message").asString("");
		return text.isEmpty() ? "no error message" : text;
	}

}
