package org.dues.system;

import java.util.Map;

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

	/**
	 * An SQL condition true of exactly the accounts the caller reaches, so that a list of
	 * accounts is filtered, counted and paged in the database: {@code true} for those who
	 * see everything.
	 * @param accountColumn the column holding the account's id, qualified by an alias
	 * other than {@code a}, {@code cu}, {@code w} and {@code ad}, which the condition
	 * uses
	 * @param params the statement's parameters, to which the condition adds its own
	 * (named {@code scope…}, {@code agent…}, {@code f0_…}, {@code sq0_…})
	 */
	String accountCondition(Authentication caller, String accountColumn, Map<String, Object> params);

}
