package org.dues.identity.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.dues.identity.LoginFactors;
import org.dues.identity.SecondFactor;
import org.dues.identity.UserManagement;
import org.dues.system.PageController;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The login form (which, in demo mode, says so and lists the demo logins) and the second
 * step of a login that owes a one-time code.
 */
@PageController
class LoginPages {

	private final UserManagement users;

	private final SecondFactor secondFactor;

	private final boolean demo;

	private final String demoPassword;

	private final boolean adminPasswordSet;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final RequestCache requests = new HttpSessionRequestCache();

	LoginPages(UserManagement users, SecondFactor secondFactor, org.dues.system.RuntimeMode mode,
			@Value("${dues.demo-password:demo}") String demoPassword,
			@Value("${dues.admin-password:}") String adminPassword) {
		this.users = users;
		this.secondFactor = secondFactor;
		this.demo = mode.demo();
		this.demoPassword = demoPassword;
		this.adminPasswordSet = !adminPassword.isBlank();
	}

	@GetMapping("/login")
	String login(Model model) {
		model.addAttribute("demo", this.demo);
		if (this.demo) {
			List<UserManagement.UserView> logins = this.users.demoLogins()
				.stream()
				.filter((u) -> !(this.adminPasswordSet && u.username().equals("admin")))
				.toList();
			model.addAttribute("demoLogins", logins);
			model.addAttribute("demoPassword", this.demoPassword);
		}
		return "identity/login";
	}

	@GetMapping("/login/totp")
	String code(Authentication login) {
		if (!this.secondFactor.enrolled(login.getName())) {
			return "redirect:/account/totp";
		}
		return "identity/login-totp";
	}

	@PostMapping("/login/totp")
	String code(@RequestParam(defaultValue = "") String code, Authentication login, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		SecondFactor.CodeCheck check = this.secondFactor.check(login.getName(), code, request.getRemoteAddr());
		if (!check.accepted()) {
			model.addAttribute("wrong", check.lockedMinutes() == 0);
			model.addAttribute("lockedMinutes", check.lockedMinutes());
			return "identity/login-totp";
		}
		upgrade(LoginFactors.withSecondFactor(login), request, response);
		return "redirect:" + next(request, response);
	}

	/** Replaces the login in the session (under a new session id) by the one given. */
	void upgrade(Authentication upgraded, HttpServletRequest request, HttpServletResponse response) {
		request.changeSessionId();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(upgraded);
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
	}

	/** Where the login was going before its second step, else the start page. */
	String next(HttpServletRequest request, HttpServletResponse response) {
		@Nullable SavedRequest saved = this.requests.getRequest(request, response);
		if (saved == null) {
			return "/";
		}
		this.requests.removeRequest(request, response);
		return saved.getRedirectUrl();
	}

}
