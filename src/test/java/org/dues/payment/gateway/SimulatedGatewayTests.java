package org.dues.payment.gateway;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatedGatewayTests {

	@Test
	void theShareOfFailuresFollowsFromTheCheckoutIdAndIsAsConfigured() {
		SimulatedGateway tenPercent = new SimulatedGateway(null, Duration.ofSeconds(1), 0.1);
		SimulatedGateway none = new SimulatedGateway(null, Duration.ofSeconds(1), 0);

		long failing = IntStream.range(0, 10_000).filter((i) -> tenPercent.fails("sim_" + i)).count();

		assertThat(failing).isBetween(800L, 1200L);
		assertThat(tenPercent.fails("sim_42")).isEqualTo(tenPercent.fails("sim_42"));
		assertThat(IntStream.range(0, 1000).noneMatch((i) -> none.fails("sim_" + i))).isTrue();
	}

}
