package org.dues.telephony.provider;

import java.util.Objects;

import org.dues.contact.ClearedContact;
import org.dues.telephony.CallRequest;
import org.dues.telephony.CallView;
import org.dues.telephony.CallbackAddress;
import org.dues.telephony.TelephonyException;
import org.dues.telephony.TelephonyProperties;
import org.dues.telephony.TelephonyProvider;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
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
 *
 * <p>
 * A campaign's call ({@link CallRequest#awaitsAgent()}) has no agent when it is placed.
 * With the campaign flow set ({@code DUES_EXOTEL_VOICE_CAMPAIGN_FLOW}, the flow's app id)
 * and the flow URLs' secret ({@code DUES_EXOTEL_VOICE_INBOUND_TOKEN}), it goes through
 * the other form of the same API: {@code From} the customer, {@code Url} the flow
 * ({@code http://my.exotel.com/{sid}/exoml/start_voice/{app_id}}) and no {@code To}. The
 * customer is called first; once they answer, the flow's Connect applet asks its dynamic
 * URL ({@link ExotelDialerWebhooks}), which waits for the agent the dialer claims at that
 * moment, or makes the call an abandon, so {@link #bridge} and {@link #abandon} ask
 * nothing more of Exotel. Exotel detects no answering machine before the Connect applet:
 * the answer is taken as a person's.
 */
@Component
@ConditionalOnExpression("'${dues.telephony.exotel.sid:}' != '' and '${dues.telephony.exotel.api-key:}' != '' and '${dues.telephony.exotel.api-token:}' != '' and '${dues.telephony.exotel.caller-id:}' != ''")
public class ExotelVoice implements TelephonyProvider {

	static final String NAME = "exotel";

	static final String STATUS = "/webhooks/telephony/exotel/status";

	private final TelephonyProperties.Exotel properties;

	private final CallbackAddress address;

	private final RestClient http;

	private final String campaignFlow;

	private final String flowToken;

	@Autowired
	ExotelVoice(TelephonyProperties properties, CallbackAddress address,
			@Value("${dues.telephony.exotel.campaign-flow:}") String campaignFlow,
			@Value("${dues.telephony.exotel.inbound-token:}") String flowToken) {
		this.properties = properties.exotel();
		this.address = address;
		this.http = VoiceHttp.client(this.properties.api(), this.properties.connectTimeout(),
				this.properties.readTimeout());
		this.campaignFlow = campaignFlow.strip();
		this.flowToken = flowToken.strip();
	}

	/** Without a campaign flow: a campaign's numbers are left to preview. */
	ExotelVoice(TelephonyProperties properties, CallbackAddress address) {
		this(properties, address, "", "");
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
		return call.awaitsAgent() ? placeToFlow(call) : place(call);
	}

	/**
	 * A dialer's call goes through the campaign flow when it is set (and the secret its
	 * Connect applet's URL carries): the customer is called first and the agent the
	 * dialer claims at the answer is named to the Connect applet.
	 */
	@Override
	public boolean bridgesAtAnswer() {
		return !this.campaignFlow.isEmpty() && !this.flowToken.isEmpty();
	}

	/**
	 * Nothing to ask of Exotel: the Connect applet's request is waiting for this decision
	 * and answers it with the agent's number.
	 */
	@Override
	public void bridge(CallView call, String agent) {
	}

	/**
	 * Nothing to ask of Exotel: the Connect applet's request is waiting for this decision
	 * and answers it with nobody to dial, and the flow plays the message.
	 */
	@Override
	public void abandon(CallView call) {
	}

	/**
	 * A campaign's call: the customer ({@code From}) connected to the campaign flow
	 * ({@code Url}), as Exotel documents "connect a number to a call flow".
	 */
	String placeToFlow(CallRequest call) {
		if (!bridgesAtAnswer()) {
			throw new TelephonyException("Exotel has no campaign flow to connect a campaign's call to", false);
		}
		String sid = Objects.requireNonNull(this.properties.sid()).strip();
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("From", call.customerNumber());
		form.add("CallerId", call.callerId());
		form.add("Url", flowUrl(sid));
		form.add("CallType", "trans");
		form.add("TimeOut", Integer.toString(call.ringTimeoutSeconds()));
		form.add("TimeLimit", Integer.toString(call.timeLimitSeconds()));
		form.add("CustomField", call.callId().toString());
		form.add("StatusCallback", statusUrl(call));
		form.add("StatusCallbackEvents[0]", "terminal");
		form.add("StatusCallbackEvents[1]", "answered");
		form.add("StatusCallbackContentType", "application/json");
		return connect(sid, form);
	}

	/**
	 * The flow's URL: {@code http://my.exotel.com/{sid}/exoml/start_voice/{app_id}}, or
	 * the setting itself when it is a whole URL.
	 */
	String flowUrl(String sid) {
		if (this.campaignFlow.contains("://")) {
			return this.campaignFlow;
		}
		return "http://my.exotel.com/" + sid + "/exoml/start_voice/" + this.campaignFlow;
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
		return connect(Objects.requireNonNull(this.properties.sid()).strip(), form);
	}

	private String connect(String sid, MultiValueMap<String, String> form) {
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
