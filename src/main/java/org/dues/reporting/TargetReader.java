package org.dues.reporting;

import java.util.Set;

import org.dues.identity.Role;
import org.dues.identity.Teams;

/**
 * Who reads targets, and which: managers and administrators every target; a team lead the
 * targets of the teams they lead and of those teams' agents; an agent their own. Anyone
 * else none. Outside what a reader reads, a target does not exist.
 *
 * @param username the reader
 * @param roles their roles
 * @param led whom they answer for as a supervisor ({@link Teams#scopeOf})
 */
public record TargetReader(String username, Set<Role> roles, Teams.Scope led) {

	public TargetReader {
		roles = Set.copyOf(roles);
	}

	/** Whether the reader may set targets: managers and administrators. */
	public boolean sets() {
		return this.roles.contains(Role.MANAGER) || this.roles.contains(Role.ADMIN);
	}

	/** Whether the reader reads the target of the subject. */
	public boolean reads(TargetScope scope, String id) {
		if (sets()) {
			return true;
		}
		boolean lead = this.roles.contains(Role.TEAM_LEAD);
		return switch (scope) {
			case AGENT ->
				(id.equals(this.username) && this.roles.contains(Role.AGENT)) || (lead && this.led.covers(id));
			case TEAM -> lead && this.led.teams().stream().anyMatch((t) -> t.toString().equals(id));
			case CREDITOR -> false;
		};
	}

}
