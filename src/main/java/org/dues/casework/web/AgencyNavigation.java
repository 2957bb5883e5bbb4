package org.dues.casework.web;

import java.security.Principal;

import org.dues.casework.AgencyAccess;
import org.dues.casework.AgencyView;
import org.jspecify.annotations.Nullable;

import org.dues.system.PageController;
import org.springframework.security.core.Authentication;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the navigation shows of agencies: the agencies page to those who manage them, and
 * an agency's manager the page of their own agency ({@code ownAgency}, its code).
 */
@ControllerAdvice(annotations = PageController.class, assignableTypes = ErrorController.class)
class AgencyNavigation {

	private final AgencyAccess access;

	AgencyNavigation(AgencyAccess access) {
		this.access = access;
	}

	@ModelAttribute("canManageAgencies")
	boolean canManageAgencies(@Nullable Principal principal) {
		return principal instanceof Authentication user && this.access.manages(user);
	}

	@ModelAttribute("ownAgency")
	@Nullable String ownAgency(@Nullable Principal principal) {
		return (principal instanceof Authentication user)
				? this.access.ownAgency(user).map(AgencyView::code).orElse(null) : null;
	}

}
