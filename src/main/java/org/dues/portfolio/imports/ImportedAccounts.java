package org.dues.portfolio.imports;

/**
 * What the import engine needs from the ledger side of {@code portfolio} beyond
 * creditors: aging the accounts an import changed, by the same rule as the nightly job.
 * Implemented in the module's root package, so the rule stays in one place.
 */
public interface ImportedAccounts {

	/**
	 * Recomputes days past due and buckets, and records bucket moves, of the accounts a
	 * query selects, in the caller's transaction.
	 * @param accountIds a query selecting one column of account ids, run in the caller's
	 * transaction (it may name the engine's temporary tables)
	 */
	void age(String accountIds);

}
