package org.dues.work;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.dues.arrangement.ArrangementKind;

/**
 * Where an account stands with arrangements, for queue filters; read from arrangement's
 * published face, {@code arrangement_facts}.
 */
public enum ArrangementState {

	/** No open arrangement. */
	NONE("NOT EXISTS (SELECT 1 FROM arrangement_facts r WHERE r.account_id = a.id AND r.open)"),
	/** An open promise to pay. */
	PROMISE("EXISTS (SELECT 1 FROM arrangement_facts r WHERE r.account_id = a.id"
			+ " AND r.in_force AND r.kind IN (%s))".formatted(kinds(ArrangementKind.PROMISE))),
	/** An open plan or settlement in instalments. */
	PLAN("EXISTS (SELECT 1 FROM arrangement_facts r WHERE r.account_id = a.id"
			+ " AND r.in_force AND r.kind IN (%s))".formatted(kinds(ArrangementKind.PLAN, ArrangementKind.SETTLEMENT))),
	/** The latest arrangement was broken and nothing has replaced it. */
	BROKEN("(SELECT r.broken FROM arrangement_facts r WHERE r.account_id = a.id AND r.kind IN (%s)"
		.formatted(kinds(ArrangementKind.PROMISE, ArrangementKind.PLAN, ArrangementKind.SETTLEMENT))
			+ " ORDER BY r.created_at DESC LIMIT 1)");

	/**
	 * The kinds as SQL literals: constants, not parameters, so the planner matches them
	 * with the predicate of arrangement's partial index on open arrangements.
	 */
	static String kinds(ArrangementKind... kinds) {
		return Arrays.stream(kinds).map((k) -> "'" + k.name() + "'").collect(Collectors.joining(", "));
	}

	final String sql;

	ArrangementState(String sql) {
		this.sql = sql;
	}

}
