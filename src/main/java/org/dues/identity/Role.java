package org.dues.identity;

/**
 * What a user does in Dues; each role is a Spring Security authority {@code ROLE_<name>}.
 * A {@link #FIELD_AGENT} visits customers at their address and reaches only the accounts
 * of the visits given to them.
 */
public enum Role {

	AGENT, TEAM_LEAD, MANAGER, COMPLIANCE, ADMIN, FIELD_AGENT;

	public String authority() {
		return "ROLE_" + name();
	}

}
