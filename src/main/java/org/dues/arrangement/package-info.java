/**
 * Arrangements: promises to pay, payment plans, settlements, waivers and deferments,
 * checked against the creditor's authority matrix for the asker's role (what goes beyond
 * it waits in an approvals inbox), evaluated against payments as they post and daily for
 * the date-driven breaks, with every step recorded.
 */
@ApplicationModule(allowedDependencies = { "shared", "system", "identity", "portfolio", "payment" })
@NullMarked
package org.dues.arrangement;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
