/**
 * The debts: creditors (clients) and their bucket schemes and payment waterfalls,
 * accounts placed with us, the append-only balance ledger that is the only way a balance
 * changes, and aging (days past due and buckets, in the creditor's time zone).
 */
@ApplicationModule(allowedDependencies = { "shared", "customer", "system" })
@NullMarked
package org.dues.portfolio;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
