package org.dues.payment.web;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.dues.payment.BankStatements;
import org.dues.payment.StatementEntryView;
import org.dues.payment.StatementExceptions;
import org.dues.payment.StatementFormat;
import org.dues.payment.UnappliedCash;
import org.dues.payment.UnappliedStatus;
import org.dues.payment.UnappliedView;
import org.dues.payment.UnbalancedStatementException;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.shared.Choice;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.Money;
import org.dues.shared.NotFoundException;
import org.dues.shared.Phrase;
import org.dues.shared.validation.RequestMoney;
import org.dues.system.Actor;
import org.dues.system.PageController;
import org.dues.system.Phrases;
import org.dues.system.Unscoped;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The reconciliation pages of team leads, managers and administrators: upload a bank
 * statement and read its report, decide its exceptions, and apply or return unapplied
 * cash.
 */
@PageController
class ReconciliationPages {

	private static final String WHOLE = "reconciliation is a lead's, manager's or administrator's, across all statements";

	private final BankStatements statements;

	private final StatementExceptions exceptions;

	private final UnappliedCash unapplied;

	private final Creditors creditors;

	private final Accounts accounts;

	private final Phrases phrases;

	ReconciliationPages(BankStatements statements, StatementExceptions exceptions, UnappliedCash unapplied,
			Creditors creditors, Accounts accounts, Phrases phrases) {
		this.statements = statements;
		this.exceptions = exceptions;
		this.unapplied = unapplied;
		this.creditors = creditors;
		this.accounts = accounts;
		this.phrases = phrases;
	}

	@GetMapping("/reconciliation")
	String list(Model model, Authentication user) {
		// the bank accounts and mappings are the managers' and administrators', as on the
		// API
		model.addAttribute("bankAccountsLink", Actor.of(user).hasAny(java.util.Set.of("ROLE_MANAGER", "ROLE_ADMIN")));
		model.addAttribute("statements", this.statements.latest(50));
		model.addAttribute("creditors", this.creditors.list());
		model.addAttribute("formats", StatementFormat.values());
		return "payment/statements";
	}

