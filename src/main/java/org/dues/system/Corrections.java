package org.dues.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.dues.shared.NotPermittedException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Segregation of duties for undoing an entry: reversing a payment, revoking a consent,
 * lifting a hold, an inconvenient time or a banned medium. The roles that may (a lead and
 * above; compliance for the customer's restrictions) undo any entry they reach; the
 * person who made the entry may undo their own for a short while after (a mistyped
 * amount, a hold on the wrong debt), {@code DUES_CORRECTION_WINDOW}, 15 minutes by
 * default; nobody else. The reason is required by each undoing and kept in its history.
 */
@Component
public class Corrections {

	/** Leads and above: may reverse any payment they reach. */
	public static final Set<String> LEADS_AND_ABOVE = Set.of("ROLE_TEAM_LEAD", "ROLE_MANAGER", "ROLE_ADMIN");

	/** Compliance, leads and above: may lift any restriction of a customer they reach. */
	public static final Set<String> COMPLIANCE_LEADS_AND_ABOVE = Set.of("ROLE_COMPLIANCE", "ROLE_TEAM_LEAD",
			"ROLE_MANAGER", "ROLE_ADMIN");

	private final Duration window;

	private final Clock clock;

	Corrections(@Value("${dues.corrections.window:PT15M}") Duration window, Clock clock) {
		this.window = window;
		this.clock = clock;
	}

	/**
	 * Checks that the actor may undo an entry.
	 * @param what the entry, as the refusal names it ("this payment")
	 * @param madeBy who made it
	 * @param madeAt when
	 * @param privileged the roles that may undo anyone's
	 * @throws NotPermittedException saying who may
	 */
	public void check(Actor actor, String what, String madeBy, Instant madeAt, Set<String> privileged) {
		if (allows(actor, madeBy, madeAt, privileged)) {
			return;
		}
		if (!actor.name().equals(madeBy)) {
			throw new NotPermittedException(
					"%s was recorded by %s: only %s may undo it".formatted(what, madeBy, roles(privileged)));
		}
		if (this.clock.instant().isAfter(madeAt.plus(this.window))) {
			throw new NotPermittedException("%s was recorded more than %d minutes ago: only %s may undo it now"
				.formatted(what, this.window.toMinutes(), roles(privileged)));
		}
	}

	/** Whether the actor may undo the entry now (to offer the button only to them). */
	public boolean allows(Actor actor, String madeBy, Instant madeAt, Set<String> privileged) {
		return actor.system() || actor.hasAny(privileged)
				|| (actor.name().equals(madeBy) && !this.clock.instant().isAfter(madeAt.plus(this.window)));
	}

	/** How long the person who made an entry may undo it themselves. */
	public Duration window() {
		return this.window;
	}

	private static String roles(Set<String> privileged) {
		return privileged.contains("ROLE_COMPLIANCE") ? "a compliance officer, team lead, manager or administrator"
				: "a team lead, manager or administrator";
	}

}
