/**
 * Who may do what: users, their roles (agent, team lead, manager, compliance officer,
 * administrator) and agent attributes; password login for the web UI (sessions in
 * PostgreSQL, a one-time code as a second factor) and HTTP Basic for the API, both
 * throttled; sessions end when rights change.
 */
@ApplicationModule(allowedDependencies = { "shared", "system" })
@NullMarked
package org.dues.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
