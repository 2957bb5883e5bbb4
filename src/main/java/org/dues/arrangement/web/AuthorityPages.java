package org.dues.arrangement.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import org.dues.arrangement.Authority;
import org.dues.arrangement.AuthorityEntry;
import org.dues.arrangement.AuthorityMatrix;
import org.dues.arrangement.StaleAuthorityException;
import org.dues.identity.Role;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.shared.InvalidInputException;
import org.dues.shared.Money;
import org.dues.shared.validation.Amount;
import org.dues.shared.validation.Keys;
import org.dues.shared.validation.OneOf;
import org.dues.shared.validation.RequestMoney;
import org.dues.system.PageController;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The authority matrix of a creditor: what each role may agree without approval, amounts
 * in the creditor's currency. Administrators change any role's; managers, as in the API,
 * those of agents and team leads. Each change is checked (Bean Validation), names the
 * version it was made on and goes into the audit trail ({@link AuthorityMatrix}).
 */
@PageController
class AuthorityPages {

	private static final Set<Role> MANAGERS_SET = Set.of(Role.AGENT, Role.TEAM_LEAD);

	private final AuthorityMatrix matrix;

	private final Creditors creditors;

	AuthorityPages(AuthorityMatrix matrix, Creditors creditors) {
		this.matrix = matrix;
		this.creditors = creditors;
	}

	@GetMapping("/admin/authority")
	String page(@RequestParam(required = false) @Nullable String creditor, Authentication user, Model model) {
		return page(model, user, chosen(creditor), null, Map.of());
	}

