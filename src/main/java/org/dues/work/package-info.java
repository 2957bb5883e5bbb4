/**
 * Work: what agents do next. Assignment of accounts to agents or team queues, queues
 * defined by filters and an order, "next account", the desk's call and outcome, the
 * follow-ups that callbacks and broken promises and plans raise; queue sizes, who holds
 * an account, and the leases and promises it publishes for the supervisor's floor.
 */
@ApplicationModule(allowedDependencies = { "shared", "system", "identity", "customer", "portfolio", "compliance",
		"contact", "arrangement", "payment", "messaging :: events" })
@NullMarked
package org.dues.work;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
