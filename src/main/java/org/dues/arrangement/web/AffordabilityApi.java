package org.dues.arrangement.web;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.dues.arrangement.Affordability;
import org.dues.arrangement.ArrangementManagement;
import org.dues.arrangement.Authority;
import org.dues.arrangement.AuthorityMatrix;
import org.dues.identity.Role;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.shared.Money;
import org.dues.shared.MoneyJson;
import org.dues.shared.validation.Amount;
import org.dues.shared.validation.Keys;
import org.dues.shared.validation.RequestMoney;
import org.dues.system.Scoped;
import org.dues.system.Unscoped;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The income-and-expenditure assessment with its offers, and the authority matrix.
 */
@RestController
@Tag(name = "Arrangements")
class AffordabilityApi {

	private final ArrangementManagement arrangements;

	private final AuthorityMatrix authority;

	private final Accounts accounts;

	private final Creditors creditors;

	AffordabilityApi(ArrangementManagement arrangements, AuthorityMatrix authority, Accounts accounts,
			Creditors creditors) {
		this.arrangements = arrangements;
		this.authority = authority;
		this.accounts = accounts;
		this.creditors = creditors;
	}

	@PostMapping("/api/v1/accounts/{accountId}/affordability")
	@Operation(summary = "Disposable income from monthly figures, and up to three offers within your authority")
	AssessmentJson assess(@PathVariable @Scoped("account") UUID accountId, @RequestBody @Valid StatementRequest body,
			Authentication user) {
		Currency currency = this.accounts.get(new AccountId(accountId)).currency();
		Money income = RequestMoney.orZero("income", body.income(), currency);
		Money essential = RequestMoney.orZero("essentialSpending", body.essentialSpending(), currency);
		Money other = RequestMoney.orZero("otherSpending", body.otherSpending(), currency);
		Money debts = RequestMoney.orZero("otherDebts", body.otherDebts(), currency);
		Affordability.Assessment assessment = this.arrangements.affordability(new AccountId(accountId),
				new Affordability.Statement(income, essential, other, debts), Inputs.asker(user));
		return new AssessmentJson(MoneyJson.of(assessment.disposable()),
				assessment.offers()
					.stream()
					.map((o) -> new OfferJson(o.name(), o.kind().name(), o.instalments(), MoneyJson.of(o.instalment()),
							MoneyJson.of(o.total()), MoneyJson.of(o.discount()), o.firstDueOn().toString()))
					.toList());
	}

	@GetMapping("/api/v1/creditors/{code}/authority/{role}")
	@Operation(summary = "What a role may agree for a creditor without approval")
	AuthorityJson read(
			@PathVariable @Unscoped("a creditor's or policy's code: no personal data, and writes are gated by role") String code,
			@PathVariable @Unscoped("a role's name") String role) {
		CreditorView creditor = this.creditors.getByCode(code);
		return AuthorityJson.of(this.authority.of(creditor.id(), creditor.currency(), roleOf(role)));
	}

	@PutMapping("/api/v1/creditors/{code}/authority/{role}")
	@Operation(summary = "Set what a role may agree for a creditor without approval")
	AuthorityJson set(
			@PathVariable @Unscoped("a creditor's or policy's code: no personal data, and writes are gated by role") String code,
			@PathVariable @Unscoped("a role's name") String role, @RequestBody @Valid AuthorityRequest body,
			Authentication user) {
		CreditorView creditor = this.creditors.getByCode(code);
		Role target = roleOf(role);
		boolean admin = user.getAuthorities().stream().anyMatch((a) -> "ROLE_ADMIN".equals(a.getAuthority()));
		if (!admin && (target == Role.MANAGER || target == Role.ADMIN)) {
			throw new org.springframework.security.access.AccessDeniedException(
					"managers set the authority of agents and team leads; only an administrator sets a manager's");
		}
		Money waiver = RequestMoney.orZero("maxWaiver", body.maxWaiver(), creditor.currency());
		Money smallest = RequestMoney.orZero("smallestInstalment", body.smallestInstalment(), creditor.currency());
		Authority authority = new Authority(body.maxDiscountPct(),
				(body.maxWaiver() == null || body.maxWaiver().isBlank()) ? null : waiver, body.longestPlanMonths(),
				smallest, (body.minFirstPaymentPct() == null) ? BigDecimal.ZERO : body.minFirstPaymentPct(),
				(body.maxDefermentDays() == null) ? 0 : body.maxDefermentDays());
		this.authority.set(creditor.id(), roleOf(role), authority, user.getName());
		return AuthorityJson.of(this.authority.of(creditor.id(), creditor.currency(), roleOf(role)));
	}

	private static Role roleOf(String role) {
		try {
			return Role.valueOf(role.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new org.dues.shared.InvalidInputException("role",
					"'%s' is not one of %s".formatted(role, List.of(Role.values())));
		}
	}

	record StatementRequest(@NotBlank(message = Keys.REQUIRED) @Amount(zero = true) @Nullable String income,
			@Amount(zero = true) @Nullable String essentialSpending,
			@Amount(zero = true) @Nullable String otherSpending, @Amount(zero = true) @Nullable String otherDebts) {
	}

	record AssessmentJson(MoneyJson disposable, List<OfferJson> offers) {
	}

	record OfferJson(String name, String kind, int instalments, MoneyJson instalment, MoneyJson total,
			MoneyJson discount, String firstDueOn) {
	}

	/**
	 * A role's authority as the API writes it: percentages as numbers, money as the API's
	 * money objects ({@code {"amount": "0.00", "currency": "INR"}}), no waiver limit as
	 * null.
	 */
	record AuthorityJson(BigDecimal maxDiscountPct, @Nullable MoneyJson maxWaiver, int longestPlanMonths,
			MoneyJson smallestInstalment, BigDecimal minFirstPaymentPct, int maxDefermentDays) {

		static AuthorityJson of(Authority a) {
			return new AuthorityJson(a.maxDiscountPct(), MoneyJson.ofNullable(a.maxWaiver()), a.longestPlanMonths(),
					MoneyJson.of(a.smallestInstalment()), a.minFirstPaymentPct(), a.maxDefermentDays());
		}

	}

	record AuthorityRequest(@NotNull(message = Keys.REQUIRED) @Nullable BigDecimal maxDiscountPct,
			@Amount(zero = true) @Nullable String maxWaiver,
			@NotNull(message = Keys.REQUIRED) @Nullable Integer longestPlanMonths,
			@Amount(zero = true) @Nullable String smallestInstalment, @Nullable BigDecimal minFirstPaymentPct,
			@Nullable Integer maxDefermentDays) {
	}

}
