package org.dues.telephony.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.dues.shared.NotFoundException;
import org.dues.telephony.InboundCalls;
import org.dues.telephony.TelephonyProvider;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The simulated carrier's call-in, for the demo and tests: a call comes in from the
 * number as a real provider's webhook would bring it (found by the number, queued, given
 * to a ready agent who speaks the caller's language and may see the account, popped on
 * their desk). Administrators only, and only while no real provider is configured (404
 * otherwise).
 */
@RestController
@Tag(name = "Telephony")
class SimulatedInboundApi {

	private final InboundCalls inbound;

	private final boolean simulated;

	private final String simulatedNumber;

	SimulatedInboundApi(InboundCalls inbound, List<TelephonyProvider> providers,
			@Value("${dues.telephony.simulated.caller-id:+15550100000}") String simulatedNumber) {
		this.inbound = inbound;
		this.simulated = providers.stream().allMatch((p) -> "simulated".equals(p.name()));
		this.simulatedNumber = simulatedNumber;
	}

	@PostMapping("/api/v1/telephony/simulated/inbound")
	@Operation(summary = "Call in through the simulated carrier (administrators, demo)",
			description = "`from`: the calling number in any common form. 201 with the call: `status` WAITING "
					+ "(with `position` among callers of the same language) or CONNECTED (with `agent`), the accounts "
					+ "the number matched and the recording disclosure played first")
	ResponseEntity<InboundCalls.Arrival> callIn(@Valid @RequestBody CallIn request) {
		if (!this.simulated) {
			throw new NotFoundException("simulated carrier", "off");
		}
		return ResponseEntity.status(201)
			.body(this.inbound.arrive("simulated", "SIMIN-" + UUID.randomUUID(), request.from().strip(),
					this.simulatedNumber));
	}

	/** A call-in. */
	record CallIn(@NotBlank @Size(max = 32) String from) {
	}

}
