/**
 * The demo: on an empty embedded database, a deterministic portfolio (an Indian NBFC and
 * a US card issuer, a few thousand accounts across every bucket) and the demo users.
 */
@ApplicationModule(allowedDependencies = { "shared", "system", "identity", "customer", "portfolio", "payment",
		"compliance", "contact", "work", "arrangement", "casework", "reporting", "telephony" })
@NullMarked
package org.dues.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
