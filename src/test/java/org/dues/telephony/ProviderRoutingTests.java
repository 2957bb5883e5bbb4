package org.dues.telephony;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.dues.contact.ClearedContact;
import org.dues.shared.ConflictException;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Which provider places a call: a configured one that serves the number (Twilio outside
 * India, Exotel for +91), the simulated carrier only when no provider is configured.
 */
class ProviderRoutingTests {

	record Provider(String name, String prefix, boolean everywhere) implements TelephonyProvider {

		@Override
		public String callerId() {
			return "+15550100000";
		}

		@Override
		public boolean serves(String customerNumber) {
			return this.everywhere ? !customerNumber.startsWith("+91") : customerNumber.startsWith(this.prefix);
		}

		@Override
		public String originate(ClearedContact cleared, CallRequest call) {
			throw new UnsupportedOperationException();
		}

	}

	static final Provider TWILIO = new Provider("twilio", "+", true);

	static final Provider EXOTEL = new Provider("exotel", "+91", false);

	static final Provider SIMULATED = new Provider("simulated", "+", false);

	static TelephonyCalls calls(TelephonyProvider... providers) {
		TelephonyProperties properties = new TelephonyProperties(
				new TelephonyProperties.Twilio(null, null, null, "https://api.twilio.com", Duration.ofSeconds(1),
						Duration.ofSeconds(1)),
				new TelephonyProperties.Exotel(null, null, null, null, null, null, Duration.ofSeconds(1),
						Duration.ofSeconds(1)),
				new TelephonyProperties.Simulated(23, 1, "+15550100000"), 30, 3600);
		return new TelephonyCalls(null, null, null, List.of(providers), new DataSourceTransactionManager(), properties,
				Clock.systemUTC(), null);
	}

	@Test
	void eachNumberGoesToTheConfiguredProviderThatServesIt() {
		TelephonyCalls calls = calls(SIMULATED, TWILIO, EXOTEL);

		assertThat(calls.provider("+12127361234")).isEqualTo(TWILIO);
		assertThat(calls.provider("+447700900123")).isEqualTo(TWILIO);
		assertThat(calls.provider("+919847012345")).isEqualTo(EXOTEL);
	}

	@Test
	void aNumberNoConfiguredProviderServesIsRefusedNotSimulated() {
		TelephonyCalls calls = calls(SIMULATED, TWILIO);

		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> calls.provider("+919847012345"))
			.withMessageContaining("+919847012345");
	}

	@Test
	void withNoProviderConfiguredTheSimulatedCarrierTakesEveryCall() {
		TelephonyCalls calls = calls(SIMULATED);

		assertThat(calls.provider("+919847012345")).isEqualTo(SIMULATED);
		assertThat(calls.provider("+12127361234")).isEqualTo(SIMULATED);
	}

	@Test
	void anEndedCallsResultIsWhatTheAttemptRecords() {
		assertThat(CallEvents.result(CallEvent.EndCause.COMPLETED, true, "HUMAN"))
			.isEqualTo(org.dues.compliance.ContactResult.CONVERSATION);
		assertThat(CallEvents.result(CallEvent.EndCause.COMPLETED, false, "MACHINE"))
			.isEqualTo(org.dues.compliance.ContactResult.VOICEMAIL);
		assertThat(CallEvents.result(CallEvent.EndCause.COMPLETED, false, "HUMAN"))
			.isEqualTo(org.dues.compliance.ContactResult.ANSWERED_DROPPED);
		assertThat(CallEvents.result(CallEvent.EndCause.BUSY, false, null))
			.isEqualTo(org.dues.compliance.ContactResult.BUSY);
		assertThat(CallEvents.result(CallEvent.EndCause.CANCELED, false, null))
			.isEqualTo(org.dues.compliance.ContactResult.NO_ANSWER);
		assertThat(CallEvents.result(CallEvent.EndCause.FAILED, false, null))
			.isEqualTo(org.dues.compliance.ContactResult.FAILED);
	}

}
