package org.dues.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One run's figures as text: the client's view from Gatling (the measured phase, and the
 * baseline phase for the trivial request), the server's own time with and without the
 * password check, and the handover checks.
 */
final class LoadReport {

	private final List<String> lines = new ArrayList<>();

	LoadReport(String title, GatlingReport client, ServerTimings server, Handovers handovers, int strangers) {
		double measured = server.seconds(AgentActions.MEASURED, "finished");
		double baseline = server.seconds("baseline", AgentActions.MEASURED);
		this.lines.add("--- " + title + " ---");
		this.lines.add("client (Gatling), ms: %-34s %8s %6s %7s %7s %7s %7s %7s %7s".formatted("", "requests", "errors",
				"per s", "p50", "p95", "p99", "p99.9", "max"));
		this.lines.add(client(client, AgentActions.NEXT, measured));
		this.lines.add(client(client, AgentActions.OUTCOME, measured));
		this.lines.add(client(client, AgentActions.name("baseline", AgentActions.BASELINE), baseline));
		long errors = client.rows().values().stream().mapToLong(GatlingReport.Row::ko).sum();
		this.lines.add("errors in all phases (warm-up included): " + errors);
		this.lines.add("server, ms: %-34s %8s %9s %9s | %9s %9s %9s".formatted("", "requests", "whole p50", "p99",
				"authd p50", "p99", "max"));
		Map<ServerTimings.Endpoint, ServerTimings.Timings> timings = server.all();
		this.lines.add(server(timings, AgentActions.MEASURED, AgentActions.NEXT));
		this.lines.add(server(timings, AgentActions.MEASURED, AgentActions.OUTCOME));
		this.lines.add(server(timings, "baseline", AgentActions.BASELINE));
		this.lines.add("measured phase %.0f s, baseline phase %.0f s".formatted(measured, baseline));
		this.lines
			.add("handovers: %,d (%,d accounts); held by two agents at once: %d; handed to an agent not owning it: %d"
				.formatted(handovers.all().size(), handovers.accounts().size(), handovers.overlaps().size(),
						strangers));
		GatlingReport.Row next = client.row(AgentActions.NEXT);
		this.lines.add("target, next account p99 <= 100 ms and no errors: %s (p99 %,.0f ms, %d errors)"
			.formatted((next.p99() <= 100 && errors == 0) ? "met" : "NOT met", next.p99(), errors));
	}

	List<String> lines() {
		return this.lines;
	}

	private static String client(GatlingReport report, String name, double seconds) {
		GatlingReport.Row row = report.row(name);
		return "%-56s %8d %6d %7.1f %7.0f %7.0f %7.0f %7.0f %7.0f".formatted(name, row.total(), row.ko(),
				row.ok() / seconds, row.p50(), row.p95(), row.p99(), row.p999(), row.max());
	}

	private static String server(Map<ServerTimings.Endpoint, ServerTimings.Timings> timings, String phase,
			String name) {
		ServerTimings.Timings t = timings.get(new ServerTimings.Endpoint(phase, name));
		if (t == null) {
			return "%-45s none".formatted(name);
		}
		Latencies.Summary whole = t.whole().summary();
		Latencies.Summary authenticated = t.afterAuthentication().summary();
		return "%-45s %8d %9.1f %9.1f | %9.1f %9.1f %9.1f".formatted(name, whole.count(), whole.ms(50), whole.ms(99),
				authenticated.ms(50), authenticated.ms(99), authenticated.maxMs());
	}

}
