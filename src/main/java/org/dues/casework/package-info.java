/**
 * Casework: the cases an account can become beyond the desk's daily work. Disputes and
 * complaints with the deadlines of their jurisdiction, legal referrals with their stages
 * and statutory clocks, field visits, placements with external agencies and referrals to
 * a senior inside the team. Each case has a type, a status, an owner, due dates computed
 * from rules and a timeline; the holds a case places are the compliance module's.
 */
@ApplicationModule(allowedDependencies = { "shared", "system", "identity", "customer", "portfolio", "compliance",
		"contact", "work", "arrangement", "payment", "messaging", "messaging :: letter" })
@NullMarked
package org.dues.casework;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
