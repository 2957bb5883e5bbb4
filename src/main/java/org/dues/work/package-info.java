/**
 * Work: what agents do next. For now the follow-ups that broken promises and plans raise
 * for the account's agent the next day; queues, assignment and "next account" build on
 * them.
 */
@ApplicationModule(allowedDependencies = { "shared", "system", "identity", "customer", "portfolio", "compliance",
		"contact", "arrangement" })
@NullMarked
package org.dues.work;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
