package org.dues.work;

/**
 * Where an account stands with arrangements, for queue filters.
 */
public enum ArrangementState {

	/** No open arrangement. */
	NONE("NOT EXISTS (SELECT 1 FROM arrangement_arrangements r WHERE r.account_id = a.id"
			+ " AND r.status IN ('ACTIVE', 'PENDING_APPROVAL'))"),
	/** An open promise to pay. */
	PROMISE("EXISTS (SELECT 1 FROM arrangement_arrangements r WHERE r.account_id = a.id"
			+ " AND r.status = 'ACTIVE' AND r.kind = 'PROMISE')"),
	/** An open plan or settlement in instalments. */
	PLAN("EXISTS (SELECT 1 FROM arrangement_arrangements r WHERE r.account_id = a.id"
			+ " AND r.status = 'ACTIVE' AND r.kind IN ('PLAN', 'SETTLEMENT'))"),
	/** The latest arrangement was broken and nothing has replaced it. */
	BROKEN("(SELECT r.status FROM arrangement_arrangements r WHERE r.account_id = a.id"
			+ " AND r.kind IN ('PROMISE', 'PLAN', 'SETTLEMENT') ORDER BY r.created_at DESC LIMIT 1) = 'BROKEN'");

	final String sql;

	ArrangementState(String sql) {
		this.sql = sql;
	}

}
