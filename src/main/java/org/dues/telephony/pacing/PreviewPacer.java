package org.dues.telephony.pacing;

/**
 * Preview dialing: the agent sees the account, then dials; in pacing terms one call per
 * ready agent who has not dialled yet, like progressive, with the agent guaranteed.
 */
public final class PreviewPacer implements Pacer {

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
		return "preview";
	}

}
