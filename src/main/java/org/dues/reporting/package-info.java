/**
 * Reporting: the figures a collections floor is run by, read only from the faces the
 * owning modules publish (their SQL views and query methods) and fed by their events,
 * never from their tables. Today the supervisor's floor (each agent's state and day,
 * queue sizes and ages, callbacks nobody took), the first event-fed fact (each payment
 * and reversal credited to the agent who earned it at the time), agents' scorecards, and
 * monthly targets of agents, teams and creditors with their progress and run-rate
 * forecast to month end.
 */
@ApplicationModule(allowedDependencies = { "shared", "system", "identity", "portfolio", "contact", "arrangement",
		"casework", "payment", "work", "messaging" })
@NullMarked
package org.dues.reporting;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
