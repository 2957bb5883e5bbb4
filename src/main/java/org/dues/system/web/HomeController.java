package org.dues.system.web;

import java.security.Principal;
import java.util.List;

import org.dues.system.PageController;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page (the login pages are identity's).
 */
@PageController
class HomeController {

	/**
	 * Agents start at their desk, field agents at their day's visits; everyone else at
	 * the account search.
	 */
	@GetMapping("/")
	String home(@Nullable Principal principal) {
		List<String> roles = (principal instanceof Authentication user) ? user.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((a) -> a != null && a.startsWith("ROLE_"))
			.toList() : List.of();
		boolean agentOnly = roles.equals(List.of("ROLE_AGENT"));
		if (roles.equals(List.of("ROLE_FIELD_AGENT"))) {
			return "redirect:/field";
		}
		return agentOnly ? "redirect:/desk" : "redirect:/accounts";
	}

}
