package org.dues.system.web;

import java.security.Principal;

import org.dues.system.PageController;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The login page and the start page.
 */
@PageController
class HomeController {

	@GetMapping("/login")
	String login() {
		return "system/login";
	}

	/** Agents start at their desk; everyone else at the account search. */
	@GetMapping("/")
	String home(@Nullable Principal principal) {
		boolean agentOnly = principal instanceof Authentication user
				&& user.getAuthorities().stream().allMatch((a) -> "ROLE_AGENT".equals(a.getAuthority()));
		return agentOnly ? "redirect:/desk" : "redirect:/accounts";
	}

}
