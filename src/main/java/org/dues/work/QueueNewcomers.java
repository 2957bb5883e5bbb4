package org.dues.work;

import java.sql.Timestamp;
import java.util.Map;

import org.dues.portfolio.AccountPlaced;
import org.dues.portfolio.AccountsImported;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Accounts a creditor newly places join the pool, and so the queues' kept sizes
 * ({@link QueueCounts}): one placed by itself, or all those an import placed, counted
 * once after the placement commits.
 */
@Component
class QueueNewcomers {

	private final QueueCounts counts;

	private final Queues queues;

	QueueNewcomers(QueueCounts counts, Queues queues) {
		this.counts = counts;
		this.queues = queues;
	}

	@ApplicationModuleListener
	void on(AccountPlaced placed) {
		this.counts.arrived(this.queues.all(), "a.id = :placed", Map.of("placed", placed.account().value()));
	}

	@ApplicationModuleListener
	void on(AccountsImported imported) {
		this.counts.arrived(this.queues.all(), "a.creditor_id = :creditor AND a.placed_at = :placedAt", Map
			.of("creditor", imported.creditor().value(), "placedAt", Timestamp.from(imported.placedAt().toInstant())));
	}

}