	@PostMapping("/reconciliation/statements")
	String upload(@RequestParam(required = false) @Nullable MultipartFile file,
			@RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) @Nullable String mapping,
			@RequestParam(required = false) @Nullable String creditor, Authentication user, Model model)
			throws IOException {
		try {
			if (file == null || file.isEmpty()) {
				throw new InvalidInputException("file", "choose a statement file", Phrase.of("recon.problem.noFile"));
			}
			StatementFormat kind = format == null || format.isBlank() ? null
					: Choice.of("format", format.toUpperCase(Locale.ROOT), StatementFormat.class);
			BankStatements.Imported imported = this.statements.importStatement(file.getBytes(), kind, mapping, creditor,
					file.getOriginalFilename(), Actor.of(user));
			return "redirect:/reconciliation/statements/" + imported.report().id();
		}
		catch (UnbalancedStatementException ex) {
			model.addAttribute("problem", this.phrases.say(ex.phrase()));
			return list(model, user);
		}
		catch (InvalidInputException | NotFoundException | ConflictException ex) {
			model.addAttribute("problem", problem(ex));
			return list(model, user);
		}
	}

	@GetMapping("/reconciliation/statements/{id}")
	String statement(@PathVariable @Unscoped(WHOLE) UUID id, Model model) {
		model.addAttribute("report", this.statements.report(id));
		List<StatementEntryView> entries = this.statements.entries(id, false);
		model.addAttribute("entries", entries);
		// the account the matcher suggested for an entry, by its reference: shown, and
		// filled in for the user to accept
		Map<org.dues.portfolio.AccountId, String> refs = new HashMap<>();
		this.accounts
			.getAll(entries.stream()
				.filter(StatementEntryView::open)
				.map(StatementEntryView::suggested)
				.filter(Objects::nonNull)
				.toList())
			.forEach((accountId, account) -> refs.put(accountId, account.accountRef()));
		Map<UUID, String> suggested = new HashMap<>();
		entries.stream()
			.filter((e) -> e.open() && e.suggested() != null && refs.containsKey(e.suggested()))
			.forEach((e) -> suggested.put(e.id(), refs.get(e.suggested())));
		model.addAttribute("suggestedRefs", suggested);
		return "payment/statement";
	}

	@PostMapping("/reconciliation/statements/{id}/entries/{entryId}")
	String decide(@PathVariable @Unscoped(WHOLE) UUID id, @PathVariable @Unscoped(WHOLE) UUID entryId,
			@RequestParam String action, @RequestParam(required = false) @Nullable String accountRef,
			@RequestParam(required = false) @Nullable String reason, Authentication user, Model model) {
		try {
			StatementEntryView entry = this.statements.entries(id, false)
				.stream()
				.filter((e) -> e.id().equals(entryId))
				.findFirst()
				.orElseThrow(() -> new NotFoundException("statement entry", entryId));
			Actor actor = Actor.of(user);
			String why = reason == null ? "" : reason;
			switch (action) {
				case "match" ->
					this.exceptions.match(entryId,
							List.of(new UnappliedView.Part(
									account(this.statements.report(id).creditorCode(), accountRef), entry.amount())),
							why, actor);
				case "suspense" -> this.exceptions.toSuspense(entryId, why, actor);
				case "ignore" -> this.exceptions.ignore(entryId, why, actor);
				default -> throw new InvalidInputException("action", "must be match, suspense or ignore",
						Phrase.of("recon.problem.action"));
			}
			return "redirect:/reconciliation/statements/" + id;
		}
		catch (InvalidInputException | NotFoundException | ConflictException ex) {
			model.addAttribute("problem", problem(ex));
			return statement(id, model);
		}
	}

	@GetMapping("/reconciliation/unapplied")
	String unapplied(@RequestParam(required = false) @Nullable String status, Model model) {
		UnappliedStatus wanted = status == null || status.isBlank() ? UnappliedStatus.OPEN
				: Choice.of("status", status, UnappliedStatus.class);
		model.addAttribute("items", this.unapplied.list(wanted, null, 200));
		model.addAttribute("status", wanted);
		model.addAttribute("statuses", UnappliedStatus.values());
		return "payment/unapplied";
	}

	@PostMapping("/reconciliation/unapplied/{id}")
	String act(@PathVariable @Unscoped(WHOLE) UUID id, @RequestParam String action,
			@RequestParam(required = false) @Nullable String accountRef,
			@RequestParam(required = false) @Nullable String amount,
			@RequestParam(required = false) @Nullable String reason, Authentication user, Model model) {
		try {
			UnappliedView item = this.unapplied.get(id);
			String why = reason == null ? "" : reason;
			if ("return".equals(action)) {
				this.unapplied.giveBack(id, why, Actor.of(user));
			}
			else {
				String code = item.creditor() == null ? null : this.creditors.get(item.creditor()).code();
				Money money = amount == null || amount.isBlank() ? item.open() : java.util.Objects
					.requireNonNull(RequestMoney.of("amount", amount, item.amount().currency(), null));
				this.unapplied.apply(id, List.of(new UnappliedView.Part(account(code, accountRef), money)), why,
						Actor.of(user));
			}
			return "redirect:/reconciliation/unapplied";
		}
		catch (InvalidInputException | NotFoundException | ConflictException ex) {
			model.addAttribute("problem", problem(ex));
			return unapplied(null, model);
		}
	}

	/**
	 * A refusal as the page says it, in the reader's language: the domain's phrase, or
	 * that the record is gone.
	 */
	private String problem(RuntimeException ex) {
		if (ex instanceof NotFoundException) {
			return this.phrases.say(Phrase.of("recon.problem.notFound"));
		}
		return this.phrases.problem(ex);
	}

	private org.dues.portfolio.AccountId account(@Nullable String creditorCode, @Nullable String accountRef) {
		if (accountRef == null || accountRef.isBlank()) {
			throw new InvalidInputException("accountRef", "name the account",
					Phrase.of("recon.problem.noAccountNamed"));
		}
		List<AccountView> found = this.creditors.list()
			.stream()
			.filter((c) -> creditorCode == null || c.code().equals(creditorCode))
			.map(CreditorView::id)
			.flatMap((c) -> this.accounts.findByRef(c, accountRef.strip()).stream())
			.toList();
		if (found.size() != 1) {
			throw new InvalidInputException("accountRef",
					found.isEmpty() ? "no account " + accountRef : "several creditors have account " + accountRef,
					Phrase.of(found.isEmpty() ? "recon.problem.noAccount" : "recon.problem.severalAccounts",
							accountRef.strip()));
		}
		return found.get(0).id();
	}

}
