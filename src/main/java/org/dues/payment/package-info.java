/**
 * Payments on every channel: posted to the account's ledger through the portfolio's
 * waterfall, unique per creditor and external reference, and reversible when they bounce.
 */
@ApplicationModule(allowedDependencies = { "shared", "portfolio", "customer", "system" })
@NullMarked
package org.dues.payment;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
