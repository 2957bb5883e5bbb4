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

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Calls in the US and the UK through Twilio Voice: {@code POST
 * /2010-04-01/Accounts/{AccountSid}/Calls.json}, form-encoded, HTTP Basic of the account
 * SID and auth token.
 *
 * <p>
 * The customer's leg is called first ({@code To}, with {@code From} the caller id) with
 * synchronous answering-machine detection ({@code MachineDetection=Enable}): Twilio
 * fetches the call's TwiML ({@code Url}, Dues's
 * {@code /webhooks/telephony/twilio/answer}) only once it knows who answered, so a
 * machine is hung up on and a person hears the recording disclosure ({@code <Say>}) and
 * is then bridged to the agent ({@code <Dial><Number>}). Calling the customer first is
 * what a dialer does: no agent waits through rings, busy lines and machines. Status
 * callbacks ({@code StatusCallbackEvent} initiated, ringing, answered, completed) and,
 * for a recorded call ({@code Record=true}, from the answer, so the disclosure is on it),
 * the recording callback come back to {@code /webhooks/telephony/twilio/status} and
 * {@code /recording}, each with {@code ?call=} Dues's id, verified by
 * {@code X-Twilio-Signature}.
 *
 * <p>
 * A campaign's call has no agent when it is placed: the answer's TwiML request waits for
 * the dialer to claim one ({@link org.dues.telephony.DialerAnswers}, two seconds at most)
 * and dials them, or plays the message identifying the caller and hangs up, so
 * {@link #bridge} and {@link #abandon} ask nothing more of Twilio.
 */
@Component
@ConditionalOnExpression("'${dues.telephony.twilio.account-sid:}' != '' and '${dues.telephony.twilio.auth-token:}' != '' and '${dues.telephony.twilio.caller-id:}' != ''")
public class TwilioVoice implements TelephonyProvider {

	static final String NAME = "twilio";

	static final String ANSWER = "/webhooks/telephony/twilio/answer";

	static final String STATUS = "/webhooks/telephony/twilio/status";

	static final String RECORDING = "/webhooks/telephony/twilio/recording";

	private final TelephonyProperties.Twilio properties;

	private final CallbackAddress address;

	private final RestClient http;

	TwilioVoice(TelephonyProperties properties, CallbackAddress address) {
		this.properties = properties.twilio();
		this.address = address;
		this.http = VoiceHttp.client(this.properties.baseUrl(), this.properties.connectTimeout(),
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

	/** Every number but India's, whose calls go through Exotel. */
	@Override
	public boolean serves(String customerNumber) {
		return customerNumber.startsWith("+") && !customerNumber.startsWith("+91");
	}

	@Override
	public String originate(ClearedContact cleared, CallRequest call) {
		if (!call.customerNumber().equals(cleared.address())) {
			throw new IllegalArgumentException("the call is not to the number the gate cleared");
		}
		return place(call);
	}

	/**
	 * A dialer's call: the customer's leg is placed alone, and the TwiML Twilio asks for
	 * once it knows a person answered bridges the agent the dialer found, or plays the
	 * abandon message ({@link TwilioVoiceWebhooks},
	 * {@link org.dues.telephony.DialerAnswers}).
	 */
	@Override
	public boolean bridgesAtAnswer() {
		return true;
	}

	/**
	 * Nothing to ask of Twilio: the answered call's TwiML request is waiting for this
	 * decision and answers it with {@code <Dial>} to the agent.
	 */
	@Override
	public void bridge(CallView call, String agent) {
	}

	/**
	 * Nothing to ask of Twilio: the answered call's TwiML request is waiting for this
	 * decision and answers it with the message ({@code <Say>}) and {@code <Hangup/>}.
	 */
	@Override
	public void abandon(CallView call) {
	}

	/** The request itself, for a call the gate cleared. */
	String place(CallRequest call) {
		String sid = sid();
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("To", call.customerNumber());
		form.add("From", call.callerId());
		form.add("Url", this.address.of(ANSWER) + "?call=" + call.callId());
		form.add("Method", "POST");
		form.add("StatusCallback", this.address.of(STATUS) + "?call=" + call.callId());
		form.add("StatusCallbackMethod", "POST");
		for (String event : new String[] { "initiated", "ringing", "answered", "completed" }) {
			form.add("StatusCallbackEvent", event);
		}
		if (call.machineDetection()) {
			form.add("MachineDetection", "Enable");
		}
		form.add("Timeout", Integer.toString(call.ringTimeoutSeconds()));
		form.add("TimeLimit", Integer.toString(call.timeLimitSeconds()));
		if (call.recorded()) {
			form.add("Record", "true");
			form.add("RecordingChannels", "dual");
			form.add("RecordingStatusCallback", this.address.of(RECORDING) + "?call=" + call.callId());
			form.add("RecordingStatusCallbackEvent", "completed");
		}
		VoiceHttp.Answer answer = VoiceHttp.exchange(NAME,
				this.http.post()
					.uri("/2010-04-01/Accounts/{sid}/Calls.json", sid)
					.headers((headers) -> headers.setBasicAuth(sid, token()))
					.header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
					.contentType(MediaType.APPLICATION_FORM_URLENCODED)
					.body(form));
		if (!answer.ok()) {
			JsonNode error = answer.json();
			throw answer.refusal(NAME,
					(error.path("code").asString("") + " " + error.path("message").asString("no error message"))
						.strip());
		}
		String callSid = answer.json().path("sid").asString("");
		if (callSid.isEmpty()) {
			throw new TelephonyException("Twilio answered " + answer.status() + " without a call SID", false);
		}
		return callSid;
	}

	String sid() {
		return Objects.requireNonNull(this.properties.accountSid()).strip();
	}

	String token() {
		return Objects.requireNonNull(this.properties.authToken()).strip();
	}

}
