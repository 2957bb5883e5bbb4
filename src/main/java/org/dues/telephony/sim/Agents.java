package org.dues.telephony.sim;

import java.util.ArrayDeque;

import org.dues.telephony.sim.ShiftSimulation.State;

/**
 * The agents of a simulated shift: each one's state since when, the ready ones in the
 * order they became ready, and the seconds each spent in each state (over the shift, and
 * talking within the measured part).
 */
final class Agents {

	private final State[] state;

	private final double[] since;

	private final double[][] totals;

	private final ArrayDeque<Integer> ready = new ArrayDeque<>();

	private final double warmUp;

	private double measuredTalk;

	Agents(int count, double warmUp) {
		this.state = new State[count];
		this.since = new double[count];
		this.totals = new double[State.values().length][count];
		this.warmUp = warmUp;
		for (int agent = 0; agent < count; agent++) {
			this.state[agent] = State.READY;
			this.ready.addLast(agent);
		}
	}

	int ready() {
		return this.ready.size();
	}

	int takeReady() {
		Integer agent = this.ready.pollFirst();
		if (agent == null) {
			throw new IllegalStateException("no agent is ready");
		}
		return agent;
	}

	double since(int agent) {
		return this.since[agent];
	}

	void enter(int agent, State next, double now) {
		spend(agent, now);
		this.state[agent] = next;
		this.since[agent] = now;
		if (next == State.READY) {
			this.ready.addLast(agent);
		}
	}

	double[] elapsed(State in, double now) {
		int count = 0;
		for (State s : this.state) {
			if (s == in) {
				count++;
			}
		}
		double[] elapsed = new double[count];
		int i = 0;
		for (int agent = 0; agent < this.state.length; agent++) {
			if (this.state[agent] == in) {
				elapsed[i++] = now - this.since[agent];
			}
		}
		return elapsed;
	}

	void closeAt(double end) {
		for (int agent = 0; agent < this.state.length; agent++) {
			spend(agent, end);
			this.since[agent] = end;
		}
	}

	double[] totals(State in) {
		return this.totals[in.ordinal()].clone();
	}

	double measuredTalk() {
		return this.measuredTalk;
	}

	private void spend(int agent, double now) {
		this.totals[this.state[agent].ordinal()][agent] += now - this.since[agent];
		if (this.state[agent] == State.TALK) {
			this.measuredTalk += Math.max(0, now - Math.max(this.since[agent], this.warmUp));
		}
	}

}
