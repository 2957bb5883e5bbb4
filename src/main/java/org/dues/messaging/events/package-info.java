/**
 * What messaging tells other modules: the events they may listen to without depending on
 * the rest of messaging.
 */
@NamedInterface("events")
@NullMarked
package org.dues.messaging.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
