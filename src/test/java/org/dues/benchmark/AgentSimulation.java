package org.dues.benchmark;

import java.time.Duration;
import java.util.Map;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * The agents, all at once, each as its own user with its own connection, through three
 * phases that start together (a rendezvous between them): warm-up (next account and an
 * outcome, in a loop), baseline (the trivial authenticated request, in a loop) and the
 * measured phase (next account and an outcome again). Created by Gatling, inside
 * {@link NextAccountLoadBenchmark}.
 */
public class AgentSimulation extends Simulation {

	public AgentSimulation() {
		LoadRun run = LoadRun.current();
		int agents = run.agents().size();
		ScenarioBuilder scenario = scenario("agents")
			.feed(listFeeder(run.agents()
				.stream()
				.map((a) -> Map.<String, Object>of("agent", a, "password", run.password()))
				.toList()))
			.exec(phase(run, "warm-up"))
			.during(run.warmUp())
			.on(AgentActions.work("warm-up", run))
			.rendezVous(agents)
			.exec(phase(run, "baseline"))
			.during(run.baseline())
			.on(exec(AgentActions.baseline("baseline")))
			.rendezVous(agents)
			// -Dload.stagger=N: agents begin the measured phase within N seconds of each
			// other, as a shift's agents do, instead of all in the same instant
			.pause(Duration.ZERO, Duration.ofSeconds(Long.getLong("load.stagger", 0)))
			.exec(phase(run, AgentActions.MEASURED))
			.during(run.duration())
			.on(AgentActions.work(AgentActions.MEASURED, run))
			.exec(phase(run, "finished"));
		Duration limit = run.warmUp().plus(run.baseline()).plus(run.duration()).plus(Duration.ofMinutes(5));
		setUp(scenario.injectOpen(atOnceUsers(agents)))
			.protocols(http.baseUrl(run.baseUrl()).acceptHeader("application/json").disableWarmUp())
			.maxDuration(limit);
	}

	private static ChainBuilder phase(LoadRun run, String name) {
		return exec((session) -> {
			run.timings().enter(name);
			return session;
		});
	}

}
