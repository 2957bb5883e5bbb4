package org.dues.identity;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Failed logins locked a user out: no password (or, for the second factor, no one-time
 * code) is checked for them in that scope until {@code until} (or an administrator or
 * operator unlocks them).
 *
 * @param username the user
 * @param address the source address of the failed attempt that locked them, if known
 * @param scope {@code all} (every address but those the user logged in from recently),
 * {@code address:<address>} (the user from that address; IPv6 by its /64) or
 * {@code second-factor} (one-time codes)
 * @param at when
 * @param until when logins may be tried again
 */
public record LoginLockedOut(String username, @Nullable String address, String scope, Instant at, Instant until) {
}
