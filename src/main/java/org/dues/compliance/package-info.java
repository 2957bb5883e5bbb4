/**
 * Compliance: contact policies per jurisdiction as data, the holds, consents,
 * inconvenient times and banned media of each person, the contact decision (a pure
 * function of a policy and facts, one named rule at a time), the decisions recorded at
 * the gate, and the hash-chained audit trail.
 */
@ApplicationModule(allowedDependencies = { "shared", "system", "customer", "portfolio", "identity" })
@NullMarked
package org.dues.compliance;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
