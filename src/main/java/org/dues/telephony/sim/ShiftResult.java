package org.dues.telephony.sim;

/**
 * The figures of one simulated shift. Rates are over the measured part of the shift
 * (after the warm-up); the per-agent times cover the whole shift.
 *
 * @param mode the pacer's dial mode
 * @param agents agents on the shift
 * @param talkMinutesPerAgentHour minutes talking per agent per measured hour
 * @param connectsPerAgentHour live answers connected to an agent per agent per hour
 * @param abandonPercent abandons as a percentage of live answers
 * @param hoursOver3Percent the percentage of whole measured hours whose abandons passed
 * 3% of their live answers
 * @param dials calls placed in the measured part (each an attempt, abandoned or not)
 * @param liveAnswers live answers in the measured part
 * @param abandons abandons in the measured part
 * @param talkSeconds per agent, seconds talking over the whole shift
 * @param wrapSeconds per agent, seconds in wrap-up
 * @param idleSeconds per agent, seconds ready and waiting for a call
 */
public record ShiftResult(String mode, int agents, double talkMinutesPerAgentHour, double connectsPerAgentHour,
		double abandonPercent, double hoursOver3Percent, long dials, long liveAnswers, long abandons,
		double[] talkSeconds, double[] wrapSeconds, double[] idleSeconds) {
}
