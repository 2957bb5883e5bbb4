package org.dues.system.web;

import java.security.Principal;

import org.jspecify.annotations.Nullable;

import org.dues.system.PageController;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's layout needs: who is logged in. Pages only (and the error page): the
 * API's controllers are {@code @Controller}s too, and would otherwise compute all of this
 * on every request for nothing.
 */
@ControllerAdvice(annotations = PageController.class, assignableTypes = ErrorController.class)
class PageModel {

	@ModelAttribute("canImport")
	boolean canImport(@Nullable Principal principal) {
		return principal instanceof org.springframework.security.core.Authentication user && user.getAuthorities()
			.stream()
			.anyMatch((a) -> "ROLE_ADMIN".equals(a.getAuthority()) || "ROLE_MANAGER".equals(a.getAuthority()));
	}

	@ModelAttribute("canApprove")
	boolean canApprove(@Nullable Principal principal) {
		return principal instanceof org.springframework.security.core.Authentication user && user.getAuthorities()
			.stream()
			.anyMatch((a) -> "ROLE_ADMIN".equals(a.getAuthority()) || "ROLE_MANAGER".equals(a.getAuthority())
					|| "ROLE_TEAM_LEAD".equals(a.getAuthority()));
	}

	@ModelAttribute("canLead")
	boolean canLead(@Nullable Principal principal) {
		return canApprove(principal);
	}

	/** The field agent's own page of the day's visits. */
	@ModelAttribute("isFieldAgent")
	boolean isFieldAgent(@Nullable Principal principal) {
		return principal instanceof org.springframework.security.core.Authentication user
				&& user.getAuthorities().stream().anyMatch((a) -> "ROLE_FIELD_AGENT".equals(a.getAuthority()));
	}

	@ModelAttribute("canAdminister")
	boolean canAdminister(@Nullable Principal principal) {
		return principal instanceof org.springframework.security.core.Authentication user
				&& user.getAuthorities().stream().anyMatch((a) -> "ROLE_ADMIN".equals(a.getAuthority()));
	}

	/**
	 * The compliance pages: the audit trail, the contact policies, the blocked attempts.
	 */
	@ModelAttribute("canCheckCompliance")
	boolean canCheckCompliance(@Nullable Principal principal) {
		return principal instanceof org.springframework.security.core.Authentication user && user.getAuthorities()
			.stream()
			.anyMatch((a) -> "ROLE_COMPLIANCE".equals(a.getAuthority()) || "ROLE_ADMIN".equals(a.getAuthority()));
	}

	@ModelAttribute("currentUser")
	@Nullable String currentUser(@Nullable Principal principal) {
		return principal == null ? null : principal.getName();
	}

}
