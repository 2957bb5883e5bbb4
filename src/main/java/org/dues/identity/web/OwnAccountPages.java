package org.dues.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.dues.identity.LoginFactors;
import org.dues.identity.SecondFactor;
import org.dues.identity.UserManagement;
import org.dues.shared.InvalidInputException;
import org.dues.system.PageController;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A user's own account: changing their password (required first when it was generated),
 * and enrolling a one-time-code app as a second factor; both ask for the current
 * password.
 */
@PageController
class OwnAccountPages {

	private static final String PENDING = OwnAccountPages.class.getName() + ".pendingSecret";

	private final UserManagement users;

	private final SecondFactor secondFactor;

	private final LoginPages logins;

	OwnAccountPages(UserManagement users, SecondFactor secondFactor, LoginPages logins) {
		this.users = users;
		this.secondFactor = secondFactor;
		this.logins = logins;
	}

	@GetMapping("/account")
	String account(Authentication login, Model model) {
		model.addAttribute("enrolled", this.secondFactor.enrolled(login.getName()));
		return "identity/account";
	}

	@GetMapping("/account/password")
	String password(Authentication login, Model model) {
		model.addAttribute("required", LoginFactors.has(login, LoginFactors.PASSWORD_CHANGE_REQUIRED));
		return "identity/password";
	}

	@PostMapping("/account/password")
	String password(@RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String confirm, Authentication login, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		try {
			if (!password.equals(confirm)) {
				throw new InvalidInputException("confirm", "does not match the new password");
			}
			HttpSession session = request.getSession(false);
			this.users.changeOwnPassword(login.getName(), current, password, (session != null) ? session.getId() : null,
					request.getRemoteAddr());
		}
		catch (InvalidInputException ex) {
			model.addAttribute("required", LoginFactors.has(login, LoginFactors.PASSWORD_CHANGE_REQUIRED));
			model.addAttribute("problem", ex.getMessage());
			return "identity/password";
		}
		this.logins.upgrade(LoginFactors.withPasswordChanged(login), request, response);
		return "redirect:/account?changed";
	}

	@GetMapping("/account/totp")
	String enrol(Authentication login, HttpSession session, Model model) {
		if (owesCode(login)) {
			return "redirect:/login/totp";
		}
		String secret = (session.getAttribute(PENDING) instanceof String pending) ? pending
				: this.secondFactor.newSecret();
		session.setAttribute(PENDING, secret);
		model.addAttribute("secret", secret);
		model.addAttribute("uri", this.secondFactor.uri(login.getName(), secret));
		model.addAttribute("enrolled", this.secondFactor.enrolled(login.getName()));
		return "identity/totp";
	}

	@GetMapping(value = "/account/totp/qr.svg")
	ResponseEntity<String> qr(Authentication login, HttpSession session) {
		if (!(session.getAttribute(PENDING) instanceof String secret)) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.valueOf("image/svg+xml"))
			.cacheControl(CacheControl.noStore())
			.body(this.secondFactor.qrSvg(this.secondFactor.uri(login.getName(), secret)));
	}

	@PostMapping("/account/totp")
	String enrol(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String current,
			Authentication login, HttpServletRequest request, HttpServletResponse response, Model model) {
		if (owesCode(login)) {
			return "redirect:/login/totp";
		}
		HttpSession session = request.getSession();
		@Nullable Object pending = session.getAttribute(PENDING);
		if (!(pending instanceof String secret)) {
			model.addAttribute("wrong", true);
			return enrol(login, session, model);
		}
		try {
			if (!this.secondFactor.enrol(login.getName(), secret, code, current, session.getId(),
					request.getRemoteAddr())) {
				model.addAttribute("wrong", true);
				return enrol(login, session, model);
			}
		}
		catch (InvalidInputException ex) {
			model.addAttribute("problem", ex.getMessage());
			return enrol(login, session, model);
		}
		session.removeAttribute(PENDING);
		this.logins.upgrade(LoginFactors.withSecondFactor(login), request, response);
		return "redirect:" + this.logins.next(request, response);
	}

	/**
	 * An enrolled user who has not given a code in this login may not enrol another app
	 * (which would skip the code).
	 */
	private boolean owesCode(Authentication login) {
		return !LoginFactors.has(login, LoginFactors.TOTP) && this.secondFactor.enrolled(login.getName());
	}

}
