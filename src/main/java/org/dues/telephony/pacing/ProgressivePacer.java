package org.dues.telephony.pacing;

/**
 * Progressive dialing: one call per ready agent, and never more calls ringing than ready
 * agents, so every live answer finds an agent at once.
 */
public final class ProgressivePacer implements Pacer {

	@Override
	public int callsToPlace(PacingSnapshot now) {
		return Math.max(0, now.readyAgents() - now.callsInFlight() - now.waitingAnswers());
	}

	@Override
	public boolean guaranteesAgent() {
		return true;
	}

	@Override
	public String mode() {
		return "progressive";
	}

}
