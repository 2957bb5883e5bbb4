package org.dues.telephony.sim;

import org.dues.telephony.pacing.CallOutcome;

/**
 * What the simulated carrier decided for one dial.
 *
 * @param outcome how the ringing ends
 * @param ringSeconds seconds from the dial until it does (for a machine, until detected)
 */
public record DialFate(CallOutcome outcome, double ringSeconds) {
}
