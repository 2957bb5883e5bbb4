package org.dues.telephony;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An agent's state now.
 *
 * @param username the agent
 * @param state what they are doing
 * @param since when they entered it
 * @param campaignId the campaign whose call they took last, if any
 */
public record AgentStateView(String username, AgentState state, Instant since, @Nullable Long campaignId) {
}
