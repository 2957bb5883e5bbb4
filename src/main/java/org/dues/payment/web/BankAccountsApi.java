package org.dues.payment.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.dues.payment.CreditorBankAccounts;
import org.dues.payment.StatementMapping;
import org.dues.payment.StatementMappings;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.system.Unscoped;
import org.jspecify.annotations.Nullable;

import static org.dues.shared.validation.Keys.LENGTH;
import static org.dues.shared.validation.Keys.REQUIRED;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bank accounts of each creditor (a statement of one is that creditor's) and the
 * mapping profiles of CSV statements. For managers and administrators.
 */
@RestController
@Tag(name = "Bank reconciliation")
class BankAccountsApi {

	private static final String CODE = "a creditor's code: creditors are set up by managers and administrators, who reach all";

	private final CreditorBankAccounts accounts;

	private final StatementMappings mappings;

	private final Creditors creditors;

	BankAccountsApi(CreditorBankAccounts accounts, StatementMappings mappings, Creditors creditors) {
		this.accounts = accounts;
		this.mappings = mappings;
		this.creditors = creditors;
	}

	@GetMapping("/api/v1/creditors/{code}/bank-accounts")
	@Operation(summary = "The creditor's bank accounts")
	List<CreditorBankAccounts.BankAccount> list(@PathVariable @Unscoped(CODE) String code) {
		return this.accounts.of(this.creditors.getByCode(code).id());
	}

	@PostMapping("/api/v1/creditors/{code}/bank-accounts")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record a bank account (IBAN or account number) of the creditor",
			description = "Recording it again changes nothing; 409 when it is another creditor's")
	CreditorBankAccounts.BankAccount add(@PathVariable @Unscoped(CODE) String code,
			@RequestBody @Valid BankAccountRequest body, Authentication user) {
		CreditorView creditor = this.creditors.getByCode(code);
		return this.accounts.add(creditor.id(), String.valueOf(body.identifier()), body.label(), user.getName());
	}

	@DeleteMapping("/api/v1/creditors/{code}/bank-accounts/{identifier}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a bank account of the creditor")
	void remove(@PathVariable @Unscoped(CODE) String code,
			@PathVariable @Unscoped("a bank account of the creditor named") String identifier) {
		this.accounts.remove(this.creditors.getByCode(code).id(), identifier);
	}

	@PutMapping("/api/v1/bank-statement-mappings/{name}")
	@Operation(summary = "Save a CSV statement mapping profile")
	StatementMapping saveMapping(@PathVariable @Unscoped("mapping profiles are shared by every creditor") String name,
			@RequestBody @Valid MappingRequest body) {
		return this.mappings.save(new StatementMapping(name, String.valueOf(body.dateColumn()), body.amountColumn(),
				body.creditColumn(), body.debitColumn(), body.referenceColumn(), body.remittanceColumn(),
				body.nameColumn(), body.dateFormat() == null ? "yyyy-MM-dd" : body.dateFormat()));
	}

	record BankAccountRequest(
			@NotBlank(message = REQUIRED) @Size(max = 50, message = LENGTH) @Nullable String identifier,
			@Size(max = 100, message = LENGTH) @Nullable String label) {
	}

	record MappingRequest(@NotBlank(message = REQUIRED) @Nullable String dateColumn, @Nullable String amountColumn,
			@Nullable String creditColumn, @Nullable String debitColumn, @Nullable String referenceColumn,
			@Nullable String remittanceColumn, @Nullable String nameColumn, @Nullable String dateFormat) {
	}

}
