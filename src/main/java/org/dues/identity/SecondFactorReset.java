package org.dues.identity;

import java.time.Instant;

/**
 * An administrator removed a user's authenticator app (a lost or replaced phone); the
 * user sets up a new one at their next login, and their sessions have ended.
 *
 * @param username the user
 * @param by the administrator
 * @param at when
 */
public record SecondFactorReset(String username, String by, Instant at) {
}
