/**
 * System glue: where the database comes from (an embedded PostgreSQL or a configured
 * server), the clock, and how errors leave the HTTP API as problem details.
 */
@ApplicationModule(allowedDependencies = "shared")
@NullMarked
package org.dues.system;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
