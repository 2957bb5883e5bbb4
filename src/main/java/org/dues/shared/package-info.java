/**
 * The shared kernel: value types every module speaks in (money, phone numbers, email and
 * postal addresses, date ranges). Nothing here needs Spring or a database.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package org.dues.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