	@PostMapping("/admin/authority")
	String change(@Valid @ModelAttribute AuthorityForm form, BindingResult binding, Authentication user, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		CreditorView creditor = chosen(form.creditor());
		Map<String, String> errors = new LinkedHashMap<>();
		for (FieldError error : binding.getFieldErrors()) {
			errors.merge(error.getField(), message(error), (a, b) -> a + "; " + b);
		}
		Role role = null;
		if (!errors.containsKey("role") && form.role() != null) {
			role = Role.valueOf(form.role().strip().toUpperCase(java.util.Locale.ROOT));
			if (role == Role.COMPLIANCE) {
				errors.put("role", "compliance officers agree nothing without approval");
			}
			else if (!mayChange(user, role)) {
				throw new AccessDeniedException(
						"managers set the authority of agents and team leads; only an administrator sets a manager's");
			}
		}
		if (creditor == null) {
			errors.put("creditor", "choose a creditor");
		}
		if (errors.isEmpty() && creditor != null && role != null) {
			try {
				this.matrix.set(creditor.id(), creditor.currency(), role, form.authority(creditor),
						Integer.parseInt(form.version().strip()), user.getName());
				redirect.addFlashAttribute("done", "admin.authority.saved");
				redirect.addAttribute("creditor", creditor.code());
				return "redirect:/admin/authority";
			}
			catch (StaleAuthorityException ex) {
				model.addAttribute("stale", role.name());
				response.setStatus(HttpStatus.CONFLICT.value());
				return page(model, user, creditor, null, Map.of());
			}
			catch (InvalidInputException ex) {
				ex.errors().forEach((e) -> errors.merge(e.field(), e.message(), (a, b) -> a + "; " + b));
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return page(model, user, creditor, form, errors);
	}

	private String page(Model model, Authentication user, @Nullable CreditorView creditor,
			@Nullable AuthorityForm posted, Map<String, String> errors) {
		model.addAttribute("creditors", this.creditors.list());
		model.addAttribute("creditor", creditor);
		List<AuthorityEntry> entries = (creditor == null) ? List.of()
				: this.matrix.entries(creditor.id(), creditor.currency());
		model.addAttribute("entries", entries);
		Map<Role, AuthorityForm> forms = new LinkedHashMap<>();
		for (AuthorityEntry entry : entries) {
			boolean refused = posted != null && entry.role().name().equalsIgnoreCase(String.valueOf(posted.role()));
			forms.put(entry.role(), refused ? posted : AuthorityForm.of(creditor, entry));
		}
		model.addAttribute("forms", forms);
		model.addAttribute("refusedRole", (posted == null || errors.isEmpty()) ? null
				: String.valueOf(posted.role()).strip().toUpperCase(java.util.Locale.ROOT));
		model.addAttribute("errors", errors);
		model.addAttribute("editable",
				entries.stream().filter((e) -> mayChange(user, e.role())).map((e) -> e.role()).toList());
		return "arrangement/authority";
	}

	private @Nullable CreditorView chosen(@Nullable String code) {
		if (code != null && !code.isBlank()) {
			return this.creditors.getByCode(code.strip());
		}
		List<CreditorView> all = this.creditors.list();
		return all.isEmpty() ? null : all.get(0);
	}

	/** Administrators change every role's authority, managers agents' and team leads'. */
	private static boolean mayChange(Authentication user, Role role) {
		Set<String> granted = new java.util.HashSet<>();
		user.getAuthorities().forEach((a) -> granted.add(a.getAuthority()));
		return granted.contains(Role.ADMIN.authority())
				|| granted.contains(Role.MANAGER.authority()) && MANAGERS_SET.contains(role);
	}

	private static String message(FieldError error) {
		return error.isBindingFailure() ? "'%s' is not valid here".formatted(error.getRejectedValue())
				: String.valueOf(error.getDefaultMessage());
	}

	/**
	 * One role's authority as its form shows and posts it: percentages and counts as
	 * typed, amounts as decimal strings in the creditor's currency (an empty largest
	 * waiver for no limit), and the version the form was filled on (0 for the defaults).
	 */
	public record AuthorityForm(@NotBlank(message = Keys.REQUIRED) @Nullable String creditor,
			@OneOf(value = Role.class, required = true) @Nullable String role,
			@NotBlank(message = Keys.REQUIRED) @Digits(integer = 3, fraction = 2,
					message = "{dues.validation.amount.digits}") @DecimalMin("0") @DecimalMax("100") @Nullable String maxDiscountPct,
			@Amount(zero = true) @Nullable String maxWaiver,
			@NotBlank(message = Keys.REQUIRED) @Digits(integer = 3, fraction = 0,
					message = "{dues.validation.amount.digits}") @DecimalMin("0") @DecimalMax("600") @Nullable String longestPlanMonths,
			@NotBlank(message = Keys.REQUIRED) @Amount(zero = true) @Nullable String smallestInstalment,
			@NotBlank(message = Keys.REQUIRED) @Digits(integer = 3, fraction = 2,
					message = "{dues.validation.amount.digits}") @DecimalMin("0") @DecimalMax("100") @Nullable String minFirstPaymentPct,
			@NotBlank(message = Keys.REQUIRED) @Digits(integer = 4, fraction = 0,
					message = "{dues.validation.amount.digits}") @DecimalMin("0") @DecimalMax("3660") @Nullable String maxDefermentDays,
			@NotBlank(message = Keys.REQUIRED) @Digits(integer = 9, fraction = 0,
					message = "{dues.validation.amount.digits}") @Nullable String version) {

		static AuthorityForm of(@Nullable CreditorView creditor, AuthorityEntry entry) {
			Authority a = entry.authority();
			return new AuthorityForm((creditor == null) ? "" : creditor.code(), entry.role().name(),
					plain(a.maxDiscountPct()), (a.maxWaiver() == null) ? "" : plain(a.maxWaiver().amount()),
					Integer.toString(a.longestPlanMonths()), plain(a.smallestInstalment().amount()),
					plain(a.minFirstPaymentPct()), Integer.toString(a.maxDefermentDays()),
					Integer.toString(entry.version()));
		}

		private static String plain(BigDecimal value) {
			return value.stripTrailingZeros().toPlainString();
		}

		/** The authority the form sets, amounts in the creditor's currency. */
		Authority authority(CreditorView creditor) {
			Money waiver = RequestMoney.of("maxWaiver", this.maxWaiver, creditor.currency(), null);
			return new Authority(new BigDecimal(String.valueOf(this.maxDiscountPct).strip()), waiver,
					Integer.parseInt(String.valueOf(this.longestPlanMonths).strip()),
					RequestMoney.orZero("smallestInstalment", this.smallestInstalment, creditor.currency()),
					new BigDecimal(String.valueOf(this.minFirstPaymentPct).strip()),
					Integer.parseInt(String.valueOf(this.maxDefermentDays).strip()));
		}

	}

}
