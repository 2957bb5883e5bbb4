package org.dues.system;

import java.util.Set;
import java.util.UUID;

/**
 * Where a record lies, for the scope check: the accounts it belongs to (one for an
 * arrangement or a payment, every account of the customer for a customer's hold) and the
 * teams it belongs to (a team's queue). A record with neither is reached only by the
 * roles that see everything.
 */
public record RecordReach(Set<UUID> accounts, Set<UUID> teams) {

	public RecordReach {
		accounts = Set.copyOf(accounts);
		teams = Set.copyOf(teams);
	}

	/** A record of one account. */
	public static RecordReach account(UUID account) {
		return new RecordReach(Set.of(account), Set.of());
	}

	/** A record of several accounts (a customer's), reached through any of them. */
	public static RecordReach accounts(Set<UUID> accounts) {
		return new RecordReach(accounts, Set.of());
	}

	/** A record of a team. */
	public static RecordReach team(UUID team) {
		return new RecordReach(Set.of(), Set.of(team));
	}

	/**
	 * A record of no account or team (an import): only the roles that see everything
	 * reach it.
	 */
	public static RecordReach seenOnlyByAll() {
		return new RecordReach(Set.of(), Set.of());
	}

}
