package org.dues.identity;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Failed logins locked a user out: no password is checked for them until {@code until}
 * (or an administrator unlocks them).
 *
 * @param username the user
 * @param address the source address of the failed attempt that locked them, if known
 * @param at when
 * @param until when logins may be tried again
 */
public record LoginLockedOut(String username, @Nullable String address, Instant at, Instant until) {
}
