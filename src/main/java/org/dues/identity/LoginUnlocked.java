package org.dues.identity;

import java.time.Instant;

/**
 * An administrator unlocked a user that failed logins had locked out.
 *
 * @param username the user
 * @param by the administrator
 * @param at when
 */
public record LoginUnlocked(String username, String by, Instant at) {
}
