package org.dues.system;

import java.time.ZoneId;
import java.util.Optional;

/**
 * The time zone a user chose to read times in, where one was set; the identity module
 * answers it (the system module does not read users itself).
 */
public interface UserZones {

	/** The user's own zone, or empty when none was set. */
	Optional<ZoneId> zoneOf(String username);

}
