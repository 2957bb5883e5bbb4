package org.dues.payment.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.dues.payment.BankStatements;
import org.dues.payment.StatementEntryView;
import org.dues.payment.StatementExceptions;
import org.dues.payment.StatementFormat;
import org.dues.payment.UnbalancedStatementException;
import org.dues.payment.web.ReconciliationJson.ApplyRequest;
import org.dues.payment.web.ReconciliationJson.EntryJson;
import org.dues.payment.web.ReconciliationJson.ReasonRequest;
import org.dues.payment.web.ReconciliationJson.StatementJson;
import org.dues.shared.Choice;
import org.dues.system.Actor;
import org.dues.system.Unscoped;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Bank statements: import one (camt.053, MT940, CSV), read its report and entries, and
 * decide its exceptions. For team leads, managers and administrators.
 */
@RestController
@RequestMapping("/api/v1/bank-statements")
@Tag(name = "Bank reconciliation")
class BankStatementsApi {

	private static final String WHOLE = "statements are reconciled per creditor's bank account by leads, managers and administrators, who reach all of them";

	private final BankStatements statements;

	private final StatementExceptions exceptions;

	BankStatementsApi(BankStatements statements, StatementExceptions exceptions) {
		this.statements = statements;
		this.exceptions = exceptions;
	}

	@PostMapping(consumes = "multipart/form-data")
	@Operation(summary = "Import and reconcile a bank statement",
			description = "201 with the report; 200 with the first report when the same statement (bank account, number, period) was imported before; 400 naming the line or element that does not parse; 422 with the figures when it does not balance")
	ResponseEntity<StatementJson> upload(@RequestPart("file") MultipartFile file,
			@RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) @Nullable String mapping,
			@RequestParam(required = false) @Nullable String creditor, Authentication user) throws IOException {
		StatementFormat kind = format == null || format.isBlank() ? null
				: Choice.of("format", format.strip().toUpperCase(java.util.Locale.ROOT), StatementFormat.class);
		BankStatements.Imported imported = this.statements.importStatement(file.getBytes(), kind, mapping, creditor,
				file.getOriginalFilename(), Actor.of(user));
		StatementJson json = StatementJson.of(imported.report());
		if (imported.created()) {
			return ResponseEntity.created(URI.create("/api/v1/bank-statements/" + json.id())).body(json);
		}
		return ResponseEntity.ok(json);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A statement's reconciliation report")
	StatementJson get(@PathVariable @Unscoped(WHOLE) UUID id) {
		return StatementJson.of(this.statements.report(id));
	}

	@GetMapping("/{id}/entries")
	@Operation(summary = "A statement's entries in file order, with what each became",
			description = "open=true lists only the exceptions (unmatched and suggested)")
	List<EntryJson> entries(@PathVariable @Unscoped(WHOLE) UUID id,
			@RequestParam(defaultValue = "false") boolean open) {
		return this.statements.entries(id, open).stream().map(EntryJson::of).toList();
	}

	@PostMapping("/{id}/entries/{entryId}/match")
	@Operation(summary = "Post an open credit to an account, or split it across several (all or none)")
	EntryJson match(@PathVariable @Unscoped(WHOLE) UUID id, @PathVariable @Unscoped(WHOLE) UUID entryId,
			@RequestBody @Valid ApplyRequest body, Authentication user) {
		StatementEntryView entry = entryOf(id, entryId);
		return EntryJson.of(this.exceptions.match(entryId, body.parts(entry.amount().currency(), entry.amount()),
				java.util.Objects.requireNonNull(body.reason()), Actor.of(user)));
	}

	@PostMapping("/{id}/entries/{entryId}/suspense")
	@Operation(summary = "Send an open credit to unapplied cash")
	EntryJson suspense(@PathVariable @Unscoped(WHOLE) UUID id, @PathVariable @Unscoped(WHOLE) UUID entryId,
			@RequestBody @Valid ReasonRequest body, Authentication user) {
		entryOf(id, entryId);
		return EntryJson.of(this.exceptions.toSuspense(entryId, String.valueOf(body.reason()), Actor.of(user)));
	}

	@PostMapping("/{id}/entries/{entryId}/ignore")
	@Operation(summary = "Mark an open entry as concerning no account, with a reason")
	EntryJson ignore(@PathVariable @Unscoped(WHOLE) UUID id, @PathVariable @Unscoped(WHOLE) UUID entryId,
			@RequestBody @Valid ReasonRequest body, Authentication user) {
		entryOf(id, entryId);
		return EntryJson.of(this.exceptions.ignore(entryId, String.valueOf(body.reason()), Actor.of(user)));
	}

	private StatementEntryView entryOf(UUID statement, UUID entry) {
		return this.statements.entries(statement, false)
			.stream()
			.filter((e) -> e.id().equals(entry))
			.findFirst()
			.orElseThrow(() -> new org.dues.shared.NotFoundException("statement entry", entry));
	}

	@ExceptionHandler(UnbalancedStatementException.class)
	ResponseEntity<ProblemDetail> unbalanced(UnbalancedStatementException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
		problem.setTitle("Unbalanced statement");
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
			.contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

}
