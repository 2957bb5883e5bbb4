package org.dues.telephony.provider;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import org.dues.contact.ClearedContact;
import org.dues.telephony.CallEvent;
import org.dues.telephony.CallEvents;
import org.dues.telephony.CallRequest;
import org.dues.telephony.CallView;
import org.dues.telephony.InboundLegs;
import org.dues.telephony.TelephonyProperties;
import org.dues.telephony.TelephonyException;
import org.dues.telephony.TelephonyProvider;
import org.dues.telephony.sim.CarrierModel;
import org.dues.telephony.sim.DialFate;
import org.dues.telephony.sim.SimulatedCarrier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The simulated carrier as a provider, the embedded default when no provider is
 * configured: each call's fate, ring time and talk time are drawn from the
 * {@link CarrierModel} of issue 23 with a seeded generator, and its events (ringing,
 * answered by a person or a machine, bridged, ended, the recording) arrive later, on
 * another thread, through {@link CallEvents#take}, the intake the real providers'
 * webhooks use. Time runs at {@code DUES_TELEPHONY_SIMULATED_TIME_SCALE} real seconds per
 * simulated second. A fast failure is a busy line or a failed call, half each.
 */
@Component
public class SimulatedTelephony implements TelephonyProvider, InboundLegs {

	static final String NAME = "simulated";

	/** How long a customer waits on a silent line before hanging up. */
	static final double HANG_UP_SECONDS = 10;

	/** How long the recorded message of an abandoned call lasts. */
	static final double MESSAGE_SECONDS = 5;

	private static final Logger log = LoggerFactory.getLogger(SimulatedTelephony.class);

	private final SimulatedCarrier carrier;

	private final Random coin;

	private final Later later;

	private final CallEvents events;

	private final String callerId;

	private final AtomicLong sequence = new AtomicLong();

	private final Map<UUID, Waiting> waiting = new ConcurrentHashMap<>();

	private final ScheduledExecutorService executor;

	private @Nullable Instant started;

	@Autowired
	SimulatedTelephony(TelephonyProperties properties, CallEvents events, Clock clock) {
		this(properties, events, (Later) null);
		this.started = clock.instant();
	}

	SimulatedTelephony(TelephonyProperties properties, CallEvents events, @Nullable Later later) {
		TelephonyProperties.Simulated simulated = properties.simulated();
		Random random = new Random(simulated.seed());
		this.carrier = new SimulatedCarrier(CarrierModel.defaults(), random);
		this.coin = new Random(simulated.seed() + 1);
		this.events = events;
		this.callerId = simulated.callerId();
		if (later == null) {
			this.executor = Executors.newSingleThreadScheduledExecutor(
					Thread.ofPlatform().name("dues-simulated-carrier").daemon(true).factory());
			double scale = simulated.timeScale();
			this.later = (seconds, task) -> this.executor.schedule(task, Math.round(seconds * scale * 1000),
					TimeUnit.MILLISECONDS);
		}
		else {
			this.executor = Executors.newSingleThreadScheduledExecutor();
			this.executor.shutdown();
			this.later = later;
		}
	}

	/**
	 * Ends the calls an earlier run of the simulated carrier placed and never ended. It
	 * keeps its calls in memory, so they ended with that process and no event of theirs
	 * will come: without this, an agent on one of them when the demo stopped would stay
	 * "on a call" for good, unable to go ready. One node only, as the simulated carrier
	 * is (the embedded default); a real provider's calls are ended by its callbacks.
	 */
	@EventListener(ApplicationReadyEvent.class)
	public void endCallsOfAnEarlierRun() {
		if (this.started != null) {
			int ended = endCallsPlacedBefore(this.started);
			if (ended > 0) {
				log.info("Ended {} calls the simulated carrier had placed before it restarted", ended);
			}
		}
	}

	/**
	 * Ends the simulated carrier's calls placed before the moment and not ended: a call
	 * answered ends completed, any other failed, each through the intake as the carrier's
	 * own events do (the attempt gets its result, the agent goes to wrap-up).
	 * @return how many
	 */
	int endCallsPlacedBefore(Instant moment) {
		int ended = 0;
		for (CallView call : this.events.unfinished(NAME, moment)) {
			boolean answered = call.status().equals("ANSWERED") || call.status().equals("BRIDGED");
			CallEvent end = CallEvent.ended(answered ? CallEvent.EndCause.COMPLETED : CallEvent.EndCause.FAILED);
			if (this.events.take(NAME, call.id(), call.providerCallId(), "lost:" + call.id(),
					end) == CallEvents.Intake.TAKEN) {
				ended++;
			}
		}
		return ended;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String callerId() {
		return this.callerId;
	}

	@Override
	public boolean serves(String customerNumber) {
		return true;
	}

	@Override
	public synchronized String originate(ClearedContact cleared, CallRequest call) {
		if (!call.customerNumber().equals(cleared.address())) {
			throw new IllegalArgumentException("the call is not to the number the gate cleared");
		}
		// unique across restarts and nodes, as a carrier's call ids are
		String sid = "SIM" + this.sequence.incrementAndGet() + "-" + UUID.randomUUID().toString().replace("-", "");
		DialFate fate = this.carrier.dial();
		double ring = fate.ringSeconds();
		post(0.5, call, sid, "ringing", CallEvent.ringing());
		switch (fate.outcome()) {
			case LIVE -> {
				double talk = this.carrier.talkSeconds();
				post(ring, call, sid, "answered", CallEvent.answeredByHuman());
				if (call.awaitsAgent()) {
					// the dialer bridges an agent or plays its message; a customer left
					// waiting hangs up
					this.waiting.put(call.callId(), new Waiting(sid, talk, call.recorded()));
					this.later.run(ring + HANG_UP_SECONDS, () -> {
						if (this.waiting.remove(call.callId()) != null) {
							report(call.callId(), sid, "ended", CallEvent.ended(CallEvent.EndCause.COMPLETED));
						}
					});
					return sid;
				}
				post(ring, call, sid, "bridged", CallEvent.bridged());
				post(ring + talk, call, sid, "ended", CallEvent.ended(CallEvent.EndCause.COMPLETED));
				if (call.recorded()) {
					post(ring + talk + 1, call, sid, "recording", CallEvent
						.recording("https://simulated.invalid/recordings/" + sid + ".mp3", (int) Math.round(talk)));
				}
			}
			case MACHINE -> {
				post(ring, call, sid, "answered", CallEvent.answeredByMachine());
				post(ring + 1, call, sid, "ended", CallEvent.ended(CallEvent.EndCause.COMPLETED));
			}
			case FAILED -> post(ring, call, sid, "ended",
					CallEvent.ended(this.coin.nextBoolean() ? CallEvent.EndCause.BUSY : CallEvent.EndCause.FAILED));
			case NO_ANSWER -> post(ring, call, sid, "ended", CallEvent.ended(CallEvent.EndCause.NO_ANSWER));
		}
		return sid;
	}

	@Override
	public boolean bridgesAtAnswer() {
		return true;
	}

	/**
	 * The customer who answered a dialer's call is connected to the agent: bridged now,
	 * ended after the talk drawn when the call was placed.
	 */
	@Override
	public void bridge(CallView call, String agent) {
		Waiting waiting = this.waiting.remove(call.id());
		if (waiting == null) {
			throw new TelephonyException("call " + call.id() + " is not waiting for an agent", false);
		}
		this.later.run(0, () -> report(call.id(), waiting.sid, "bridged", CallEvent.bridged()));
		this.later.run(waiting.talk,
				() -> report(call.id(), waiting.sid, "ended", CallEvent.ended(CallEvent.EndCause.COMPLETED)));
		if (waiting.recorded) {
			this.later.run(waiting.talk + 1,
					() -> report(call.id(), waiting.sid, "recording",
							CallEvent.recording("https://simulated.invalid/recordings/" + waiting.sid + ".mp3",
									(int) Math.round(waiting.talk))));
		}
	}

	/**
	 * The recorded message plays to the customer no agent was free for (five seconds),
	 * then the call ends, never bridged.
	 */
	@Override
	public void abandon(CallView call) {
		Waiting waiting = this.waiting.remove(call.id());
		if (waiting != null) {
			this.later.run(MESSAGE_SECONDS,
					() -> report(call.id(), waiting.sid, "ended", CallEvent.ended(CallEvent.EndCause.COMPLETED)));
		}
	}

	/**
	 * A caller waiting in the inbound queue was given to an agent: the agent's phone
	 * rings for two seconds and they answer, the two talk for a drawn time, the caller
	 * hangs up, and the recording follows a second later.
	 */
	@Override
	public synchronized void connect(CallView call) {
		String sid = call.providerCallId() != null ? call.providerCallId() : "SIMIN-" + call.id();
		double talk = this.carrier.talkSeconds();
		post(2, call.id(), sid, "bridged", CallEvent.bridged());
		post(2 + talk, call.id(), sid, "ended", CallEvent.ended(CallEvent.EndCause.COMPLETED));
		if (call.recorded()) {
			post(3 + talk, call.id(), sid, "recording", CallEvent
				.recording("https://simulated.invalid/recordings/" + sid + ".wav", (int) Math.round(talk)));
		}
	}

	private void post(double seconds, CallRequest call, String sid, String what, CallEvent event) {
		post(seconds, call.callId(), sid, what, event);
	}

	private void post(double seconds, UUID callId, String sid, String what, CallEvent event) {
		this.later.run(seconds, () -> report(callId, sid, what, event));
	}

	private void report(UUID callId, String sid, String what, CallEvent event) {
		try {
			this.events.take(NAME, callId, sid, sid + ":" + what, event);
		}
		catch (RuntimeException ex) {
			log.warn("The simulated carrier could not report {} of call {}", what, callId, ex);
		}
	}

	/** A customer who answered a dialer's call, waiting for an agent. */
	private record Waiting(String sid, double talk, boolean recorded) {
	}

	@PreDestroy
	void stop() {
		this.executor.shutdownNow();
	}

	/** Runs a task after so many simulated seconds. */
	@FunctionalInterface
	interface Later {

		void run(double seconds, Runnable task);

	}

}
