package org.dues.telephony.sim;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;

import org.dues.telephony.pacing.CallOutcome;
import org.dues.telephony.pacing.Pacer;
import org.dues.telephony.pacing.PacingHistory;
import org.dues.telephony.pacing.PacingSnapshot;

/**
 * A discrete-event simulation of one shift in virtual time: agents ready at the start,
 * the pacer asked every second how many calls to place, the carrier deciding each dial's
 * fate, a live answer connected to a free agent or waiting up to two seconds for one and
 * otherwise abandoned (the recorded message plays; the dial still counts as an attempt).
 * The campaign's history is recorded as a dialer would, as calls end. Deterministic for a
 * seed. One instance runs one shift.
 */
public final class ShiftSimulation {

	/** Seconds a live answer waits for an agent before it is abandoned. */
	public static final double GRACE = 2;

	private static final double LEGAL_SHARE = 0.03;

	private final Pacer pacer;

	private final SimulatedCarrier carrier;

	private final int agents;

	private final double shift;

	private final double warmUp;

	private final PacingHistory history = new PacingHistory();

	private final PriorityQueue<Event> events = new PriorityQueue<>();

	private final Agents floor;

	private final List<Call> ringing = new ArrayList<>();

	private final ArrayDeque<Call> waiting = new ArrayDeque<>();

	private final long[] hourAnswers;

	private final long[] hourAbandons;

	private long sequence;

	private long dials;

	private long answers;

	private long connects;

	private long abandons;

	/**
	 * @param pacer the pacer under test (a new one per shift)
	 * @param model the carrier and agent-time distributions
	 * @param agents agents on the shift
	 * @param seed the seed for every draw of the shift
	 * @param shiftSeconds the shift's length
	 * @param warmUpSeconds the first part of the shift left out of the figures
	 */
	public ShiftSimulation(Pacer pacer, CarrierModel model, int agents, long seed, double shiftSeconds,
			double warmUpSeconds) {
		if (agents < 1 || !(shiftSeconds > warmUpSeconds) || warmUpSeconds < 0) {
			throw new IllegalArgumentException("a shift needs agents and time beyond its warm-up");
		}
		this.pacer = pacer;
		this.carrier = new SimulatedCarrier(model, new Random(seed));
		this.agents = agents;
		this.shift = shiftSeconds;
		this.warmUp = warmUpSeconds;
		this.floor = new Agents(agents, warmUpSeconds);
		int hours = (int) Math.floor((shiftSeconds - warmUpSeconds) / 3600);
		this.hourAnswers = new long[hours];
		this.hourAbandons = new long[hours];
	}

	/**
	 * An 8-hour shift whose first 15 minutes are left out of the figures.
	 * @param pacer the pacer under test
	 * @param model the distributions
	 * @param agents agents on the shift
	 * @param seed the seed
	 * @return the shift's figures
	 */
	public static ShiftResult eightHours(Pacer pacer, CarrierModel model, int agents, long seed) {
		return new ShiftSimulation(pacer, model, agents, seed, 8 * 3600, 15 * 60).run();
	}

	/**
	 * @return the figures, after running the whole shift
	 */
	public ShiftResult run() {
		for (int second = 0; second < this.shift; second++) {
			schedule(second, Kind.TICK, null, -1);
		}
		while (!this.events.isEmpty() && this.events.peek().time < this.shift) {
			Event event = this.events.poll();
			switch (event.kind) {
				case TICK -> pace(event.time);
				case RING_ENDS -> ringEnds(event.time, event.call);
				case GRACE_ENDS -> graceEnds(event.time, event.call);
				case TALK_ENDS -> talkEnds(event.time, event.agent);
				case WRAP_ENDS -> wrapEnds(event.time, event.agent);
			}
		}
		this.floor.closeAt(this.shift);
		return result();
	}

	private void pace(double now) {
		double[] rung = new double[this.ringing.size()];
		for (int i = 0; i < rung.length; i++) {
			rung[i] = now - this.ringing.get(i).dialledAt;
		}
		PacingSnapshot snapshot = new PacingSnapshot(instant(now), this.floor.ready(),
				this.floor.elapsed(State.TALK, now), this.floor.elapsed(State.WRAP, now), rung, this.waiting.size(),
				this.history);
		int calls = this.pacer.callsToPlace(snapshot);
		for (int i = 0; i < calls; i++) {
			Call call = new Call(now, this.carrier.dial());
			call.slot = this.ringing.size();
			this.ringing.add(call);
			if (now >= this.warmUp) {
				this.dials++;
			}
			schedule(now + call.fate.ringSeconds(), Kind.RING_ENDS, call, -1);
		}
	}

