package org.dues.work;

import org.dues.portfolio.AccountsImported;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * An import of new accounts fills the pool at once: the queues are counted in full
 * ({@link QueueCounts}) once it commits, so the floor shows them without waiting for the
 * five-minute pass. An account placed by itself (the API's placements, one at a time)
 * waits for that pass: counting it alone could count it twice when a full count ran
 * between its placement and its event, and a count per placement would cost more than the
 * floor gains.
 */
@Component
class QueueNewcomers {

	private final QueueSizes sizes;

	QueueNewcomers(QueueSizes sizes) {
		this.sizes = sizes;
	}

	@ApplicationModuleListener
	void on(AccountsImported imported) {
		if (imported.created() > 0) {
			this.sizes.recountAll();
		}
	}

}
