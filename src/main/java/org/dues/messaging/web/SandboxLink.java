package org.dues.messaging.web;

import java.security.Principal;

import org.jspecify.annotations.Nullable;

import org.dues.system.PageController;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Whether the layout's menu offers the Sandbox (while the simulated providers send) and
 * the templates.
 */
@ControllerAdvice(annotations = PageController.class, assignableTypes = ErrorController.class)
class SandboxLink {

	private final boolean simulated;

	SandboxLink(@Value("${dues.messaging.simulated:true}") boolean simulated) {
		this.simulated = simulated;
	}

	@ModelAttribute("canSandbox")
	boolean canSandbox(@Nullable Principal principal) {
		return this.simulated && principal != null;
	}

	/** Managers, compliance officers and administrators write the templates. */
	@ModelAttribute("canTemplates")
	boolean canTemplates(@Nullable Principal principal) {
		return principal instanceof org.springframework.security.core.Authentication user && user.getAuthorities()
			.stream()
			.anyMatch((a) -> java.util.Set.of("ROLE_MANAGER", "ROLE_COMPLIANCE", "ROLE_ADMIN")
				.contains(a.getAuthority()));
	}

}
