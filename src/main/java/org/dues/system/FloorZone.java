package org.dues.system;

import java.time.ZoneId;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpSession;

/**
 * The time zone a lead's pages (the supervisor's floor, the queues) tell the day in, kept
 * for the session once chosen or found: a reassignment comes back to the same day, and
 * finding the default may read every account.
 */
public final class FloorZone {

	private static final String KEY = FloorZone.class.getName();

	private FloorZone() {
	}

	/** The zone kept for the session, else the one found now, which is kept. */
	public static ZoneId of(HttpSession session, Supplier<ZoneId> otherwise) {
		if (session.getAttribute(KEY) instanceof ZoneId chosen) {
			return chosen;
		}
		ZoneId found = otherwise.get();
		session.setAttribute(KEY, found);
		return found;
	}

	/** Keeps the zone the lead chose for the rest of the session. */
	public static void choose(HttpSession session, ZoneId zone) {
		session.setAttribute(KEY, zone);
	}

}
