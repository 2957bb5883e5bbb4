package org.dues.benchmark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;

/**
 * Time spent inside the server on each load-test endpoint, per phase of the run, taken
 * twice: around the whole filter chain (HTTP Basic's password check included), and after
 * Spring Security has authenticated the request (the endpoint's own work). The client's
 * figures add the network, the queue for a connection and the load generator itself.
 */
final class ServerTimings {

	/**
	 * Spring Security's filter chain runs at order -100
	 * ({@code spring.security.filter.order}); the inner filter runs after it.
	 */
	private static final int AFTER_SECURITY = 0;

	record Endpoint(String phase, String name) {
	}

	record Timings(Latencies whole, Latencies afterAuthentication) {
	}

	private final Map<Endpoint, Timings> timings = new ConcurrentHashMap<>();

	private final Map<String, Long> started = new ConcurrentHashMap<>();

	private volatile String phase = "start-up";

	private final BurstCpu burst = new BurstCpu();

	private volatile int agents;

	/**
	 * Records what follows under this phase, from the first virtual user that enters it
	 * (every user calls it).
	 */
	void enter(String phase) {
		if (this.started.putIfAbsent(phase, System.nanoTime()) == null && phase.equals(AgentActions.MEASURED)) {
			this.burst.begin(this.agents);
		}
		this.phase = phase;
	}

	/** How many agents ask at once when the measured phase starts. */
	void agents(int agents) {
		this.agents = agents;
	}

	BurstCpu burst() {
		return this.burst;
	}

	/**
	 * Seconds from the first user's entering one phase to the first's entering the next.
	 */
	double seconds(String phase, String next) {
		return (this.started.get(next) - this.started.get(phase)) / 1e9;
	}

	/** Forgets everything recorded, for the next run. */
	void reset() {
		this.timings.clear();
		this.started.clear();
		this.phase = "start-up";
	}

	Map<Endpoint, Timings> all() {
		return Map.copyOf(this.timings);
	}

	FilterRegistrationBean<Filter> whole() {
		return registration("load-test-timing-whole", Ordered.HIGHEST_PRECEDENCE, true);
	}

	FilterRegistrationBean<Filter> afterAuthentication() {
		return registration("load-test-timing-after-authentication", AFTER_SECURITY, false);
	}

	private FilterRegistrationBean<Filter> registration(String name, int order, boolean whole) {
		Filter filter = (request, response, chain) -> {
			String endpoint = endpoint((HttpServletRequest) request);
			long started = System.nanoTime();
			try {
				chain.doFilter(request, response);
			}
			finally {
				if (endpoint != null) {
					Timings t = this.timings.computeIfAbsent(new Endpoint(this.phase, endpoint),
							(key) -> new Timings(new Latencies(), new Latencies()));
					(whole ? t.whole() : t.afterAuthentication()).add(System.nanoTime() - started);
					if (whole && endpoint.equals(AgentActions.NEXT) && this.phase.equals(AgentActions.MEASURED)) {
						this.burst.answered();
					}
				}
			}
		};
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
		registration.setName(name);
		registration.setOrder(order);
		registration.addUrlPatterns("/api/*");
		return registration;
	}

	private static @Nullable String endpoint(HttpServletRequest request) {
		String path = request.getRequestURI();
		if (path.equals("/api/v1/work/next")) {
			return AgentActions.NEXT;
		}
		if (path.equals("/api/v1/creditors")) {
			return AgentActions.BASELINE;
		}
		if (path.startsWith("/api/v1/accounts/") && request.getMethod().equals("POST")) {
			return AgentActions.OUTCOME;
		}
		return null;
	}

}
