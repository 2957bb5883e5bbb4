package org.dues.portfolio.imports;

import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * This node's import thread, one import at a time and the others waiting their turn,
 * counted for the operator: {@code dues.imports.running} and {@code dues.imports.waiting}
 * (on this node), {@code dues.imports} (a timer of finished imports tagged with their
 * outcome, {@code completed} or {@code failed}) and {@code dues.imports.rows} (the rows
 * finished imports read, by outcome; its rate is rows per second).
 */
@Component
class ImportWorker {

	private final ExecutorService executor;

	private final MeterRegistry registry;

	private final AtomicInteger running = new AtomicInteger();

	private final AtomicInteger waiting = new AtomicInteger();

	ImportWorker(ExecutorService importExecutor, MeterRegistry registry) {
		this.executor = importExecutor;
		this.registry = registry;
		Gauge.builder("dues.imports.running", this.running, AtomicInteger::get)
			.description("Imports this node is running")
			.register(registry);
		Gauge.builder("dues.imports.waiting", this.waiting, AtomicInteger::get)
			.description("Imports accepted by this node and waiting for its import thread")
			.register(registry);
	}

	/**
	 * Runs an import in the background, then {@code ended}, which gives the import as it
	 * ended (null when it could not be read).
	 */
	void execute(Runnable run, Supplier<@Nullable ImportView> ended) {
		this.waiting.incrementAndGet();
		this.executor.execute(() -> {
			this.waiting.decrementAndGet();
			this.running.incrementAndGet();
			Timer.Sample sample = Timer.start(this.registry);
			ImportView view = null;
			try {
				run.run();
			}
			finally {
				try {
					view = ended.get();
				}
				finally {
					this.running.decrementAndGet();
					count(sample, view);
				}
			}
		});
	}

	private void count(Timer.Sample sample, @Nullable ImportView view) {
		String outcome = (view == null) ? "unknown" : view.status().name().toLowerCase(Locale.ROOT);
		if (view != null) {
			Counter.builder("dues.imports.rows")
				.description("Rows read by the imports finished on this node, by outcome")
				.tag("outcome", outcome)
				.register(this.registry)
				.increment(view.rowsRead());
		}
		// the timer last, so that whoever sees an import counted as finished also sees
		// its rows
		sample.stop(Timer.builder("dues.imports")
			.description("Imports finished on this node, by outcome")
			.tag("outcome", outcome)
			.register(this.registry));
	}

}
