package org.dues.payment.web;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.dues.payment.CreditorBankAccounts;
import org.dues.payment.StatementMapping;
import org.dues.payment.StatementMappings;
import org.dues.portfolio.CreditorId;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.NotFoundException;
import org.dues.system.PageController;
import org.dues.system.Unscoped;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page of creditors' bank accounts (a statement of one is that creditor's) and of CSV
 * statement mapping profiles, reached from the reconciliation page: what
 * {@code BankAccountsApi} offers, for the same managers and administrators.
 */
@PageController
class BankAccountPages {

	private static final String PAGE = "redirect:/reconciliation/bank-accounts";

	private final CreditorBankAccounts accounts;

	private final StatementMappings mappings;

	private final Creditors creditors;

	BankAccountPages(CreditorBankAccounts accounts, StatementMappings mappings, Creditors creditors) {
		this.accounts = accounts;
		this.mappings = mappings;
		this.creditors = creditors;
	}

	@GetMapping("/reconciliation/bank-accounts")
	String page(Model model) {
		List<CreditorView> creditors = this.creditors.list();
		Map<CreditorId, CreditorView> byId = creditors.stream()
			.collect(Collectors.toMap(CreditorView::id, Function.identity(), (a, b) -> a));
		model.addAttribute("creditors", creditors);
		model.addAttribute("accounts",
				this.accounts.all().stream().map((a) -> new Row(a, byId.get(a.creditor()))).toList());
		model.addAttribute("mappings", this.mappings.list());
		return "payment/bank-accounts";
	}

	@PostMapping("/reconciliation/bank-accounts")
	String add(@RequestParam(required = false) @Nullable String creditor,
			@RequestParam(required = false) @Nullable String identifier,
			@RequestParam(required = false) @Nullable String label, Authentication user, RedirectAttributes flash) {
		return act(flash, "added", () -> {
			if (identifier == null || identifier.isBlank()) {
				throw new InvalidInputException("identifier", "enter the IBAN or account number");
			}
			this.accounts.add(creditor(creditor).id(), identifier, label, user.getName());
		});
	}

	@PostMapping("/reconciliation/bank-accounts/{identifier}/delete")
	String remove(
			@PathVariable @Unscoped("a creditor's bank account: managers and administrators reach all") String identifier,
			@RequestParam(required = false) @Nullable String creditor, RedirectAttributes flash) {
		return act(flash, "removed", () -> this.accounts.remove(creditor(creditor).id(), identifier));
	}

	@PostMapping("/reconciliation/mappings")
	String saveMapping(@RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable String dateColumn,
			@RequestParam(required = false) @Nullable String amountColumn,
			@RequestParam(required = false) @Nullable String creditColumn,
			@RequestParam(required = false) @Nullable String debitColumn,
			@RequestParam(required = false) @Nullable String referenceColumn,
			@RequestParam(required = false) @Nullable String remittanceColumn,
			@RequestParam(required = false) @Nullable String nameColumn,
			@RequestParam(required = false) @Nullable String dateFormat, RedirectAttributes flash) {
		return act(flash, "mappingSaved", () -> {
			String named = blank(name);
			if (named == null || !named.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,49}")) {
				throw new InvalidInputException("name",
						"a profile's name is up to 50 letters, digits, '.', '_' or '-', e.g. hdfc-csv");
			}
			String date = blank(dateColumn);
			if (date == null) {
				throw new InvalidInputException("dateColumn", "name the column of the value date");
			}
			String format = blank(dateFormat);
			this.mappings.save(new StatementMapping(named, date, blank(amountColumn), blank(creditColumn),
					blank(debitColumn), blank(referenceColumn), blank(remittanceColumn), blank(nameColumn),
					format == null ? "yyyy-MM-dd" : format));
		});
	}

	@PostMapping("/reconciliation/mappings/{name}/delete")
	String removeMapping(@PathVariable @Unscoped("mapping profiles are shared by every creditor") String name,
			RedirectAttributes flash) {
		return act(flash, "mappingRemoved", () -> this.mappings.remove(name));
	}

	private CreditorView creditor(@Nullable String code) {
		if (code == null || code.isBlank()) {
			throw new InvalidInputException("creditor", "choose the creditor");
		}
		return this.creditors.getByCode(code.strip());
	}

	private static String act(RedirectAttributes flash, String done, Runnable action) {
		try {
			action.run();
			flash.addFlashAttribute(done, true);
		}
		catch (InvalidInputException | ConflictException | NotFoundException ex) {
			flash.addFlashAttribute("problem", ex.getMessage());
		}
		return PAGE;
	}

	private static @Nullable String blank(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	/** A bank account and its creditor. */
	record Row(CreditorBankAccounts.BankAccount account, @Nullable CreditorView creditor) {
	}

}
