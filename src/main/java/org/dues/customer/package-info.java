/**
 * The people and businesses who owe: their names in their own script, language, date of
 * birth, and contact points (phones, emails, postal addresses) with where each came from,
 * consent, verification and wrong-number marks, and the time zones a person may be in.
 */
@ApplicationModule(allowedDependencies = { "shared", "system" })
@NullMarked
package org.dues.customer;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
