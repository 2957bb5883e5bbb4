package org.dues.system;

import java.util.Map;

import org.springframework.security.core.Authentication;

/**
 * Reach that a module above the work module grants a caller, which the one
 * {@link RecordScope} adds to its own: a field agent reaches the accounts of the visits
 * given to them, an agency's users the accounts placed with their agency. A grant that
 * {@link #confines} a caller is the whole of that caller's reach: a user of an external
 * agency reaches what is placed with the agency and nothing else, whatever their role.
 */
public interface ReachGrant {

	/**
	 * Whether this grant alone decides what the caller reaches (and the caller then sees
	 * nothing else, not even as a manager would).
	 */
	default boolean confines(Authentication caller) {
		return false;
	}

	/**
	 * Whether the grant lets the caller reach a record that lies where {@code reach}
	 * says.
	 */
	boolean reaches(Authentication caller, RecordReach reach);

	/**
	 * An SQL condition true of the accounts the grant lets the caller reach, with
	 * {@code %s} standing for the account's id column; {@code false} for none. Its
	 * parameters are added to {@code params} under names the grant makes its own.
	 */
	String accountCondition(Authentication caller, Map<String, Object> params);

}
