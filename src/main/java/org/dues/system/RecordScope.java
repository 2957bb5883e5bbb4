package org.dues.system;

import org.springframework.security.core.Authentication;

/**
 * The caller's scope: which accounts and teams a user reaches. The work module knows it
 * (assignments, team queues, who leads which team) and implements it; everything else
 * asks through {@link Scopes}.
 */
public interface RecordScope {

	/** Whether the caller reaches every record (managers, compliance, administrators). */
	boolean seesAll(Authentication caller);

	/** Whether the caller reaches a record that lies where {@code reach} says. */
	boolean reaches(Authentication caller, RecordReach reach);

}
