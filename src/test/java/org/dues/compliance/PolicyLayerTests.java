package org.dues.compliance;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.dues.compliance.ContactPolicy.Action;
import org.dues.compliance.ContactPolicy.CallFrequency;
import org.dues.compliance.ContactPolicy.HoldEffect;
import org.dues.compliance.ContactPolicy.Layer;
import org.dues.compliance.ContactPolicy.Window;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PolicyLayerTests {

	private static Layer layer(Map<Channel, Window> hours, CallFrequency frequency, Map<HoldType, HoldEffect> holds,
			Boolean consent) {
		return new Layer(null, 2, LocalDate.parse("2026-01-01"), hours, consent, null, frequency, List.of(), holds,
				null);
	}

	private static Window window(String from, String to) {
		return new Window(LocalTime.parse(from), LocalTime.parse(to));
	}

	@Test
	void aCreditorMayNarrowHoursAndLowerLimits() {
		ContactPolicy strict = TestPolicies.us()
			.tightenedBy(layer(Map.of(Channel.CALL, window("09:00", "20:00")), new CallFrequency(5, 7, 7, 7),
					Map.of(HoldType.COMPLAINT, new HoldEffect(Action.BLOCK, true, false)), false));
		assertThat(strict.hours().get(Channel.CALL)).isEqualTo(window("09:00", "20:00"));
		assertThat(strict.hours().get(Channel.SMS)).isEqualTo(window("08:00", "21:00"));
		assertThat(strict.code()).isEqualTo("US+creditor-v2");
		assertThat(strict.version()).as("the base version; the code names the layer").isEqualTo(1);
		assertThat(Contacts.call("2026-06-02T08:30").under(strict).allowed()).isFalse();
		assertThat(Contacts.call("2026-06-07T12:00")
			.after(Contacts.dailyCalls("2026-06-01", 5, ContactResult.NO_ANSWER, "A"))
			.under(strict)
			.allowed()).isFalse();
	}

	@Test
	void noLayerMayLoosenAPolicy() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TestPolicies.us()
				.tightenedBy(layer(Map.of(Channel.CALL, window("07:00", "21:00")), null, Map.of(), null)))
			.withMessageContaining("wider");
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> TestPolicies.us().tightenedBy(layer(Map.of(), new CallFrequency(8, 7, 7, 7), Map.of(), null)))
			.withMessageContaining("looser");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TestPolicies.india()
				.tightenedBy(layer(Map.of(), null, Map.of(HoldType.COMPLAINT, new HoldEffect(Action.WARN, true, true)),
						null)))
			.withMessageContaining("looser");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TestPolicies.india().tightenedBy(layer(Map.of(), null, Map.of(), true)))
			.withMessageContaining("consent");
		assertThatIllegalArgumentException().isThrownBy(() -> TestPolicies.us()
			.tightenedBy(new Layer(null, 2, LocalDate.parse("2026-01-01"), Map.of(), null, Duration.ofHours(5), null,
					List.of(), Map.of(), null)));
	}

	@Test
	void layersMeetingAtDecisionTimeTakeTheStricterOfEach() {
		ContactPolicy combined = TestPolicies.us()
			.combinedWith(layer(Map.of(Channel.CALL, window("09:00", "22:00")), new CallFrequency(9, 5, 7, 7),
					Map.of(HoldType.COMPLAINT, new HoldEffect(Action.BLOCK, true, true)), true))
			.combinedWith(layer(Map.of(Channel.CALL, window("06:00", "20:00")), null, Map.of(), null));
		assertThat(combined.hours().get(Channel.CALL)).isEqualTo(window("09:00", "20:00"));
		assertThat(combined.callFrequency()).isEqualTo(new CallFrequency(7, 7, 7, 7));
		assertThat(combined.holds().get(HoldType.COMPLAINT)).isEqualTo(new HoldEffect(Action.BLOCK, true, true));
		ContactPolicy closed = TestPolicies.us()
			.combinedWith(layer(Map.of(Channel.VISIT, window("06:00", "07:00")), null, Map.of(), null));
		assertThat(Contacts.contact(Channel.VISIT, "2026-06-02T12:00").under(closed).allowed()).isFalse();
		assertThat(ContactDecider.nextOpening(closed, Contacts.contact(Channel.VISIT, "2026-06-02T12:00").facts()))
			.isEmpty();
	}

}
