package org.dues.identity;

import java.time.Instant;

/**
 * An administrator (or the operator's {@code unlock} command) unlocked a user that failed
 * logins had locked out.
 *
 * @param username the user
 * @param by the administrator, or {@code operator} for the command
 * @param at when
 */
public record LoginUnlocked(String username, String by, Instant at) {
}
