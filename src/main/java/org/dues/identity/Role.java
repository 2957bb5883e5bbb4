package org.dues.identity;

/**
 * What a user does in Dues; each role is a Spring Security authority {@code ROLE_<name>}.
 */
public enum Role {

	AGENT, TEAM_LEAD, MANAGER, COMPLIANCE, ADMIN;

	public String authority() {
		return "ROLE_" + name();
	}

}
