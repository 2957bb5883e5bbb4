/**
 * Contact: every interaction on every channel (attempts with their outcomes, contacts the
 * person started, attempts the gate blocked), the account's contact timeline, and the one
 * way out to a channel adapter, which passes the compliance gate first.
 */
@ApplicationModule(allowedDependencies = { "shared", "system", "customer", "portfolio", "compliance" })
@NullMarked
package org.dues.contact;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
