package org.dues.telephony;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Offers the waiting inbound calls to the agents ready now every
 * {@code dues.telephony.inbound.pass-seconds} (2 by default; 0: never), on every node: an
 * agent whose wrap-up ran out by itself is ready without anyone asking. The queue's rows
 * are taken {@code FOR UPDATE SKIP LOCKED}, so nodes passing at once never give a call
 * twice. An agent who presses Ready is offered the queue at once besides.
 */
@Component
class InboundQueuePass implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(InboundQueuePass.class);

	private final InboundCalls inbound;

	private final int seconds;

	private @Nullable ScheduledExecutorService executor;

	InboundQueuePass(InboundCalls inbound, @Value("${dues.telephony.inbound.pass-seconds:2}") int seconds) {
		this.inbound = inbound;
		this.seconds = seconds;
	}

	@Override
	public void start() {
		if (this.seconds <= 0) {
			return;
		}
		ScheduledExecutorService pass = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("dues-inbound-queue").daemon(true).factory());
		pass.scheduleWithFixedDelay(() -> {
			try {
				this.inbound.serveQueue();
			}
			catch (RuntimeException ex) {
				log.warn("The inbound queue's pass failed: {}", ex.getMessage());
			}
		}, this.seconds, this.seconds, TimeUnit.SECONDS);
		this.executor = pass;
	}

	@Override
	public void stop() {
		ScheduledExecutorService pass = this.executor;
		if (pass != null) {
			pass.shutdownNow();
		}
		this.executor = null;
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

}
