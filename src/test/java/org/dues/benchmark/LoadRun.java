package org.dues.benchmark;

import java.time.Duration;
import java.util.List;

/**
 * What the load test hands to its Gatling simulation, which Gatling creates by class name
 * in the same JVM: where the server is, who the agents are, how long each phase lasts,
 * and where to record handovers and server timings.
 */
record LoadRun(String baseUrl, List<String> agents, String password, Duration warmUp, Duration baseline,
		Duration duration, Phones phones, Handovers handovers, ServerTimings timings) {

	private static volatile LoadRun current;

	static void set(LoadRun run) {
		current = run;
	}

	static LoadRun current() {
		LoadRun run = current;
		if (run == null) {
			throw new IllegalStateException("AgentSimulation runs inside NextAccountLoadBenchmark");
		}
		return run;
	}

}
