package org.dues.messaging.provider;

import java.util.Objects;

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
 * SMS to the US, the UK and other countries but India through Twilio's Messages API:
 * {@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json}, form-encoded {@code To},
 * {@code From} (or {@code MessagingServiceSid}), {@code Body} and {@code StatusCallback}
 * (Dues's {@code /webhooks/twilio/status}), with HTTP Basic of the account SID and auth
 * token. The answer's {@code sid} is the provider id. A 4xx (21211, an invalid number;
 * 21610, a number that replied STOP) is a refusal that will not change; a 429, a 5xx or
 * no answer in time is tried again. Made only when {@code DUES_TWILIO_ACCOUNT_SID} and
 * {@code DUES_TWILIO_AUTH_TOKEN} are set.
 */
@Component
@ConditionalOnSet({ "dues.twilio.account-sid", "dues.twilio.auth-token" })
@EnableConfigurationProperties(TwilioProperties.class)
public class TwilioSms implements MessageProvider {

	static final String NAME = "twilio";

	private static final Logger log = LoggerFactory.getLogger(TwilioSms.class);

	private final TwilioProperties properties;

	private final PublicUrl publicUrl;

	private final RestClient http;

	TwilioSms(TwilioProperties properties, PublicUrl publicUrl) {
		// a Twilio without a sender would fail every message it is routed: refuse to
		// start
		TwilioProperties.required(properties.from(), "DUES_TWILIO_FROM (with DUES_TWILIO_ACCOUNT_SID set)");
		this.properties = properties;
		this.publicUrl = publicUrl;
		this.http = ProviderHttp.client(properties.baseUrl(), properties.connectTimeout(), properties.readTimeout());
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Channel channel() {
		return Channel.SMS;
	}

	/**
	 * Phone numbers of every country but India, whose SMS must go through a DLT gateway.
	 */
	@Override
	public boolean serves(Route route) {
		return route.address().startsWith("+") && !route.address().startsWith("+91")
				&& !"IN".equalsIgnoreCase(route.country());
	}

	@Override
	public Handover send(ClearedContact cleared, Outgoing message) {
		Cleared.check(cleared, message);
		return handOver(message);
	}

	/** The request itself, for a message the gate cleared. */
	Handover handOver(Outgoing message) {
		String from = Objects.requireNonNullElse(this.properties.from(), "").strip();
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("To", message.to());
		form.add(from.startsWith("MG") ? "MessagingServiceSid" : "From", from);
		form.add("Body", message.body());
		form.add("StatusCallback", this.publicUrl.of(TwilioWebhooks.STATUS));
		ProviderHttp.Answer answer = ProviderHttp.exchange(NAME,
				this.http.post()
					.uri("/2010-04-01/Accounts/{sid}/Messages.json", this.properties.sid())
					.headers((headers) -> headers.setBasicAuth(this.properties.sid(), this.properties.token()))
					.header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
					.contentType(MediaType.APPLICATION_FORM_URLENCODED)
					.body(form));
		if (!answer.ok()) {
			ProviderException refusal = answer.refusal(NAME, TwilioSms::describe);
			log.warn("Twilio refused message {}: {}", message.messageId(), refusal.getMessage());
			throw refusal;
		}
		JsonNode json = answer.json();
		String sid = json.path("sid").asString("");
		if (sid.isEmpty()) {
			// it may have been taken: sending it again could send it twice
			throw new ProviderException("Twilio answered " + answer.status() + " without a message SID", false);
		}
		log.debug("Twilio took message {} as {} ({})", message.messageId(), sid, json.path("status").asString(""));
		return new Handover(sid, MessageStatus.SENT);
	}

	/** Twilio's error: its code and message ({@code 21211 Invalid 'To' Phone Number}). */
	static String describe(JsonNode error) {
		String code = error.path("code").asString("");
		String text = error.path("message").asString("");
		return (code.isEmpty() ? "" : code + " ") + (text.isEmpty() ? "no error message" : text);
	}

}
