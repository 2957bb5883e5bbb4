package org.dues.arrangement;

import java.time.Instant;

import org.dues.identity.Role;
import org.jspecify.annotations.Nullable;

/**
 * A role's authority for a creditor as the matrix's page shows it.
 *
 * @param version raised by every change; 0 while the role has the defaults
 * @param changedAt when it was last changed, null for the defaults or a row set before
 * changes were recorded
 * @param changedBy who changed it last
 */
public record AuthorityEntry(Role role, Authority authority, int version, @Nullable Instant changedAt,
		@Nullable String changedBy) {

	/** Whether the creditor has its own figures for the role, not the defaults. */
	public boolean own() {
		return this.version > 0;
	}

}
