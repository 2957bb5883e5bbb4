package org.dues.telephony.provider;

import java.util.Objects;

import org.dues.contact.ClearedContact;
import org.dues.telephony.CallRequest;
import org.dues.telephony.CallbackAddress;
import org.dues.telephony.TelephonyException;
import org.dues.telephony.TelephonyProperties;
import org.dues.telephony.TelephonyProvider;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Calls in India through Exotel's call-connect API: {@code POST
 * /v1/Accounts/{sid}/Calls/connect.json} (the {@code .json} asks for a JSON answer),
 * form-encoded, HTTP Basic of the API key and token, on the account's cluster
 * ({@code api.exotel.com} or {@code api.in.exotel.com}, or any base URL).
 *
 * <p>
 * Exotel calls {@code From} first and, once it is answered, {@code To}, bridging the two:
 * here {@code From} is the agent and {@code To} the customer, so the customer never waits
 * for an agent (no abandoned call). {@code CallerId} is the ExoPhone,
 * {@code CallType=trans}, {@code TimeOut} the ring timeout of each leg, {@code TimeLimit}
 * the call's, {@code Record} (dual channel) when the call is recorded,
 * {@code CustomField} Dues's call id, and {@code StatusCallback} Dues's
 * {@code /webhooks/telephony/exotel/status?call=…&token=…} for the {@code answered} and
 * {@code terminal} events as JSON. Exotel signs no callback: the URL carries the call's
 * own unguessable token (128 random bits), which the webhook compares.
 *
 * <p>
 * The connect API plays nothing to the customer before the bridge, so a recording
 * disclosure is read by the agent (the desk shows it) and is on the recording.
 */
@Component
@ConditionalOnExpression("'${dues.telephony.exotel.sid:}' != '' and '${dues.telephony.exotel.api-key:}' != '' and '${dues.telephony.exotel.api-token:}' != '' and '${dues.telephony.exotel.caller-id:}' != ''")
public class ExotelVoice implements TelephonyProvider {

	static final String NAME = "exotel";

	static final String STATUS = "/webhooks/telephony/exotel/status";

	private final TelephonyProperties.Exotel properties;

	private final CallbackAddress address;

	private final RestClient http;

	ExotelVoice(TelephonyProperties properties, CallbackAddress address) {
		this.properties = properties.exotel();
		this.address = address;
		this.http = VoiceHttp.client(this.properties.api(), this.properties.connectTimeout(),
				this.properties.readTimeout());
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String callerId() {
		return Objects.requireNonNull(this.properties.callerId()).strip();
	}

	/** Indian numbers (+91). */
	@Override
	public boolean serves(String customerNumber) {
		return customerNumber.startsWith("+91");
	}

	@Override
	public String originate(ClearedContact cleared, CallRequest call) {
		if (!call.customerNumber().equals(cleared.address())) {
			throw new IllegalArgumentException("the call is not to the number the gate cleared");
		}
		return place(call);
	}

	/** The request itself, for a call the gate cleared. */
	String place(CallRequest call) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("From", call.agentNumber());
		form.add("To", call.customerNumber());
		form.add("CallerId", call.callerId());
		form.add("CallType", "trans");
		form.add("TimeOut", Integer.toString(call.ringTimeoutSeconds()));
		form.add("TimeLimit", Integer.toString(call.timeLimitSeconds()));
		form.add("Record", Boolean.toString(call.recorded()));
		if (call.recorded()) {
			form.add("RecordingChannels", "dual");
		}
		form.add("CustomField", call.callId().toString());
		form.add("StatusCallback", statusUrl(call));
		form.add("StatusCallbackEvents[0]", "terminal");
		form.add("StatusCallbackEvents[1]", "answered");
		form.add("StatusCallbackContentType", "application/json");
		String sid = Objects.requireNonNull(this.properties.sid()).strip();
		VoiceHttp.Answer answer = VoiceHttp.exchange(NAME,
				this.http.post()
					.uri("/v1/Accounts/{sid}/Calls/connect.json", sid)
					.headers((headers) -> headers.setBasicAuth(Objects.requireNonNull(this.properties.apiKey()).strip(),
							Objects.requireNonNull(this.properties.apiToken()).strip()))
					.header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
					.contentType(MediaType.APPLICATION_FORM_URLENCODED)
					.body(form));
		if (!answer.ok()) {
			throw answer.refusal(NAME,
					answer.json().path("RestException").path("Message").asString("no error message"));
		}
		JsonNode exotelCall = answer.json().path("Call");
		String callSid = exotelCall.path("Sid").asString("");
		if (callSid.isEmpty()) {
			throw new TelephonyException("Exotel answered " + answer.status() + " without a call Sid", false);
		}
		return callSid;
	}

	String statusUrl(CallRequest call) {
		return this.address.of(STATUS) + "?call=" + call.callId() + "&token=" + call.callbackToken();
	}

}
