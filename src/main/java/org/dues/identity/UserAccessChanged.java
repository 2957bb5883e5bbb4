package org.dues.identity;

import java.time.Instant;
import java.util.List;

/**
 * An administrator changed who may do what: created a user, changed their roles or
 * status, or reset their password. Published in the transaction that made the change, for
 * the audit trail.
 *
 * @param username the user
 * @param by the administrator
 * @param change {@code CREATED}, {@code ROLES_OR_STATUS_CHANGED} or
 * {@code PASSWORD_RESET}
 * @param roles the user's roles after the change
 * @param enabled whether the user may log in after the change
 * @param at when
 */
public record UserAccessChanged(String username, String by, String change, List<Role> roles, boolean enabled,
		Instant at) {
}
