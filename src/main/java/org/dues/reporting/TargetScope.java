package org.dues.reporting;

/** Whose target: an agent's (by username), a team's (by id) or a creditor's (by code). */
public enum TargetScope {

	AGENT, TEAM, CREDITOR

}
