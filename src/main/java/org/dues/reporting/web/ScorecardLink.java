package org.dues.reporting.web;

import java.security.Principal;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.dues.system.PageController;
import org.springframework.security.core.Authentication;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Whether the layout's menu offers the scorecard (to agents, their own, leads and
 * managers) and the reports (to managers, compliance officers and administrators), as the
 * web security rules let them read them.
 */
@ControllerAdvice(annotations = PageController.class, assignableTypes = ErrorController.class)
class ScorecardLink {

	private static final Set<String> READERS = Set.of("ROLE_AGENT", "ROLE_TEAM_LEAD", "ROLE_MANAGER", "ROLE_ADMIN");

	private static final Set<String> REPORT_READERS = Set.of("ROLE_MANAGER", "ROLE_COMPLIANCE", "ROLE_ADMIN");

	@ModelAttribute("canReports")
	boolean canReports(@Nullable Principal principal) {
		return principal instanceof Authentication user
				&& user.getAuthorities().stream().anyMatch((a) -> REPORT_READERS.contains(a.getAuthority()));
	}

	@ModelAttribute("canScorecard")
	boolean canScorecard(@Nullable Principal principal) {
		return principal instanceof Authentication user
				&& user.getAuthorities().stream().anyMatch((a) -> READERS.contains(a.getAuthority()));
	}

}
