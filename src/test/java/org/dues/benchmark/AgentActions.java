package org.dues.benchmark;

import java.util.UUID;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * What a virtual agent does over HTTP, each request in one place: ask for the next
 * account, record what came of working it, and the trivial authenticated request that
 * serves as the baseline. To move the agents to another way of recording outcomes
 * (dispositions, say), change {@link #recordOutcome} alone.
 */
final class AgentActions {

	static final String NEXT = "next account";

	static final String OUTCOME = "record outcome";

	static final String BASELINE = "GET /api/v1/creditors";

	/** The phase whose requests are reported; the others carry their phase's name. */
	static final String MEASURED = "measured";

	private AgentActions() {
	}

	/**
	 * One turn of an agent's work: let the last account go by asking for the next, then
	 * record an outcome on the one handed over (or wait a second when there is none).
	 */
	static ChainBuilder work(String phase, LoadRun run) {
		ChainBuilder letGo = exec((session) -> {
			run.handovers().asking(session.getString("agent"));
			return session.remove("accountId");
		});
		ChainBuilder takeIt = exec((session) -> {
			UUID account = UUID.fromString(session.getString("accountId"));
			run.handovers().handed(session.getString("agent"), account);
			return session.set("phone", run.phones().of(account));
		});
		int callMin = Integer.getInteger("load.call-min", 0);
		int callMax = Integer.getInteger("load.call-max", 0);
		ChainBuilder call = (callMax <= 0) ? takeIt
				: takeIt.pause(java.time.Duration.ofSeconds(callMin), java.time.Duration.ofSeconds(callMax));
		return letGo.exec(nextAccount(phase))
			.doIfOrElse((session) -> session.contains("accountId"))
			.then(call.exec(recordOutcome(phase)))
			.orElse(pause(1));
	}

	/**
	 * {@code GET /api/v1/work/next}: 200 with the account leased to the agent, or 204.
	 */
	static HttpRequestActionBuilder nextAccount(String phase) {
		return http(name(phase, NEXT)).get("/api/v1/work/next")
			.basicAuth("#{agent}", "#{password}")
			.check(status().in(200, 204), jsonPath("$.accountId").optional().saveAs("accountId"));
	}

	/**
	 * Records the outcome of working the account (the desk's dispositions API): a call to
	 * the customer's number that was not answered. The compliance gate checks it again; a
	 * refusal (409) counts as an error, since next account should not have handed over
	 * the account.
	 */
	static HttpRequestActionBuilder recordOutcome(String phase) {
		return http(name(phase, OUTCOME)).post("/api/v1/accounts/#{accountId}/dispositions")
			.basicAuth("#{agent}", "#{password}")
			.body(StringBody("""
					{"result": "NO_ANSWER", "number": "#{phone}"}"""))
			.asJson()
			.check(status().is(201));
	}

	/** A trivial authenticated read: what HTTP Basic and the web stack cost alone. */
	static HttpRequestActionBuilder baseline(String phase) {
		return http(name(phase, BASELINE)).get("/api/v1/creditors")
			.basicAuth("#{agent}", "#{password}")
			.check(status().is(200));
	}

	static String name(String phase, String request) {
		return phase.equals(MEASURED) ? request : phase + ": " + request;
	}

}
