package org.dues.messaging.events;

import java.time.Instant;

import org.dues.portfolio.AccountId;

/**
 * An agent answered the customer in their own words (a WhatsApp reply within the 24-hour
 * window), so the replies waiting on the account have been answered. Published in the
 * transaction that queued the answer.
 *
 * @param account the account the answer was sent from
 * @param agent who answered
 * @param at when
 */
public record ReplySent(AccountId account, String agent, Instant at) {
}