	private void ringEnds(double now, Call call) {
		Call last = this.ringing.remove(this.ringing.size() - 1);
		if (last != call) {
			this.ringing.set(call.slot, last);
			last.slot = call.slot;
		}
		this.history.recordDial(call.fate.outcome(), call.fate.ringSeconds());
		if (call.fate.outcome() != CallOutcome.LIVE) {
			return;
		}
		call.answeredAt = now;
		this.history.recordLiveAnswer(instant(now));
		count(now, this.hourAnswers);
		if (measured(now)) {
			this.answers++;
		}
		if (this.floor.ready() > 0) {
			connect(now, call, this.floor.takeReady());
		}
		else {
			this.waiting.addLast(call);
			schedule(now + GRACE, Kind.GRACE_ENDS, call, -1);
		}
	}

	private void graceEnds(double now, Call call) {
		if (this.waiting.remove(call)) {
			this.history.recordAbandon(instant(now));
			count(call.answeredAt, this.hourAbandons);
			if (measured(call.answeredAt)) {
				this.abandons++;
			}
		}
	}

	private void talkEnds(double now, int agent) {
		this.history.recordTalk(now - this.floor.since(agent));
		this.floor.enter(agent, State.WRAP, now);
		schedule(now + this.carrier.wrapSeconds(), Kind.WRAP_ENDS, null, agent);
	}

	private void wrapEnds(double now, int agent) {
		this.history.recordWrap(now - this.floor.since(agent));
		this.floor.enter(agent, State.READY, now);
		Call next = this.waiting.pollFirst();
		if (next != null) {
			connect(now, next, this.floor.takeReady());
		}
	}

	private void connect(double now, Call call, int agent) {
		this.floor.enter(agent, State.TALK, now);
		if (measured(call.answeredAt)) {
			this.connects++;
		}
		schedule(now + this.carrier.talkSeconds(), Kind.TALK_ENDS, null, agent);
	}

	private boolean measured(double time) {
		return time >= this.warmUp;
	}

	private void count(double answeredAt, long[] perHour) {
		int hour = (int) Math.floor((answeredAt - this.warmUp) / 3600);
		if (answeredAt >= this.warmUp && hour < perHour.length) {
			perHour[hour]++;
		}
	}

	private ShiftResult result() {
		double agentHours = this.agents * (this.shift - this.warmUp) / 3600;
		int over = 0;
		for (int h = 0; h < this.hourAnswers.length; h++) {
			if (this.hourAbandons[h] > LEGAL_SHARE * this.hourAnswers[h]) {
				over++;
			}
		}
		return new ShiftResult(this.pacer.mode(), this.agents, this.floor.measuredTalk() / 60 / agentHours,
				this.connects / agentHours, this.answers == 0 ? 0 : 100.0 * this.abandons / this.answers,
				this.hourAnswers.length == 0 ? 0 : 100.0 * over / this.hourAnswers.length, this.dials, this.answers,
				this.abandons, this.floor.totals(State.TALK), this.floor.totals(State.WRAP),
				this.floor.totals(State.READY));
	}

	private void schedule(double time, Kind kind, Call call, int agent) {
		this.events.add(new Event(time, this.sequence++, kind, call, agent));
	}

	private static Instant instant(double seconds) {
		return Instant.EPOCH.plusMillis(Math.round(seconds * 1000));
	}

	enum State {

		READY, TALK, WRAP

	}

	private enum Kind {

		// at the same instant, calls and agents move before the pacer looks
		RING_ENDS, GRACE_ENDS, TALK_ENDS, WRAP_ENDS, TICK

	}

	private record Event(double time, long sequence, Kind kind, Call call, int agent) implements Comparable<Event> {

		@Override
		public int compareTo(Event other) {
			int byTime = Double.compare(this.time, other.time);
			if (byTime != 0) {
				return byTime;
			}
			int byKind = this.kind.compareTo(other.kind);
			return (byKind != 0) ? byKind : Long.compare(this.sequence, other.sequence);
		}

	}

	private static final class Call {

		final double dialledAt;

		final DialFate fate;

		int slot;

		double answeredAt;

		Call(double dialledAt, DialFate fate) {
			this.dialledAt = dialledAt;
			this.fate = fate;
		}

	}

}
