package org.dues.payment.web;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.dues.payment.UnappliedCash;
import org.dues.payment.UnappliedStatus;
import org.dues.payment.UnappliedView;
import org.dues.payment.web.ReconciliationJson.ApplyRequest;
import org.dues.payment.web.ReconciliationJson.ReasonRequest;
import org.dues.payment.web.ReconciliationJson.UnappliedJson;
import org.dues.portfolio.CreditorId;
import org.dues.portfolio.Creditors;
import org.dues.shared.Choice;
import org.dues.shared.InvalidInputException;
import org.dues.system.Actor;
import org.dues.system.Unscoped;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Unapplied cash (suspense): list it, apply it to an account or split it, return it. For
 * team leads, managers and administrators.
 */
@RestController
@RequestMapping("/api/v1/unapplied-payments")
@Tag(name = "Bank reconciliation")
class UnappliedPaymentsApi {

	private static final String WHOLE = "unapplied cash belongs to no account yet; only leads, managers and administrators reach it";

	private final UnappliedCash unapplied;

	private final Creditors creditors;

	UnappliedPaymentsApi(UnappliedCash unapplied, Creditors creditors) {
		this.unapplied = unapplied;
		this.creditors = creditors;
	}

	@GetMapping
	@Operation(summary = "Unapplied money, newest first, by status and creditor (code)")
	List<UnappliedJson> list(@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String creditor) {
		UnappliedStatus wanted = status == null || status.isBlank() ? null
				: Choice.of("status", status.strip(), UnappliedStatus.class);
		CreditorId whose = creditor == null || creditor.isBlank() ? null
				: this.creditors.findByCode(creditor.strip())
					.orElseThrow(() -> new InvalidInputException("creditor", "no creditor '%s'".formatted(creditor)))
					.id();
		return this.unapplied.list(wanted, whose, 500).stream().map(UnappliedJson::of).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "An unapplied item with its history")
	UnappliedJson get(@PathVariable @Unscoped(WHOLE) UUID id) {
		return UnappliedJson.of(this.unapplied.get(id));
	}

	@PostMapping("/{id}/apply")
	@Operation(
			summary = "Apply to an account (accountId, amount: by default all that is open) or split (splits that add up to exactly what is open)",
			description = "Each part posts a payment by the account's waterfall; all or none. A retry posts nothing twice.")
	UnappliedJson apply(@PathVariable @Unscoped(WHOLE) UUID id, @RequestBody @Valid ApplyRequest body,
			Authentication user) {
		UnappliedView item = this.unapplied.get(id);
		return UnappliedJson.of(this.unapplied.apply(id, body.parts(item.amount().currency(), item.open()),
				Objects.requireNonNull(body.reason()), Actor.of(user)));
	}

	@PostMapping("/{id}/return")
	@Operation(summary = "Return what is open to the payer, with a reason")
	UnappliedJson giveBack(@PathVariable @Unscoped(WHOLE) UUID id, @RequestBody @Valid ReasonRequest body,
			Authentication user) {
		return UnappliedJson.of(this.unapplied.giveBack(id, String.valueOf(body.reason()), Actor.of(user)));
	}

}
