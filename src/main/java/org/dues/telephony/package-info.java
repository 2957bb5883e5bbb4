/**
 * Telephony: dial campaigns and their pacing (preview, progressive and a predictive pacer
 * that learns talk, wrap and answer times as calls end and tunes its own safety margin to
 * hold abandoned calls within the law), provider adapters (cloud click-to-call and a
 * simulated carrier), call events and recordings.
 */
@ApplicationModule(allowedDependencies = { "shared", "system", "identity", "customer", "portfolio", "compliance",
		"contact", "work", "messaging :: events" })
@NullMarked
package org.dues.telephony;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
